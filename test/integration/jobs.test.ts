/**
 * Scheduled jobs on the local runtime, run as `/local/jobs/<id>` runs them: through their Lambda
 * handler and, for a fanned-out job, the job-fan-out state machine with the same handler.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setDeps } from '../../functions/adapters/deps.ts';
import { type Mailer, outboxMailer } from '../../functions/adapters/mailer.ts';
import { jobRegistry } from '../../functions/jobs/registry.ts';
import { type LocalRuntime, startLocal } from '../../local/runtime.ts';
import { Client, outbox } from './client.ts';

let runtime: LocalRuntime;
let client: Client;
const realMailer = outboxMailer();

beforeAll(async () => {
  runtime = await startLocal({ scheduler: false });
  client = new Client(runtime.url);
});

afterAll(async () => {
  await runtime?.close();
});

afterEach(() => {
  setDeps({ mailer: realMailer, now: () => new Date() });
});

/** Runs the job now, as the `/local/jobs` button does; answers the status and the job's result. */
async function run(id: string) {
  const response = await client.request('POST', `/local/jobs/${id}`, {
    headers: { accept: 'application/json' },
  });
  return { status: response.status, result: response.status === 200 ? response.json().result : undefined };
}

/** The overviews sent since `since`, as "recipient|subject" (one per e-mail and recipient). */
async function overviewsSince(since: string): Promise<string[]> {
  return (await outbox(client))
    .filter((m) => m.purpose === 'weekly-overview' && m.sentAt >= since)
    .flatMap((m) => m.to.map((to) => `${to}|${m.subject}`));
}

/** A week later than the real one, so the job's once-per-week claims start afresh. */
function weeksAhead(weeks: number): void {
  const then = new Date(Date.now() + weeks * 7 * 86_400_000);
  setDeps({ now: () => then });
}

describe('scheduled jobs', () => {
  it('are listed on /local/jobs exactly as the registry defines them', async () => {
    const listed = (await client.get('/local/jobs', { accept: 'application/json' })).json().jobs;
    expect(listed.map((j: { id: string }) => j.id)).toEqual(jobRegistry().map((j) => j.id));
    expect(listed.find((j: { id: string }) => j.id === 'weekly-reminder').cron).toBe('0 9 * * MON');
  });

  it("run from the jobs page or the command line, never from another website's form", async () => {
    const before = (await outbox(client)).length;
    const foreign: Record<string, string>[] = [
      { origin: 'https://elsewhere.example' },
      { 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of foreign) {
      const refused = await client.request('POST', '/local/jobs/contact-verification', { headers });
      expect(refused.status).toBe(403);
      expect(refused.text).toContain(
        'Et job kan kun startes fra siden med de planlagte job eller fra kommandolinjen.',
      );
    }
    expect((await outbox(client)).length).toBe(before);
    const ownPage = await client.request('POST', '/local/jobs/reconcile', {
      headers: { origin: runtime.url, 'sec-fetch-site': 'same-origin' },
    });
    expect(ownPage.status).toBe(200);
  });

  it('show what a job did in words on the page, the JSON only behind a click', async () => {
    const page = await client.request('POST', '/local/jobs/reconcile', {});
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/<h2>Resultat<\/h2>\s*<(dl class="kk-result"|p)>/);
    expect(page.text).toMatch(/<details><summary>Vis resultatet som JSON<\/summary><pre>/);
  });

  it('fan out: the weekly overview works its cancer types a few at a time, never all at once', async () => {
    weeksAhead(1);
    const since = new Date().toISOString();
    let inFlight = 0;
    let most = 0;
    const slow: Mailer = {
      async send(message) {
        inFlight++;
        most = Math.max(most, inFlight);
        try {
          await new Promise((ok) => setTimeout(ok, 20));
          return await realMailer.send(message);
        } finally {
          inFlight--;
        }
      },
    };
    setDeps({ mailer: slow });
    const { status, result } = await run('weekly-overview');
    expect(status).toBe(200);
    const sent = await overviewsSince(since);
    expect(result.sent).toBe(sent.length);
    expect(new Set(sent).size).toBe(sent.length);
    // Units run side by side (each sends its mails in turn), at most the Map's MaxConcurrency.
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(4);
  });

  it('fan out: a unit that keeps failing stops no other unit, the run fails, and a rerun sends only what is missing', async () => {
    weeksAhead(2);
    const since = new Date().toISOString();
    const failing: Mailer = {
      async send(message) {
        if (message.subject.includes('Brystkræft')) throw new Error('SES throttled');
        return realMailer.send(message);
      },
    };
    setDeps({ mailer: failing });
    expect((await run('weekly-overview')).status).toBe(500);
    const first = await overviewsSince(since);
    expect(first.length).toBeGreaterThan(0);
    expect(first.some((m) => m.includes('Brystkræft'))).toBe(false);

    setDeps({ mailer: realMailer });
    const rerun = await run('weekly-overview');
    expect(rerun.status).toBe(200);
    const all = await overviewsSince(since);
    expect(rerun.result.sent).toBe(all.length - first.length);
    expect(all.filter((m) => !first.includes(m)).every((m) => m.includes('Brystkræft'))).toBe(true);
    expect(new Set(all).size).toBe(all.length);
  });
});
