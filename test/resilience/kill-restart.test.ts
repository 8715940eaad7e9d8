/**
 * Kill and restart: `npm start`'s entry point (local/main.ts, as a child process on a temporary
 * data folder) is killed with SIGKILL at random moments while 200 ladders climb, and started again
 * on the same data each time. Afterwards every accepted problem has climbed to level 4, every
 * reachable recipient got each level's e-mail exactly once, and every ladder under way at a kill
 * has its recovery (the reconcile job's restart) on its timeline.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { resetConfig } from '../../functions/adapters/config.ts';
import { resetDocumentClient } from '../../functions/adapters/dynamo.ts';
import { startDynalite } from '../../local/dynamo.ts';
import { checkLadders, kindsOf } from '../../local/ladder-audit.ts';
import { BREAST_SURGERY_REPORT } from '../fixtures.ts';

const LADDERS = 200;
const KILLS = 3;
// Levels 1–3 (2 + 3 + 5 working days) take about 12 s of the clock at this scale, so the kills
// land mid-climb. The network is reminded yearly here: the test is about the climb.
const TIME_SCALE = '100000';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const REPORTER = 'mette.holm@regionsjaelland.example';

const dataDir = mkdtempSync(join(tmpdir(), 'kk-kill-'));
let server: ChildProcess | undefined;

afterAll(() => {
  if (server?.exitCode === null) server.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `npm start` (local/main.ts) on the test's data folder; resolves once /health says ready. */
async function start(base: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'local/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      LOCAL_TIME_SCALE: TIME_SCALE,
      // A killed sender's claims are taken over after 3 s instead of a step's 30 s budget.
      SEND_LEASE_SECONDS: '3',
      NETWORK_REMINDER_DAYS: '365',
    },
    stdio: 'ignore',
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`local/main.ts exited with ${child.exitCode}`);
    const ready = await fetch(`${base}/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) return child;
    await sleep(100);
  }
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

describe('the local runtime killed while 200 ladders climb', () => {
  it('climbs every accepted ladder to level 4, mails every reachable recipient once per level, and records the recoveries', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = await start(base, port);
    const users = (
      (await (
        await fetch(`${base}/local/demo-users`, { headers: { accept: 'application/json' } })
      ).json()) as {
        users: { email: string; apiToken: string }[];
      }
    ).users;
    const token = users.find((u) => u.email === REPORTER)?.apiToken ?? '';
    const auth = { authorization: `Bearer ${token}` };

    // A client retries each report with the same key until it is answered, across the kills.
    const accepted = new Map<string, number>();
    let next = 0;
    const submissions = Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < LADDERS) {
          const i = next++;
          for (;;) {
            const res = await fetch(`${base}/api/problems`, {
              method: 'POST',
              headers: {
                ...auth,
                'content-type': 'application/json',
                'idempotency-key': `kill-restart-${i}`,
              },
              body: JSON.stringify({ ...BREAST_SURGERY_REPORT, patientsAtRisk: 1 + (i % 30) }),
            }).catch(() => undefined);
            if (res && res.status < 300) {
              const { id } = (await res.json()) as { id: string };
              if (!accepted.has(id)) accepted.set(id, Date.now());
              break;
            }
            // Only a server that is down or starting may refuse: never a 5xx from a running one.
            if (res) expect([503], await res.text()).toContain(res.status);
            await sleep(200);
          }
        }
      }),
    );

    // SIGKILL at random moments, each time started again on the same data.
    const kills: number[] = [];
    for (let k = 0; k < KILLS; k++) {
      await sleep(1_500 + Math.random() * 4_000);
      kills.push(Date.now());
      await kill(server);
      server = await start(base, port);
    }
    await submissions;
    expect(accepted.size).toBe(LADDERS);

    // Wait until every ladder is on level 4 and, if it was under way at a kill, has its restart
    // recorded (a ladder may be on level 4 before the last start's reconcile reaches it).
    const lastKill = kills.at(-1) ?? 0;
    let below = [...accepted.keys()];
    // About 15 s on an idle machine; far longer allowed for a busy one.
    const until = Date.now() + 240_000;
    while (below.length > 0 && Date.now() < until) {
      const done: boolean[] = [];
      for (let i = 0; i < below.length; i += 10) {
        const batch = below.slice(i, i + 10);
        done.push(
          ...(await Promise.all(
            batch.map((id) =>
              fetch(`${base}/api/problems/${id}`, { headers: auth })
                .then(
                  (r) => r.json() as Promise<{ problem: { level: number }; timeline: { kind: string }[] }>,
                )
                .then(
                  (d) =>
                    d.problem.level === 4 &&
                    ((accepted.get(id) ?? 0) >= lastKill ||
                      d.timeline.some((e) => e.kind === 'workflow-restarted')),
                  () => false,
                ),
            ),
          )),
        );
      }
      below = below.filter((_, i) => !done[i]);
      if (below.length > 0) await sleep(1_000);
    }
    const stopped = new Promise((r) => server?.once('exit', r));
    server.kill('SIGTERM');
    await stopped;

    // What is stored, read from the server's data folder.
    const dynamo = await startDynalite(dataDir);
    Object.assign(process.env, { DYNAMODB_ENDPOINT: dynamo.endpoint, BASE_URL: 'http://localhost:3000' });
    resetConfig();
    resetDocumentClient();
    try {
      const report = await checkLadders([...accepted.keys()]);
      expect(report.belowLevel4).toEqual([]);
      expect(report.wrongCounts).toEqual([]);
      // Every ladder accepted before a kill was restarted by the reconcile job afterwards.
      const underWayAtAKill = [...accepted].filter(([, at]) => at < lastKill).map(([id]) => id);
      expect(underWayAtAKill.length).toBeGreaterThan(0);
      const notRestarted = underWayAtAKill.filter(
        (id) => !kindsOf(report.timelines.get(id)).includes('workflow-restarted'),
      );
      expect(notRestarted).toEqual([]);
    } finally {
      resetDocumentClient();
      await dynamo.close();
    }
  }, 420_000);
});
