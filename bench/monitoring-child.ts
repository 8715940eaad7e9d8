/**
 * One ingest, measured in a process of its own (bench/monitoring.ts starts it): the local runtime
 * in memory, an upload registered through the HTTP API, the file PUT to the presigned URL, and
 * the time until the upload is done. Prints one JSON line: seconds, rows, peak RSS growth,
 * DynamoDB writes.
 */
import { createReadStream, statSync } from 'node:fs';
import { monitoringWriteStats } from '../functions/adapters/monitoring-store.ts';
import { startLocal } from '../local/runtime.ts';
import { demoToken } from '../local/seed.ts';

const file = process.argv[2] as string;
const runtime = await startLocal({ scheduler: false });
const token = await demoToken('specialenheden@specialenheden.example');
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

// The embedded S3 engine receiving the PUT runs in this process too; the ingest's own memory is
// measured from when the upload has arrived (the S3 event fires then) until it is done.
const startRss = process.memoryUsage().rss;
let baseline = startRss;
let peak = baseline;
let uploadPeak = baseline;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 5);

const writesBefore = monitoringWriteStats.writes;
const start = performance.now();
const ticket = (await (
  await fetch(`${runtime.url}/api/monitoring/uploads`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ fileName: 'bench.csv', contentType: 'text/csv' }),
  })
).json()) as { id: string; uploadUrl: string };
const put = await fetch(ticket.uploadUrl, {
  method: 'PUT',
  headers: { 'content-type': 'text/csv', 'content-length': String(statSync(file).size) },
  body: createReadStream(file) as unknown as BodyInit,
  duplex: 'half',
} as RequestInit);
if (put.status !== 200) throw new Error(`PUT answered ${put.status}`);
const uploaded = performance.now();
uploadPeak = peak;
baseline = process.memoryUsage().rss;
peak = baseline;
let status: { status: string; rows: number; replaced: string[]; errors: unknown[] };
do {
  await new Promise((r) => setTimeout(r, 20));
  status = (await (
    await fetch(`${runtime.url}/api/monitoring/uploads/${ticket.id}`, { headers })
  ).json()) as typeof status;
} while (status.status === 'pending' || status.status === 'processing');
const done = performance.now();
clearInterval(sampler);
if (status.status !== 'done') throw new Error(`Upload ${status.status}: ${JSON.stringify(status.errors)}`);
await runtime.close();
console.log(
  JSON.stringify({
    bytes: statSync(file).size,
    rows: status.rows,
    putSeconds: (uploaded - start) / 1000,
    totalSeconds: (done - start) / 1000,
    ingestSeconds: (done - uploaded) / 1000,
    peakGrowthMb: (peak - baseline) / 1024 / 1024,
    uploadGrowthMb: (uploadPeak - startRss) / 1024 / 1024,
    // Aggregates (history + current per region × quarter), the upload's status writes, and one audit entry per region × quarter.
    dynamoWrites: monitoringWriteStats.writes - writesBefore + status.replaced.length,
  }),
);
process.exit(0);
