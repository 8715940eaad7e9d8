/**
 * `npm run loadtest`: a burst of capacity problems against `npm start` — the same entry point, on
 * a fresh data folder — and what became of every ladder. Prints the figures of one run:
 * accepted, answers ≥ 500, submission p50/p99, failed executions left (and failures recovered),
 * time until every ladder reached level 4, duplicate escalation e-mails, peak server memory.
 *
 *   LOADTEST_REPORTS (2000) reports, LOADTEST_CONCURRENCY (50) at a time, LOCAL_TIME_SCALE (20000)
 *   LOADTEST_TIMEOUT_S (900): give up waiting for level 4 after this long.
 *   LOADTEST_CPU_PROF (a folder): the server writes its V8 CPU profile there when it stops.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resetConfig } from '../functions/adapters/config.ts';
import { resetDocumentClient } from '../functions/adapters/dynamo.ts';
import { referenceData } from '../functions/domain/reference.ts';
import { startDynalite } from '../local/dynamo.ts';
import { checkLadders } from '../local/ladder-audit.ts';

const REPORTS = Number(process.env.LOADTEST_REPORTS ?? 2000);
const CONCURRENCY = Number(process.env.LOADTEST_CONCURRENCY ?? 50);
const TIME_SCALE = process.env.LOCAL_TIME_SCALE ?? '20000';
const TIMEOUT_MS = Number(process.env.LOADTEST_TIMEOUT_S ?? 900) * 1000;
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * The server's address. It listens on a port the system picks (PORT=0) and prints its URL once
 * ready (local/main.ts), so no other process can take the port between choosing and listening.
 */
function serverBase(server: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    server.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const port = /kører på http:\/\/[^:\s]+:(\d+)/.exec(out)?.[1];
      if (port) resolve(`http://127.0.0.1:${port}`);
    });
    server.once('exit', (code) => reject(new Error(`npm start exited with ${code}`)));
  });
}

