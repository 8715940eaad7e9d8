/**
 * Each Lambda bundled as the CDK stack bundles it (lib/bundling.ts: code splitting), its
 * cold-start size (the entry and the chunks it imports statically) and the size of all its
 * chunks, and the CPU time of its cold import in a fresh Node process, beside its *floor*: a
 * bundle holding exactly the AWS SDK clients that function calls and nothing else, bundled the
 * same way. For the API also the CPU time of the import and a first page served, beside the
 * floor's import and a first DynamoDB request: what a route group and a language load on first
 * use is paid there.
 */
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { build, type Metafile } from 'esbuild';
import { jobRegistry } from '../functions/jobs/registry.ts';
import { LAMBDA_ENTRY_FILE, lambdaBuildOptions } from '../lib/bundling.ts';
import { ensureTable, startDynalite } from '../local/dynamo.ts';
import { ensureStaticAssets } from '../scripts/build-assets.ts';
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

/** A fresh Node process's environment: region, a table on `endpoint` if given, dummy credentials. */
function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    AWS_REGION: 'eu-north-1',
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
    ...extra,
  };
}

/** A fresh Node process running `body` (an ES module's code), timed in CPU time by itself. */
function cpuScript(body: string): string[] {
  // The figure on a line of its own (whatever the code under test prints stays out of it), then
  // exit: open keep-alive connections would keep the process waiting.
  const script = `const t = process.cpuUsage(); ${body}; const u = process.cpuUsage(t); process.stdout.write('\\ncpu-ms=' + (u.user + u.system) / 1000, () => process.exit(0));`;
  return ['--input-type=module', '-e', script];
}

function cpuMs(out: string): number {
  const figure = /\ncpu-ms=([\d.]+)$/.exec(out)?.[1];
  if (!figure) throw new Error(`no CPU time in: ${out.slice(-500)}`);
  return Number(figure);
}

function cpuMsOf(body: string, env: NodeJS.ProcessEnv): number {
  return cpuMs(execFileSync(process.execPath, cpuScript(body), { encoding: 'utf8', env }));
}

/** As cpuMsOf, without blocking this process (which serves the embedded DynamoDB). */
async function cpuMsOfAsync(body: string, env: NodeJS.ProcessEnv): Promise<number> {
  const { stdout } = await promisify(execFile)(process.execPath, cpuScript(body), { encoding: 'utf8', env });
  return cpuMs(stdout);
}

/**
 * CPU time (user + system) the import of `file` takes in a fresh Node process. CPU time, not
 * wall-clock: the machine is shared, and waiting for a core is not the bundle's cost.
 */
function importTimeMs(file: string): number {
  return cpuMsOf(`await import(${JSON.stringify(file)})`, childEnv());
}

/** The front page as API Gateway (payload v2) hands it to the function, signed out, in Danish. */
const FIRST_PAGE_EVENT = {
  version: '2.0',
  rawPath: '/',
  rawQueryString: '',
  headers: { accept: 'text/html', 'accept-language': 'da' },
  requestContext: { http: { method: 'GET', path: '/', sourceIp: '127.0.0.1' }, requestId: 'bench' },
};

/** CPU time of importing the API bundle and answering the front page (a 200, or the bench fails). */
function firstPageMs(file: string, env: NodeJS.ProcessEnv): Promise<number> {
  const context = { functionName: 'api', awsRequestId: 'bench' };
  return cpuMsOfAsync(
    `const { handler } = await import(${JSON.stringify(file)}); const r = await handler(${JSON.stringify(FIRST_PAGE_EVENT)}, ${JSON.stringify(context)}); if (r.statusCode !== 200) throw new Error('front page: ' + r.statusCode)`,
    env,
  );
}

/** CPU time of importing the floor bundle and sending one DynamoDB Query through its document client. */
function floorFirstRequestMs(file: string, env: NodeJS.ProcessEnv): Promise<number> {
  return cpuMsOfAsync(
    `const m = await import(${JSON.stringify(file)}); const c = m.DynamoDBDocumentClient.from(new m.DynamoDBClient({ endpoint: process.env.DYNAMODB_ENDPOINT })); await c.send(new m.QueryCommand({ TableName: process.env.TABLE_NAME, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': 'REF' } }))`,
    env,
  );
}

