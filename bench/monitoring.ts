/**
 * Monitoring ingest (`npm run bench`, or `npx tsx bench/monitoring.ts` alone): the generated
 * 2024 extract (≈ 290 000 rows, 22 MB) and the same year four times over, each uploaded and
 * ingested end to end on the local runtime in a fresh child process, so peak memory is the
 * ingest's own. Streaming means the 4× file needs about the memory of the 1× file.
 */
import { execFile } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { generateExtractChunks } from '../functions/domain/monitoring-generator.ts';

interface Run {
  bytes: number;
  rows: number;
  putSeconds: number;
  totalSeconds: number;
  ingestSeconds: number;
  peakGrowthMb: number;
  uploadGrowthMb: number;
  dynamoWrites: number;
}

async function runChild(file: string): Promise<Run> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', join(import.meta.dirname, 'monitoring-child.ts'), file],
    { maxBuffer: 1024 * 1024 },
  );
  const last = stdout.trim().split('\n').pop() as string;
  return JSON.parse(last) as Run;
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
    const one = await runChild(files[1] as string);
    const four = await runChild(files[4] as string);
    const line = (label: string, r: Run) =>
      `  ${label}: ${r.rows.toLocaleString('en')} rows, ${(r.bytes / 1e6).toFixed(1)} MB — upload + ingest ${r.totalSeconds.toFixed(2)} s (PUT ${r.putSeconds.toFixed(2)} s, ingest ${r.ingestSeconds.toFixed(2)} s), ${Math.round(r.rows / r.ingestSeconds).toLocaleString('en')} rows/s, RSS growth during the PUT ${r.uploadGrowthMb.toFixed(0)} MB, then during the ingest ${r.peakGrowthMb.toFixed(0)} MB, DynamoDB writes ${r.dynamoWrites}`;
    return [
      '\nMonitoring ingest on the local runtime (presigned PUT → S3 event → stream, classify, write aggregates; one child process per file)',
      line('1x (2024)', one),
      line('4x', four),
      `  memory 4x / 1x: PUT + ingest ${((four.uploadGrowthMb + four.peakGrowthMb) / (one.uploadGrowthMb + one.peakGrowthMb)).toFixed(2)}, ingest alone ${(four.peakGrowthMb / Math.max(1, one.peakGrowthMb)).toFixed(2)} (streaming: should stay ≤ 1.3; the PUT is s3rver receiving the file in the same process)`,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`)
  for (const line of await benchMonitoring()) console.log(line);
