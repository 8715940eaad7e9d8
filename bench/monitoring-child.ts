/**
 * The monitoring ingest in a process of its own, as its Lambda runs in AWS (bench/monitoring.ts
 * forks it): the ingest handler against the parent's embedded DynamoDB and S3 (endpoints in the
 * environment), nothing else loaded. It says `ready` once imported, then handles each S3 event
 * it is sent and answers with its own figures: handler time, peak RSS growth over the RSS before
 * the event (sampled every 5 ms), and the DynamoDB writes it made.
 */
import { documentClient } from '../functions/adapters/dynamo.ts';
import { handler, type S3EventLike } from '../functions/jobs/monitoring-ingest.ts';
import { fakeLambdaContext } from '../local/lambda-context.ts';

const WRITE = /^(Put|Update|Delete|BatchWrite)/;
let writes = 0;
documentClient().middlewareStack.add(
  (next, context) => async (args) => {
    if (WRITE.test(context.commandName ?? '')) writes++;
    return next(args);
  },
  { step: 'initialize', name: 'benchCountWrites' },
);

export interface IngestFigures {
  ingestSeconds: number;
  baselineMb: number;
  peakGrowthMb: number;
  dynamoWrites: number;
}

process.on('message', async (event: S3EventLike) => {
  globalThis.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  writes = 0;
  const start = performance.now();
  try {
    await handler(event, fakeLambdaContext('monitoring-ingest'));
  } finally {
    clearInterval(sampler);
  }
  const ingestSeconds = (performance.now() - start) / 1000;
  peak = Math.max(peak, process.memoryUsage().rss);
  const figures: IngestFigures = {
    ingestSeconds,
    baselineMb: baseline / 1024 / 1024,
    peakGrowthMb: (peak - baseline) / 1024 / 1024,
    dynamoWrites: writes,
  };
  process.send?.(figures);
});
process.send?.('ready');
