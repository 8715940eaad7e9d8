/**
 * Each Lambda bundled as the CDK stack bundles it (lib/bundling.ts), its size and cold import
 * time in a fresh Node process, beside its *floor*: a bundle holding exactly the AWS SDK clients
 * that function calls and nothing else.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { jobRegistry } from '../functions/jobs/registry.ts';
import { LAMBDA_BUNDLING } from '../lib/bundling.ts';
import { median } from './stats.ts';

type Client = 'dynamodb' | 'sesv2' | 'sfn' | 's3';

/**
 * Every Lambda of the stack with the AWS SDK clients it calls in AWS (its floor): the HTTP API,
 * the ladder step, the event-driven functions and each scheduled job of the registry.
 */
export const LAMBDAS: { name: string; entry: string; clients: Client[] }[] = [
  // The API presigns monitoring uploads (S3) besides the table, sign-in mail and workflow starts.
  { name: 'api', entry: 'functions/http/api.ts', clients: ['dynamodb', 'sesv2', 'sfn', 's3'] },
  { name: 'ladder-step', entry: 'functions/workflow/ladder-step.ts', clients: ['dynamodb', 'sesv2', 'sfn'] },
  { name: 'ses-events', entry: 'functions/jobs/ses-events.ts', clients: ['dynamodb', 'sesv2'] },
  { name: 'monitoring-ingest', entry: 'functions/jobs/monitoring-ingest.ts', clients: ['dynamodb', 's3'] },
  ...jobRegistry().map((job) => ({
    name: job.id,
    entry: job.handler,
    clients: [
      'dynamodb' as const,
      ...(job.needs.mail ? (['sesv2'] as const) : []),
      ...(job.needs.workflow ? (['sfn'] as const) : []),
    ],
  })),
];

/** Each client with the commands the functions send through it. */
const CLIENT_SOURCE: Record<Client, { pkg: string; source: string }> = {
  dynamodb: {
    pkg: '@aws-sdk/client-dynamodb',
    source: `export { DynamoDBClient } from '@aws-sdk/client-dynamodb';
export { DynamoDBDocumentClient, BatchWriteCommand, DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';`,
  },
  sesv2: {
    pkg: '@aws-sdk/client-sesv2',
    source: `export { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';`,
  },
  sfn: {
    pkg: '@aws-sdk/client-sfn',
    source: `export { SFNClient, StartExecutionCommand, StopExecutionCommand } from '@aws-sdk/client-sfn';`,
  },
  s3: {
    pkg: '@aws-sdk/client-s3',
    source: `export { S3Client, DeleteObjectCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
export { getSignedUrl } from '@aws-sdk/s3-request-presigner';`,
  },
};

/**
 * CPU time (user + system) the import of `file` takes in a fresh Node process. CPU time, not
 * wall-clock: the machine is shared, and waiting for a core is not the bundle's cost.
 */
function importTimeMs(file: string): number {
  const script = `const t = process.cpuUsage(); await import(${JSON.stringify(file)}); const u = process.cpuUsage(t); process.stdout.write(String((u.user + u.system) / 1000));`;
  return Number(
    execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      env: { ...process.env, AWS_REGION: 'eu-north-1' },
    }),
  );
}

/** The page texts: only the API renders pages; a job or the ladder step reads the e-mail texts alone. */
const PAGE_TEXTS = 'functions/web/i18n/da.ts';

/**
 * Bundles `entry` as the stack does; returns its size, the AWS SDK client packages inside and
 * whether it holds the page texts.
 */
async function bundle(
  entry: string,
  outfile: string,
): Promise<{ bytes: number; clients: string[]; pageTexts: boolean }> {
  const result = await build({
    ...LAMBDA_BUNDLING,
    mainFields: [...LAMBDA_BUNDLING.mainFields],
    banner: { js: LAMBDA_BUNDLING.banner },
    entryPoints: [entry],
    bundle: true,
    outfile,
    metafile: true,
    logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs)[0];
  const clients = new Set<string>();
  for (const input of Object.keys(output?.inputs ?? {})) {
    const match = /node_modules\/(@aws-sdk\/client-[^/]+)\//.exec(input);
    if (match?.[1]) clients.add(match[1]);
  }
  return {
    bytes: output?.bytes ?? 0,
    clients: [...clients].sort(),
    pageTexts: PAGE_TEXTS in (output?.inputs ?? {}),
  };
}

export interface BundleRow {
  name: string;
  bytes: number;
  importMs: number;
  floor: { clients: Client[]; bytes: number; importMs: number };
  /** What the bundle holds and the function does not use: AWS SDK clients, the page texts. */
  unused: string[];
}

export async function measureBundles(runs = 7) {
  const dir = resolve('.bench/bundles');
  mkdirSync(dir, { recursive: true });
  const empty = join(dir, 'empty.mjs');
  writeFileSync(empty, 'export {};\n');
  const emptyMs = median(Array.from({ length: runs }, () => importTimeMs(empty)));
  const rows: BundleRow[] = [];
  for (const { name, entry, clients } of LAMBDAS) {
    const floorEntry = join(dir, `${name}.floor.ts`);
    writeFileSync(floorEntry, `${clients.map((c) => CLIENT_SOURCE[c].source).join('\n')}\n`);
    const floorFile = join(dir, `${name}.floor.mjs`);
    const floor = await bundle(floorEntry, floorFile);
    const outfile = join(dir, `${name}.mjs`);
    const own = await bundle(entry, outfile);
    const allowed = new Set(clients.map((c) => CLIENT_SOURCE[c].pkg));
    // Alternate the two imports so a busy moment on the machine weighs on both alike.
    const ownTimes: number[] = [];
    const floorTimes: number[] = [];
    for (let i = 0; i < runs; i++) {
      floorTimes.push(importTimeMs(floorFile));
      ownTimes.push(importTimeMs(outfile));
    }
    rows.push({
      name,
      bytes: own.bytes,
      importMs: median(ownTimes),
      floor: { clients, bytes: floor.bytes, importMs: median(floorTimes) },
      unused: [
        ...own.clients.filter((c) => !allowed.has(c)),
        ...(own.pageTexts && name !== 'api' ? ['page texts'] : []),
      ],
    });
  }
  return { emptyMs, rows };
}
