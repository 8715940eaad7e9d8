/**
 * Logs and metrics with Powertools for AWS Lambda: one Logger and one Metrics per process.
 *
 * In Lambda: one JSON line per log entry, level from POWERTOOLS_LOG_LEVEL, debug entries of a
 * sampled share of invocations (POWERTOOLS_LOGGER_SAMPLE_RATE), and CloudWatch metrics as EMF in
 * POWERTOOLS_METRICS_NAMESPACE — all set once for every function in lib/app-function.ts.
 * Outside Lambda (`npm start`, tests) Powertools runs in its dev mode: the same Logger prints
 * indented, readable entries and no metrics are written.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { MiddlewareObj } from '@middy/core';
import { lazily } from '#domain/time.ts';
import { METRICS_NAMESPACE, type MetricName, SERVICE_NAME } from './metric-names.ts';

if (!process.env.AWS_LAMBDA_FUNCTION_NAME) process.env.POWERTOOLS_DEV ??= 'true';

export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? SERVICE_NAME });

// Made on the first count: building it costs ~3 ms of every cold start, and many invocations count nothing.
const metrics = lazily(
  () =>
    new Metrics({
      namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? METRICS_NAMESPACE,
      serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? SERVICE_NAME,
    }),
);

/**
 * Counts `value` of `name`, written at once as its own EMF record: nothing waits for the end of
 * the invocation, so a count is never lost to a handler that throws.
 *
 * @example count(METRIC.levelReached, 1, { level: '2' });
 */
export function count(name: MetricName, value = 1, dimensions: Record<string, string> = {}): void {
  if (value <= 0) return;
  const single = metrics().singleMetric();
  for (const [key, dimension] of Object.entries(dimensions)) single.addDimension(key, dimension);
  single.addMetric(name, MetricUnit.Count, value);
}

/**
 * The Lambda context (request id, cold start, function) on every log line of the invocation,
 * plus the keys `keysOf` takes from the event (the API's request id), and the keys of the
 * previous invocation dropped.
 */
export function withLogContext<Event = unknown>(
  keysOf?: (event: Event) => Record<string, string | undefined>,
): MiddlewareObj<Event> {
  const inject = injectLambdaContext(logger, { resetKeys: true }) as MiddlewareObj<Event>;
  if (!keysOf) return inject;
  return {
    ...inject,
    before: async (request) => {
      await inject.before?.(request);
      logger.appendKeys(keysOf(request.event));
    },
  };
}