/** Peak resident memory of the server process (Linux: VmHWM), in MiB. */
function peakMemoryMiB(pid: number | undefined): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Math.round(Number(kb) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

/** CPU time the server process has used (Linux: utime + stime), in seconds. */
function cpuSeconds(pid: number | undefined): number | undefined {
  try {
    // The fields after the command name (which may hold spaces) start at its closing parenthesis.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks / 100 : undefined;
  } catch {
    return undefined;
  }
}

/** Stops the server (SIGTERM, so it writes its profile), or kills it if it has not ended in 60 s. */
async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((r) => server.once('exit', r));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 60_000);
  await exited;
  clearTimeout(timer);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function waitHealthy(base: string, server: ChildProcess): Promise<void> {
  for (;;) {
    if (server.exitCode !== null) throw new Error(`npm start exited with ${server.exitCode}`);
    const ok = await fetch(`${base}/health`)
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

const loadAtStart = loadavg()[0] ?? 0;
const dataDir = mkdtempSync(join(tmpdir(), 'kk-loadtest-'));
// `npm start` is `tsx local/main.ts`; run it as one Node process so its memory can be read.
const cpuProfile = process.env.LOADTEST_CPU_PROF;
const profileArgs = cpuProfile ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfile}`] : [];
const server = spawn(process.execPath, [...profileArgs, '--import', 'tsx', 'local/main.ts'], {
  cwd: ROOT,
  env: { ...process.env, PORT: '0', DATA_DIR: dataDir, LOCAL_TIME_SCALE: TIME_SCALE },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let serverErrors = 0;
/** The server's first error lines, shown with the figures (what failed, not only how often). */
const firstErrors: string[] = [];
server.stderr?.on('data', (chunk: Buffer) => {
  serverErrors++;
  for (const line of chunk.toString().split('\n')) {
    if (firstErrors.length < 12 && line.trim()) firstErrors.push(line.slice(0, 300));
  }
});

try {
  const base = await serverBase(server);
  await waitHealthy(base, server);
  const users = (
    (await (await fetch(`${base}/local/demo-users`, { headers: { accept: 'application/json' } })).json()) as {
      users: { email: string; apiToken: string; department?: string }[];
    }
  ).users;
  const departments = referenceData().departments;
  const reporters = users
    .map((u) => ({ token: u.apiToken, department: departments.find((d) => d.id === u.department) }))
    .filter((r) => r.department && r.department.cancerTypes.length > 0);
  if (reporters.length === 0) throw new Error('No department users in the demo data');

  const started = Date.now();
  const latencies: number[] = [];
  const ids = new Set<string>();
  const statuses = new Map<number, number>();
  let next = 0;
  const submitOne = async (i: number) => {
    const reporter = reporters[i % reporters.length];
    const department = reporter?.department;
    if (!reporter || !department) return;
    const body = {
      departmentId: department.id,
      cancerType: department.cancerTypes[i % department.cancerTypes.length],
      pathwayTypes: ['udredning'],
      modalities: [],
      patientsAtRisk: 1 + (i % 40),
      from: '2026-12-01',
      scope: 'hospital',
      description: `Belastningstest ${i}`,
    };
    const t = performance.now();
    const res = await fetch(`${base}/api/problems`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${reporter.token}`,
        'content-type': 'application/json',
        'idempotency-key': `loadtest-${started}-${i}`,
      },
      body: JSON.stringify(body),
    }).catch(() => undefined);
    latencies.push(performance.now() - t);
    const status = res?.status ?? 0;
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    if (res && status < 300) ids.add(((await res.json()) as { id: string }).id);
    else await res?.text();
  };
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < REPORTS) await submitOne(next++);
    }),
  );
  const submitted = Date.now();
  console.log(
    `Submitted ${REPORTS} reports in ${((submitted - started) / 1000).toFixed(1)} s; waiting for level 4 …`,
  );

  // Wait until every accepted problem is on level 4, asking about one at a time in the order they
  // were reported (which is about the order they climb): a light poll, since the local ladder
  // gives way to requests in flight (local/foreground.ts).
  const token = reporters[0]?.token ?? '';
  const remaining = [...ids];
  const deadline = started + TIMEOUT_MS;
  while (remaining.length > 0 && Date.now() < deadline) {
    const id = remaining[0] as string;
    const res = await fetch(`${base}/api/problems/${id}`, {
      headers: { authorization: `Bearer ${token}` },
    }).catch(() => undefined);
    const level =
      res?.status === 200 ? ((await res.json()) as { problem: { level: number } }).problem.level : 0;
    if (res && res.status !== 200) await res.text();
    if (level === 4) remaining.shift();
    else await new Promise((r) => setTimeout(r, 1_000));
  }
  const memory = peakMemoryMiB(server.pid);
  const cpu = cpuSeconds(server.pid);
  await stopServer(server);

  // Read what is stored, from the server's data folder.
  const dynamo = await startDynalite(dataDir);
  Object.assign(process.env, { DYNAMODB_ENDPOINT: dynamo.endpoint, BASE_URL: 'http://localhost:3000' });
  resetConfig();
  resetDocumentClient();
  const report = await checkLadders([...ids]);
  let reachedLevel4At = 0;
  let failedLeft = 0;
  let recovered = 0;
  for (const [id, timeline] of report.timelines) {
    const entered = timeline.find(
      (e) => e.kind === 'level-entered' && e.level === 4 && e.text.startsWith('Niveau 4'),
    );
    if (entered) reachedLevel4At = Math.max(reachedLevel4At, Date.parse(entered.at));
    recovered += timeline.filter((e) => e.kind === 'workflow-stopped').length;
    const state = report.details.get(id)?.workflow.state;
    if (state === 'stopped' || state === 'failed' || state === 'pending') failedLeft++;
  }
  resetDocumentClient();
  await dynamo.close();

  const sorted = [...latencies].sort((a, b) => a - b);
  const fiveHundreds = [...statuses].filter(([s]) => s >= 500 || s === 0).reduce((n, [, c]) => n + c, 0);
  console.log('');
  console.log(
    `reports                        ${REPORTS} at concurrency ${CONCURRENCY}, LOCAL_TIME_SCALE=${TIME_SCALE}`,
  );
  console.log(`accepted                       ${ids.size}`);
  console.log(
    `answers ≥ 500 (or no answer)   ${fiveHundreds}   (statuses: ${[...statuses].map(([s, c]) => `${s}×${c}`).join(', ')})`,
  );
  console.log(
    `submission p50 / p99           ${percentile(sorted, 50).toFixed(0)} ms / ${percentile(sorted, 99).toFixed(0)} ms`,
  );
  console.log(`failed executions left         ${failedLeft}   (failures recovered on the way: ${recovered})`);
  console.log(
    `every ladder at level 4        ${report.belowLevel4.length === 0 && remaining.length === 0 ? `after ${((reachedLevel4At - started) / 1000).toFixed(1)} s` : `NO: ${report.belowLevel4.length} below level 4`}`,
  );
  console.log(
    `duplicate escalation e-mails   ${report.duplicates}   (wrong counts: ${report.wrongCounts.length})`,
  );
  console.log(`peak server memory             ${memory ?? '?'} MiB (VmHWM)`);
  console.log(
    `server CPU time                ${cpu?.toFixed(0) ?? '?'} s (user + system, start-up included)`,
  );
  console.log(
    `machine load average (1 min)   ${loadAtStart.toFixed(1)} at the start, ${(loadavg()[0] ?? 0).toFixed(1)} at the end`,
  );
  console.log(`server stderr chunks           ${serverErrors}`);
  for (const line of firstErrors) console.log(`  ${line}`);
  for (const line of report.wrongCounts.slice(0, 10)) console.log(`  ${line}`);
} finally {
  if (server.exitCode === null) server.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
}