/** The page texts: only the API renders pages; a job or the ladder step reads the e-mail texts alone. */
const PAGE_TEXTS = ['functions/web/i18n/da.ts', 'functions/web/i18n/en.ts'];

interface Bundle {
  /** The entry and every chunk it imports statically: what a cold start loads. */
  coldBytes: number;
  /** Every chunk, also those imported on first use. */
  totalBytes: number;
  chunks: number;
  clients: string[];
  pageTexts: boolean;
}

/** Bytes of `entry` and the outputs it imports statically, transitively. */
function coldStart(outputs: Metafile['outputs'], entry: string): number {
  const seen = new Set<string>();
  const next = [entry];
  for (let file = next.pop(); file !== undefined; file = next.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const i of outputs[file]?.imports ?? [])
      if (i.kind === 'import-statement' && !i.external) next.push(i.path);
  }
  return [...seen].reduce((sum, file) => sum + (outputs[file]?.bytes ?? 0), 0);
}

/**
 * Bundles `entry` into `outdir` as the stack does; returns its sizes, the AWS SDK client packages
 * in any of its chunks and whether it holds page texts.
 */
async function bundle(entry: string, outdir: string): Promise<Bundle> {
  rmSync(outdir, { recursive: true, force: true });
  const result = await build({ ...lambdaBuildOptions(entry, outdir), logLevel: 'silent' });
  const outputs = Object.fromEntries(
    Object.entries(result.metafile?.outputs ?? {}).filter(([file]) => !file.endsWith('.map')),
  );
  const entryFile = Object.keys(outputs).find((file) => file.endsWith(`/${LAMBDA_ENTRY_FILE}`));
  if (!entryFile) throw new Error(`${entry}: no ${LAMBDA_ENTRY_FILE} in the build`);
  const inputs = Object.values(outputs).flatMap((o) => Object.keys(o.inputs));
  const clients = new Set<string>();
  for (const input of inputs) {
    const match = /node_modules\/(@aws-sdk\/client-[^/]+)\//.exec(input);
    if (match?.[1]) clients.add(match[1]);
  }
  return {
    coldBytes: coldStart(outputs, entryFile),
    totalBytes: Object.values(outputs).reduce((sum, o) => sum + o.bytes, 0),
    chunks: Object.keys(outputs).length,
    clients: [...clients].sort(),
    pageTexts: inputs.some((input) => PAGE_TEXTS.includes(input)),
  };
}

export interface BundleRow {
  name: string;
  /** What a cold start loads. */
  bytes: number;
  totalBytes: number;
  chunks: number;
  importMs: number;
  floor: { clients: Client[]; bytes: number; importMs: number };
  /** The API: import and the front page served, beside the floor's import and one Query. */
  firstPage?: { ms: number; floorMs: number };
  /** What the bundle holds and the function does not use: AWS SDK clients, the page texts. */
  unused: string[];
}

