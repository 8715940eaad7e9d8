/**
 * `npm run lighthouse [-- <url of a running npm start>]`: Lighthouse 12 with its mobile defaults
 * (Moto G Power emulation, simulated slow 4G and 4× CPU slowdown) on the main pages, signed in as
 * a department user, and per page: the performance, accessibility and best-practices scores, LCP,
 * CLS, and the bytes transferred on a first view (cold cache) and a repeat view (the same page
 * loaded again with the cache of the first). Figures from one run; not a test.
 *
 * Without a URL it starts the local system itself (`npm start`, in memory) and stops it after.
 * Every report is kept as JSON in .bench/lighthouse/ (open it in the Lighthouse viewer).
 * Chromium from CHROMIUM_PATH (default /usr/bin/chromium). Scores fall when the machine is busy:
 * the load average is printed with the figures.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import {
  findings,
  formatTable,
  type LighthouseResult,
  missedTargets,
  type PageFigures,
  pageFigures,
} from './lighthouse-summary.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const REPORTS = '.bench/lighthouse';
const ALL_PAGES = [
  '/',
  '/indberet',
  '/problemer',
  '<problem>',
  '/ventetider',
  '/find-kapacitet',
  '/kontakter',
];
/** LIGHTHOUSE_PAGES=/ventetider,/kontakter measures only those (`<problem>` is the problem page). */
const PAGES = process.env.LIGHTHOUSE_PAGES?.split(',') ?? ALL_PAGES;

/** Resolves with the first capture of `pattern` in a child's output, or rejects when it exits first. */
function waitForLine(child: ChildProcess, stream: 'stdout' | 'stderr', pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    child[stream]?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = pattern.exec(seen);
      if (match?.[1]) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`${child.spawnargs[0]} exited (${code}):\n${seen}`)));
  });
}

/** `npm start` in memory on a free port; resolves with its URL once it serves requests. */
async function startSystem(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'local/main.ts'], {
    env: { ...process.env, PORT: '0', DATA_DIR: 'memory' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await waitForLine(child, 'stdout', /kører på (http:\/\/\S+)/);
  return { url, stop: () => child.kill('SIGTERM') };
}

/** A headless Chromium with a DevTools port for Lighthouse. */
async function startChromium(): Promise<{ port: number; stop: () => void }> {
  const profile = mkdtempSync(join(tmpdir(), 'kk-lighthouse-'));
  const child = spawn(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const port = Number(await waitForLine(child, 'stderr', /DevTools listening on ws:\/\/[^:]+:(\d+)\//));
  return {
    port,
    stop: () => {
      child.kill('SIGTERM');
      child.once('exit', () => rmSync(profile, { recursive: true, force: true }));
    },
  };
}

interface DemoUser {
  email: string;
  role: string;
  signInUrl?: string;
  apiToken?: string;
}

/**
 * Signs in as the first department user through its /local/demo-users link (the confirmation
 * POST, as the browser sends it) and returns the session cookie and the user's API token.
 */
async function signIn(base: string): Promise<{ cookie: string; apiToken: string }> {
  const res = await fetch(`${base}/local/demo-users`, { headers: { accept: 'application/json' } });
  const { users } = (await res.json()) as { users: DemoUser[] };
  const user = users.find((u) => u.role === 'department' && u.signInUrl && u.apiToken);
  if (!user?.signInUrl || !user.apiToken) throw new Error('No department user with a sign-in link.');
  const link = new URL(new URL(user.signInUrl).pathname, base);
  const confirm = await fetch(link, {
    method: 'POST',
    headers: { 'sec-fetch-site': 'same-origin', 'content-type': 'application/x-www-form-urlencoded' },
    redirect: 'manual',
  });
  const cookie = confirm.headers.getSetCookie()[0]?.split(';')[0];
  if (!cookie) throw new Error(`Signing in as ${user.email} answered ${confirm.status} without a cookie.`);
  return { cookie, apiToken: user.apiToken };
}

/** A problem page to measure: the first one listed, or one reported for the purpose. */
async function problemPath(base: string, cookie: string, apiToken: string): Promise<string> {
  const list = await (await fetch(`${base}/problemer`, { headers: { cookie } })).text();
  const listed = /href="(\/problemer\/[\w-]+)"/.exec(list)?.[1];
  if (listed) return listed;
  const departmentId = /<option value="([\w-]+)"/.exec(
    await (await fetch(`${base}/indberet`, { headers: { cookie } })).text(),
  )?.[1];
  const res = await fetch(`${base}/api/problems`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${apiToken}`,
      'content-type': 'application/json',
      'idempotency-key': `lighthouse-${Date.now().toString(36)}`,
    },
    body: JSON.stringify({
      departmentId,
      cancerType: 'brystkraeft',
      pathwayTypes: ['behandling'],
      modalities: ['kirurgi'],
      patientsAtRisk: 4,
      from: new Date().toISOString().slice(0, 10),
      scope: 'hospital',
    }),
  });
  const body = (await res.json()) as { id?: string };
  if (res.status !== 201 || !body.id) throw new Error(`Reporting a problem answered ${res.status}.`);
  return `/problemer/${body.id}`;
}

const givenUrl = process.argv[2]?.replace(/\/$/, '');
const system = givenUrl ? { url: givenUrl, stop: () => {} } : await startSystem();
const chromium = await startChromium();
try {
  const { cookie, apiToken } = await signIn(system.url);
  const problem = await problemPath(system.url, cookie, apiToken);
  rmSync(REPORTS, { recursive: true, force: true }); // only this run's reports
  mkdirSync(REPORTS, { recursive: true });
  const load = loadavg();
  const rows: PageFigures[] = [];
  for (const page of PAGES) {
    const path = page === '<problem>' ? problem : page;
    const run = async (repeat: boolean, attempt = 1): Promise<LighthouseResult> => {
      const result = await lighthouse(`${system.url}${path}`, {
        port: chromium.port,
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices'],
        extraHeaders: { Cookie: cookie },
        // The repeat view keeps the cache the first view filled.
        disableStorageReset: repeat,
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${path}.`);
      const name = `${path.replace(/^\//, '').replace(/\W+/g, '-') || 'forside'}${repeat ? '.repeat' : ''}`;
      writeFileSync(join(REPORTS, `${name}.json`), JSON.stringify(result.lhr));
      const lhr = result.lhr as unknown as LighthouseResult;
      // A busy machine sometimes loses the trace (NO_NAVSTART, NO_FCP): Lighthouse asks to run again.
      if (lhr.runtimeError && attempt < 3) {
        console.log(`  ${path}: ${lhr.runtimeError.code}, again`);
        return run(repeat, attempt + 1);
      }
      return lhr;
    };
    const first = await run(false);
    const repeat = await run(true);
    const figures = pageFigures(page === '<problem>' ? '/problemer/<id>' : path, first, repeat);
    rows.push(figures);
    const missed = missedTargets(figures);
    console.log(
      `${figures.page}: ${missed.length ? `misses ${missed.join(', ')}` : 'every target met'} ${JSON.stringify(figures)}`,
    );
    for (const line of findings(first)) console.log(`  ${line}`);
  }
  const after = loadavg();
  console.log(
    `\nLighthouse 12, mobile defaults, ${system.url} (load average ${load.map((l) => l.toFixed(2)).join(' ')} before, ${after.map((l) => l.toFixed(2)).join(' ')} after):\n`,
  );
  console.log(formatTable(rows));
} finally {
  chromium.stop();
  system.stop();
}
