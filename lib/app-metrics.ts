/**
 * The application's own metrics (EMF from functions/adapters/telemetry.ts) for the dashboard
 * and the alarms. Every function writes them with the same `service` dimension.
 */
import { Duration } from 'aws-cdk-lib';
import { Metric, Stats } from 'aws-cdk-lib/aws-cloudwatch';
import { METRICS_NAMESPACE, type MetricName, SERVICE_NAME } from '../functions/adapters/metric-names.ts';

/** The Powertools environment of every function (lib/app-function.ts). */
export const POWERTOOLS_ENVIRONMENT = {
  POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
  POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
  POWERTOOLS_LOG_LEVEL: 'INFO',
  // One invocation in a hundred logs at DEBUG as well.
  POWERTOOLS_LOGGER_SAMPLE_RATE: '0.01',
} as const;

/** The sum of an application metric per `period` (default 5 minutes). */
export function appMetric(
  name: MetricName,
  options: { dimensions?: Record<string, string>; period?: Duration; label?: string } = {},
): Metric {
  return new Metric({
    namespace: METRICS_NAMESPACE,
    metricName: name,
    dimensionsMap: { service: SERVICE_NAME, ...options.dimensions },
    statistic: Stats.SUM,
    period: options.period ?? Duration.minutes(5),
    label: options.label,
  });
}
