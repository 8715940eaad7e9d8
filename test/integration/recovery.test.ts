/**
 * A ladder step that keeps failing ends in the state machine's failure path — the same ASL and
 * handler in both runtimes — and is restarted from its stored level, mailing nobody twice.
 * The fault is injected at the mailer (the only mock); everything else is the real local runtime.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setDeps } from '../../functions/adapters/deps.ts';
import { type Mailer, mailer } from '../../functions/adapters/mailer.ts';
import { setReadiness } from '../../functions/adapters/readiness.ts';
import { getProblem } from '../../functions/adapters/store.ts';
import { executionName } from '../../functions/adapters/workflow.ts';
import { reconcileLadders } from '../../functions/services/recovery.ts';
import { type LocalRuntime, startLocal } from '../../local/runtime.ts';
import { BREAST_SURGERY_REPORT } from '../fixtures.ts';
import { Client, hiddenField, outbox, waitFor } from './client.ts';

const REPORTER = 'mette.holm@regionsjaelland.example';
const SECRETARIAT = 'specialenheden@specialenheden.example';
// Level 1 lasts two working days: a minute at this scale, so the test watches one level.
const TIME_SCALE = 3_000;
const STOPPED_BADGE = '<strong class="kk-stopped">Eskaleringen er stoppet af en fejl</strong>';

let runtime: LocalRuntime;
let realMailer: Mailer;

beforeAll(async () => {
  runtime = await startLocal({ timeScale: TIME_SCALE, scheduler: false });
  realMailer = mailer();
}, 120_000);

afterAll(async () => {
  setDeps({ mailer: realMailer });
  await runtime?.close();
});

async function token(client: Client, email: string): Promise<string> {
  return (await client.apiTokens()).get(email) ?? '';
}

describe('a ladder step that keeps failing', () => {
  it('stops visibly, tells the secretariat once, and restarts where it was without mailing anyone twice', async () => {
    const client = new Client(runtime.url);
    // Escalation mails fail (e.g. SES down) after the first two got through.
    let delivered = 0;
    setDeps({
      mailer: {
        async send(message) {
          if (message.purpose === 'escalation' && ++delivered > 2) throw new Error('SES is unavailable');
          return realMailer.send(message);
        },
      },
    });
    const created = await client.request('POST', '/api/problems', {
      json: BREAST_SURGERY_REPORT,
      headers: {
        authorization: `Bearer ${await token(client, REPORTER)}`,
        'idempotency-key': 'recovery-test-0001',
      },
    });
    expect(created.status).toBe(201);
    const id = created.json().id as string;

    const stopped = await waitFor(
      'the ladder to stop',
      async () => {
        const p = await getProblem(id);
        return p?.workflow.state === 'stopped' && runtime.workflow.running().length === 0 ? p : undefined;
        // Seven attempts, each retrying its failing sends with backoff: allow for a busy machine.
      },
      180_000,
    );
    expect(stopped.workflow.lastError).toContain('SES is unavailable');

    // Visible on the problem page and in the list, with a restart button for Specialenheden only.
    const secretariat = new Client(runtime.url);
    await secretariat.signInAs(SECRETARIAT);
    const page = await secretariat.get(`/problemer/${id}`);
    expect(page.text).toContain(STOPPED_BADGE);
    expect(page.text).toContain('Genstart eskaleringen nu');
    expect((await secretariat.get('/problemer')).text).toContain(STOPPED_BADGE);
    const reporter = new Client(runtime.url);
    await reporter.signInAs(REPORTER);
    const reporterPage = await reporter.get(`/problemer/${id}`);
    expect(reporterPage.text).toContain(STOPPED_BADGE);
    expect(reporterPage.text).not.toContain('Genstart eskaleringen nu');
    const refused = await reporter.post(`/problemer/${id}`, {
      csrf: hiddenField(reporterPage.text, 'csrf'),
      action: 'restart',
    });
    expect(refused.status).toBe(403);

    const alerts = (await outbox(client, id)).filter((m) => m.purpose === 'ladder-stopped');
    expect(alerts.map((m) => m.to)).toEqual([[SECRETARIAT]]);
    expect(alerts[0]?.text).toContain(`/problemer/${id}`);

    // SES is back: the reconcile job asks the engine, sees nothing running and restarts.
    setDeps({ mailer: realMailer });
    const result = await reconcileLadders();
    expect(result.restarted).toBe(1);
    await waitFor('level 1 fully notified', async () => {
      const p = await getProblem(id);
      return p?.workflow.state === 'started' && (await outbox(client, id)).length > 5 ? true : undefined;
    });
    await waitFor('the notify step to finish', async () => {
      const res = await client.request('GET', `/api/problems/${id}`, {
        headers: { authorization: `Bearer ${await token(client, REPORTER)}` },
      });
      return res.json().timeline.some((e: { kind: string }) => e.kind === 'notified') ? true : undefined;
    });

    const mails = (await outbox(client, id)).filter((m) => m.purpose === 'escalation');
    const recipients = mails.flatMap((m) => m.to);
    expect(new Set(recipients).size).toBe(recipients.length); // nobody twice
    expect(mails.every((m) => m.level === 1)).toBe(true);
    const problem = await getProblem(id);
    expect(problem?.level).toBe(1);
    expect(problem?.deadline).toBe(stopped.deadline); // the stored deadline is kept

    const timeline = (
      await client.request('GET', `/api/problems/${id}`, {
        headers: { authorization: `Bearer ${await token(client, REPORTER)}` },
      })
    ).json().timeline as { kind: string }[];
    const kinds = timeline.map((e) => e.kind);
    expect(kinds).toContain('workflow-stopped');
    expect(kinds).toContain('workflow-restarted');
    expect(kinds.indexOf('workflow-restarted')).toBeGreaterThan(kinds.indexOf('workflow-stopped'));

    // Running again: no stopped state, no restart button.
    const again = await secretariat.get(`/problemer/${id}`);
    expect(again.text).not.toContain(STOPPED_BADGE);
    expect(again.text).not.toContain('Genstart eskaleringen nu');
  }, 300_000);
});

describe('a ladder whose process died before its first step', () => {
  it('is found by the reconcile job (it stays in the open-problems index once started) and restarted', async () => {
    const client = new Client(runtime.url);
    // The engine takes the start, then "dies": the execution is gone before it ran a step.
    setDeps({
      workflow: {
        start: async (input, attempt) => executionName(input, attempt),
        stop: async () => undefined,
        isRunning: async () => false,
      },
    });
    const created = await client.request('POST', '/api/problems', {
      json: BREAST_SURGERY_REPORT,
      headers: {
        authorization: `Bearer ${await token(client, REPORTER)}`,
        'idempotency-key': 'recovery-test-lost-start',
      },
    });
    expect(created.status).toBe(201);
    const id = created.json().id as string;
    expect((await getProblem(id))?.workflow.state).toBe('started');

    setDeps({ workflow: runtime.workflow });
    const result = await reconcileLadders();
    expect(result.restarted).toBeGreaterThanOrEqual(1);
    const problem = await getProblem(id);
    expect(problem?.workflow.executionId).toBe(`problem-${id}-g0-r1`);
    expect(await runtime.workflow.isRunning(problem?.workflow.executionId ?? '')).toBe(true);
  });
});

describe('readiness', () => {
  it('answers /health 503 with the reason, and every other request 503, until the runtime is ready', async () => {
    const client = new Client(runtime.url);
    expect((await client.get('/health')).status).toBe(200);
    setReadiness({ ready: false, reason: 'Demodata indlæses.' });
    try {
      const health = await client.get('/health');
      expect(health.status).toBe(503);
      expect(health.json()).toEqual({ status: 'starting', reason: 'Demodata indlæses.' });
      const other = await client.get('/problemer');
      expect(other.status).toBe(503);
      expect(other.text).toContain('Systemet starter');
    } finally {
      setReadiness({ ready: true });
    }
    expect((await client.get('/health')).status).toBe(200);
  });
});
