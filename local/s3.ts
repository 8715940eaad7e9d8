/**
 * The embedded S3 engine (s3rver) for the monitoring bucket: presigned PUTs from the browser or
 * a regional system land here, and each object's arrival calls the ingest Lambda's handler with
 * the S3-shaped event — the same code path as the bucket notification in AWS.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { handler as ingestHandler, type S3EventLike } from '../functions/jobs/monitoring-ingest.ts';
import { fakeLambdaContext } from './lambda-context.ts';

// The page uploads straight to the presigned URL from another origin (another port): allow PUT.
const CORS = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`;

export interface LocalS3 {
  endpoint: string;
  /** Resolves once every ingest started so far has finished (tests, shutdown). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** What an object's arrival invokes: the ingest handler in this process, or (the benchmark) elsewhere. */
export type S3EventTarget = (event: S3EventLike) => Promise<unknown>;

const ingestInProcess: S3EventTarget = (event) =>
  ingestHandler(event, fakeLambdaContext('monitoring-ingest'));

export async function startS3(
  bucket: string,
  dataDir?: string,
  ingest: S3EventTarget = ingestInProcess,
): Promise<LocalS3> {
  const directory = dataDir ? join(dataDir, 's3') : mkdtempSync(join(tmpdir(), 'kk-s3-'));
  mkdirSync(directory, { recursive: true });
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    directory,
    silent: true,
    configureBuckets: [{ name: bucket, configs: [CORS] }],
  });
  const { port } = (await server.run()) as { port: number };
  const running = new Set<Promise<unknown>>();
  server.on('event', (event: S3EventLike) => {
    if (!event.Records?.some((r) => r.eventName?.startsWith('ObjectCreated'))) return;
    const run = ingest(event)
      .catch((error: unknown) => console.error('Monitoring ingest failed:', error))
      .finally(() => running.delete(run));
    running.add(run);
  });
  return {
    endpoint: `http://localhost:${port}`,
    async idle() {
      while (running.size > 0) await Promise.all([...running]);
    },
    async close() {
      await Promise.all([...running]);
      await server.close();
      if (!dataDir) rmSync(directory, { recursive: true, force: true });
    },
  };
}
