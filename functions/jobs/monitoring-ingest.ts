/**
 * S3 → this Lambda when an extract arrives in the monitoring bucket (locally the embedded S3
 * engine's event calls the same handler). Each record is ingested on its own: a failure is
 * thrown so S3's asynchronous invocation retries it.
 */
import middy from '@middy/core';
import { METRIC } from '#adapters/metric-names.ts';
import { withReferenceData } from '#adapters/reference-store.ts';
import { count, logger, withLogContext } from '#adapters/telemetry.ts';
import { ingestObject } from '../services/monitoring-ingest.ts';

export interface S3EventLike {
  Records?: { eventName?: string; s3?: { object?: { key?: string } } }[];
}

export const handler = middy<S3EventLike>()
  .use(withLogContext())
  .use(withReferenceData())
  .handler(async (event) => {
    const results: { key: string; status: string }[] = [];
    for (const record of event.Records ?? []) {
      const raw = record.s3?.object?.key;
      if (!raw || !record.eventName?.startsWith('ObjectCreated')) continue;
      // S3 events carry the key URL-encoded, spaces as '+'.
      const key = decodeURIComponent(raw.replace(/\+/g, ' '));
      results.push({ key, status: await ingestObject(key) });
    }
    count(METRIC.monitoringFilesAccepted, results.filter((r) => r.status === 'done').length);
    count(METRIC.monitoringFilesRejected, results.filter((r) => r.status === 'rejected').length);
    logger.info('monitoring ingest', { results });
    return { results };
  });
