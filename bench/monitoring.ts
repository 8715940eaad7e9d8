/**
 * Monitoring ingest (`npm run bench`, or `npx tsx bench/monitoring.ts` alone): the generated
 * 2024 extract (≈ 290 000 rows, 22 MB) and the same year four times over, each uploaded end to
 * end on the local runtime — registered through the HTTP API, PUT to the presigned URL, the S3
 * event → the ingest → done. The ingest runs in a child process of its own
 * (bench/monitoring-child.ts), as its Lambda does in AWS, so its memory is its own and not the
 * embedded S3 engine's receiving the file. Streaming means the 4× file needs about the memory of
 * the 1× file.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { generateExtractChunks } from '../functions/domain/monitoring-generator.ts';
import type { S3EventLike } from '../functions/jobs/monitoring-ingest.ts';
import { startLocal } from '../local/runtime.ts';
import { demoToken } from '../local/seed.ts';
import type { IngestFigures } from './monitoring-child.ts';

interface Run extends IngestFigures {
  bytes: number;
  rows: number;
  /** POST of the upload, PUT of the file, ingest, until the status says done. */
  totalSeconds: number;
  putSeconds: number;
}

/** The ingest process, imported and waiting (a warm Lambda); its start-up is not in the figures. */
async function ingestProcess(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = fork(join(import.meta.dirname, 'monitoring-child.ts'), {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    env,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  await new Promise<void>((ok, fail) => {
    child.once('message', () => ok());
    child.once('exit', (code) => fail(new Error(`ingest process exited (${code})`)));
  });
  child.removeAllListeners('exit');
  return child;
}

async function upload(file: string): Promise<Run> {
  let child: ChildProcess | undefined;
  let figures: Promise<IngestFigures> | undefined;
  const runtime = await startLocal({
    scheduler: false,
    ingest: async (event: S3EventLike) => {
      const ingest = child as ChildProcess;
      figures = new Promise((ok) => ingest.once('message', (m) => ok(m as IngestFigures)));
      ingest.send(event);
      await figures;
    },
  });
  try {
    // The runtime set the table and endpoints in the environment; like the Lambda, the ingest
    // reads S3 directly (the app's front door forwards only the browser's PUT).
    child = await ingestProcess({ ...process.env, S3_ENDPOINT: runtime.s3.endpoint });
    const token = await demoToken('specialenheden@specialenheden.example');
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const bytes = statSync(file).size;
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
      headers: { 'content-type': 'text/csv', 'content-length': String(bytes) },
      body: createReadStream(file) as unknown as BodyInit,
      duplex: 'half',
    } as RequestInit);
    if (put.status !== 200) throw new Error(`PUT answered ${put.status}`);
    const putSeconds = (performance.now() - start) / 1000;
    // Waiting on the ingest's answer, not polling: polls would take CPU from the S3 engine's GET.
    while (!figures) await new Promise((r) => setTimeout(r, 5));
    await figures;
    const status = (await (
      await fetch(`${runtime.url}/api/monitoring/uploads/${ticket.id}`, { headers })
    ).json()) as { status: string; rows: number; errors: unknown[] };
    const totalSeconds = (performance.now() - start) / 1000;
    if (status.status !== 'done')
      throw new Error(`Upload ${status.status}: ${JSON.stringify(status.errors)}`);
    return { bytes, rows: status.rows, totalSeconds, putSeconds, ...(await figures) };
  } finally {
    child?.kill();
    await runtime.close();
  }
}

export async function benchMonitoring(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'kk-bench-mon-'));
  try {
    const files: Record<number, string> = {};
    for (const copies of [1, 4]) {
      files[copies] = join(dir, `forloeb-${copies}x.csv`);
      await pipeline(
        Readable.from(generateExtractChunks({ year: 2024, copies })),
        createWriteStream(files[copies]),
      );
    }
    const one = await upload(files[1] as string);
    const four = await upload(files[4] as string);
    const line = (label: string, r: Run) =>
      `  ${label}: ${r.rows.toLocaleString('en')} rows, ${(r.bytes / 1e6).toFixed(1)} MB — end to end ${r.totalSeconds.toFixed(2)} s (PUT ${r.putSeconds.toFixed(2)} s, ingest ${r.ingestSeconds.toFixed(2)} s, ${Math.round(r.rows / r.ingestSeconds).toLocaleString('en')} rows/s), ingest RSS ${r.baselineMb.toFixed(0)} MB + peak growth ${r.peakGrowthMb.toFixed(0)} MB, DynamoDB writes ${r.dynamoWrites}`;
    return [
      '\nMonitoring ingest on the local runtime (POST → presigned PUT → S3 event → the ingest in its own process: stream, classify, write aggregates)',
      line('1x (2024)', one),
      line('4x', four),
      `  ingest memory 4x / 1x (RSS at peak): ${((four.baselineMb + four.peakGrowthMb) / (one.baselineMb + one.peakGrowthMb)).toFixed(2)} (streaming: ≤ 1.3); peak growth 4x / 1x: ${(four.peakGrowthMb / Math.max(1, one.peakGrowthMb)).toFixed(2)}`,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`)
  for (const line of await benchMonitoring()) console.log(line);
