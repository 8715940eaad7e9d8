/**
 * Kill and restart: `npm start` (the same entry point, as a child process on a temporary data
 * folder) is killed with SIGKILL at random moments while 200 ladders climb, and started again on
 * the same data. Afterwards every accepted problem has climbed to level 4 and every reachable
 * recipient got each level's e-mail exactly once; the restarts are on the timelines.
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
// Levels 1–3 (2 + 3 + 5 working days) take about 25 s at this scale: the kills land mid-climb.
const TIME_SCALE = '50000';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const REPORTER = 'mette.holm@regionsjaelland.example';

const dataDir = mkdtempSync(join(tmpdir(), 'kk-kill-'));
let server: ChildProcess | undefined;
afterAll(() => {
  server?.kill('SIGKILL');
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

describe('the local runtime killed while 200 ladders climb', () => {
  it('climbs every accepted ladder to level 4 and mails every reachable recipient once per level', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const start = async () => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'local/main.ts'], {
        cwd: ROOT,
        env: {
          ...process.env,
          PORT: String(port),
          DATA_DIR: dataDir,
          LOCAL_TIME_SCALE: TIME_SCALE,
          // A killed sender's claims are taken over after 5 s instead of a step's 30 s budget.
          SEND_LEASE_SECONDS: '5',
        },
        stdio: 'ignore',
      });
      for (;;) {
        if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
        if (
          await fetch(`${base}/health`).then(
            (r) => r.status === 200,
            () => false,
          )
        )
          return child;
        await sleep(200);
      }
    };
    const kill = async () => {
      const child = server;
      if (!child || child.exitCode !== null) return;
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
    };

    server = await start();
    const users = (
      (await (
        await fetch(`${base}/local/demo-users`, { headers: { accept: 'application/json' } })
      ).json()) as {
        users: { email: string; apiToken: string }[];
      }
    ).users;
    const token = users.find((u) => u.email === REPORTER)?.apiToken ?? '';

    // Submissions, retried with the same key until answered (a client across a restart).
    const ids = new Set<string>();
    let next = 0;
    const submitAll = Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < LADDERS) {
          const i = next++;
          for (;;) {
            const res = await fetch(`${base}/api/problems`, {
              method: 'POST',
              headers: {
                authorization: `Bearer ${token}`,
                'content-type': 'application/json',
                'idempotency-key': `kill-restart-${i}`,
              },
              body: JSON.stringify({ ...BREAST_SURGERY_REPORT, patientsAtRisk: 1 + (i % 30) }),
            }).catch(() => undefined);
            if (res && res.status < 300) {
              ids.add(((await res.json()) as { id: string }).id);
              break;
            }
            await res?.text();
            await sleep(300);
          }
        }
      }),
    );

    // SIGKILL at random moments, each time started again on the same data.
    for (let k = 0; k < KILLS; k++) {
      await sleep(3_000 + Math.random() * 7_000);
      await kill();
      server = await start();
    }
    await submitAll;
    expect(ids.size).toBe(LADDERS);

    // The reconcile job (every 5 minutes) runs more often here, and at each start-up.
    const until = Date.now() + 200_000;
    let below = [...ids];
    while (below.length > 0 && Date.now() < until) {
      await fetch(`${base}/local/jobs/reconcile`, { method: 'POST', headers: { accept: 'application/json' } })
        .then((r) => r.text())
        .catch(() => undefined);
      const levels = await Promise.all(
        below.map((id) =>
          fetch(`${base}/api/problems/${id}`, { headers: { authorization: `Bearer ${token}` } })
            .then((r) => r.json() as Promise<{ problem: { level: number } }>)
            .then(
              (d) => d.problem.level,
              () => 0,
            ),
        ),
      );
      below = below.filter((_, i) => levels[i] !== 4);
      if (below.length > 0) await sleep(2_000);
    }
    server.kill('SIGTERM');
    await new Promise((r) => server?.once('exit', r));

    // What is stored, read from the server's data folder.
    const dynamo = await startDynalite(dataDir);
    Object.assign(process.env, { DYNAMODB_ENDPOINT: dynamo.endpoint, BASE_URL: 'http://localhost:3000' });
    resetConfig();
    resetDocumentClient();
    try {
      const report = await checkLadders([...ids]);
      expect(report.belowLevel4).toEqual([]);
      expect(report.wrongCounts).toEqual([]);
      const restarted = [...report.timelines.values()].filter((t) =>
        kindsOf(t).includes('workflow-restarted'),
      );
      expect(restarted.length).toBeGreaterThan(0);
    } finally {
      resetDocumentClient();
      await dynamo.close();
    }
  }, 300_000);
});