/** @param only - the functions to measure (all by default) */
export async function measureBundles(runs = 7, only?: string[]) {
  const dir = resolve('.bench/bundles');
  mkdirSync(dir, { recursive: true });
  const empty = join(dir, 'empty.mjs');
  writeFileSync(empty, 'export {};\n');
  const emptyMs = median(Array.from({ length: runs }, () => importTimeMs(empty)));
  const rows: BundleRow[] = [];
  for (const { name, entry, clients } of LAMBDAS.filter((l) => !only || only.includes(l.name))) {
    const floorEntry = join(dir, `${name}.floor.ts`);
    writeFileSync(floorEntry, `${clients.map((c) => CLIENT_SOURCE[c].source).join('\n')}\n`);
    const floorDir = join(dir, `${name}.floor`);
    const floor = await bundle(floorEntry, floorDir);
    const ownDir = join(dir, name);
    const own = await bundle(entry, ownDir);
    const floorFile = join(floorDir, LAMBDA_ENTRY_FILE);
    const ownFile = join(ownDir, LAMBDA_ENTRY_FILE);
    const allowed = new Set(clients.map((c) => CLIENT_SOURCE[c].pkg));
    // Alternate the two imports so a busy moment on the machine weighs on both alike.
    const ownTimes: number[] = [];
    const floorTimes: number[] = [];
    for (let i = 0; i < runs; i++) {
      floorTimes.push(importTimeMs(floorFile));
      ownTimes.push(importTimeMs(ownFile));
    }
    rows.push({
      name,
      bytes: own.coldBytes,
      totalBytes: own.totalBytes,
      chunks: own.chunks,
      importMs: median(ownTimes),
      floor: { clients, bytes: floor.coldBytes, importMs: median(floorTimes) },
      ...(name === 'api' ? { firstPage: await firstPage(ownDir, floorFile, runs) } : {}),
      unused: [
        ...own.clients.filter((c) => !allowed.has(c)),
        ...(own.pageTexts && name !== 'api' ? ['page texts'] : []),
      ],
    });
  }
  return { runs, emptyMs, rows };
}

/** The API's import and first page against an embedded DynamoDB, beside the floor's import and one Query. */
async function firstPage(apiDir: string, floorFile: string, runs: number) {
  // The stack copies the static assets' manifest beside the API bundle; so does the bench.
  ensureStaticAssets({ log: () => {} });
  cpSync(resolve('.build/asset-manifest.json'), join(apiDir, 'asset-manifest.json'));
  const dynamo = await startDynalite();
  try {
    const table = 'kraeftkapacitet-bench';
    await ensureTable(dynamo.endpoint, table);
    const env = childEnv({
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      TABLE_NAME: table,
      ASSET_MANIFEST: join(apiDir, 'asset-manifest.json'),
      POWERTOOLS_LOG_LEVEL: 'ERROR',
    });
    const own: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < runs; i++) {
      floor.push(await floorFirstRequestMs(floorFile, env));
      own.push(await firstPageMs(join(apiDir, LAMBDA_ENTRY_FILE), env));
    }
    return { ms: median(own), floorMs: median(floor) };
  } finally {
    await dynamo.close();
  }
}

/** The bundle part of the bench's output. */
export function bundleReport({ runs, emptyMs, rows }: Awaited<ReturnType<typeof measureBundles>>): string[] {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`.padStart(8);
  const lines = [
    '\nLambda bundles as the stack builds them (esbuild, minified ESM, code splitting) and cold import (CPU time) in a fresh Node process',
    `(median of ${runs}; cold start = the entry and the chunks it imports statically, all = every chunk, also those imported on first use;`,
    ` floor = exactly the AWS SDK clients the function calls, bundled the same way; empty module ${ms(emptyMs)})`,
    `  ${'function'.padEnd(24)} ${'cold start'.padStart(10)} ${'all'.padStart(8)} ${'floor'.padStart(8)}   ${'import'.padStart(9)} ${'floor'.padStart(9)}  ratio  floor clients`,
  ];
  for (const row of rows) {
    const extra = row.unused.length ? `  CARRIES UNUSED ${row.unused.join(', ')}` : '';
    lines.push(
      `  ${row.name.padEnd(24)} ${kib(row.bytes).padStart(10)} ${kib(row.totalBytes)} ${kib(row.floor.bytes)}   ${ms(row.importMs).padStart(9)} ${ms(row.floor.importMs).padStart(9)}  ${(row.importMs / row.floor.importMs).toFixed(2)}x  ${row.floor.clients.join(' + ')}${extra}`,
    );
  }
  for (const row of rows) {
    if (!row.firstPage) continue;
    lines.push(
      `  ${row.name}: import + first page (GET /, signed out, Danish: its route group and page texts loaded) ${ms(row.firstPage.ms)}; floor import + one DynamoDB Query ${ms(row.firstPage.floorMs)}; ratio ${(row.firstPage.ms / row.firstPage.floorMs).toFixed(2)}x`,
    );
  }
  return lines;
}
