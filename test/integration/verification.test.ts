/**
 * Verification reminders on the local runtime, for the contact lists and the external-provider
 * register: each reminder is claimed before it is sent (two runs at once mail nobody twice, a
 * failed send is sent by the next run), and a provider not confirmed within the period is marked
 * on /eksterne-udbydere, reminded to Specialenheden and confirmed through the e-mail's link.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setDeps } from '../../functions/adapters/deps.ts';
import { listAuditForEntity } from '../../functions/adapters/followup-store.ts';
import { mailer } from '../../functions/adapters/mailer.ts';
import { getExternalProvider, putExternalProvider } from '../../functions/adapters/store.ts';
import {
  sendVerificationReminderUnit,
  verificationReminderUnits,
} from '../../functions/services/contacts.ts';
import { sendProviderVerificationReminders } from '../../functions/services/provider-verification.ts';
import { type LocalRuntime, startLocal } from '../../local/runtime.ts';
import { Client, linkIn } from './client.ts';

const SECRETARIAT = 'specialenheden@specialenheden.example';

let runtime: LocalRuntime;
let secretariat: Client;

beforeAll(async () => {
  runtime = await startLocal({ timeScale: 1, scheduler: false });
  secretariat = new Client(runtime.url);
  await secretariat.signInAs(SECRETARIAT);
});

afterAll(async () => {
  await runtime?.close();
});

async function mailsFor(purpose: string) {
  const res = await secretariat.get('/local/outbox?limit=500', { accept: 'application/json' });
  return (res.json().messages as { purpose: string; to: string[]; text: string }[]).filter(
    (m) => m.purpose === purpose,
  );
}

/** The mailer fails for `recipient` (an SES outage) while `run` runs. */
async function withMailerFailingFor<T>(recipient: string, run: () => Promise<T>): Promise<T> {
  const original = mailer();
  setDeps({
    mailer: {
      send: (message) =>
        message.to === recipient ? Promise.reject(new Error('SES svarer ikke')) : original.send(message),
    },
  });
  try {
    return await run();
  } finally {
    setDeps({ mailer: original });
  }
}

describe('contact verification reminders', () => {
  it('are claimed before they are sent: a failed send is given back, two runs at once mail each maintainer once', async () => {
    const units = await verificationReminderUnits();
    const maintainers = units.flatMap((u) => u.maintainers);
    expect(maintainers.length).toBeGreaterThan(1);
    const first = maintainers[0] as string;
    // The first maintainer's send fails: the unit fails (for the job's retry), nothing is claimed for them.
    await expect(
      withMailerFailingFor(first, () => sendVerificationReminderUnit({ maintainers: [first] })),
    ).rejects.toThrow('SES svarer ikke');
    // Two runs of every unit at once (a retried job overlapping a slow one).
    const results = await Promise.all([...units, ...units].map((u) => sendVerificationReminderUnit(u)));
    expect(results.reduce((n, r) => n + r.maintainers, 0)).toBe(maintainers.length);
    const recipients = (await mailsFor('contact-verification')).flatMap((m) => m.to);
    expect(recipients.sort()).toEqual([...maintainers].sort());
    // Within the repeat period nobody is reminded again.
    const again = await Promise.all(units.map((u) => sendVerificationReminderUnit(u)));
    expect(again.reduce((n, r) => n + r.maintainers, 0)).toBe(0);
  });
});

describe('external-provider verification', () => {
  it('marks a provider not confirmed within the period, reminds Specialenheden once, and confirms it through the link', async () => {
    const kiel = await getExternalProvider('brustzentrum-kiel');
    if (!kiel) throw new Error('demo provider missing');
    await putExternalProvider({ ...kiel, verifiedAt: '2025-01-15' });
    const list = await secretariat.get('/eksterne-udbydere');
    const row = /<tr data-provider="brustzentrum-kiel"[\s\S]*?<\/tr>/.exec(list.text)?.[0] ?? '';
    expect(row).toContain('Skal bekræftes');
    // With the demo's ended agreement, also overdue.
    expect(list.text).toContain('2 udbydere er ikke bekræftet i over 6 måneder.');

    // Two runs at once: one e-mail to the secretariat.
    const runs = await Promise.all([
      sendProviderVerificationReminders(),
      sendProviderVerificationReminders(),
    ]);
    expect(runs.map((r) => r.recipients).sort()).toEqual([0, 1]);
    const job = await secretariat.request('POST', '/local/jobs/provider-verification', {
      headers: { accept: 'application/json' },
    });
    expect(job.status).toBe(200);
    expect(job.json().result.recipients).toBe(0);
    const mails = await mailsFor('provider-verification');
    expect(mails).toHaveLength(1);
    expect(mails[0]?.to).toEqual([SECRETARIAT]);
    expect(mails[0]?.text).toContain('Brustzentrum Kiel, Tyskland');
    expect(mails[0]?.text).toContain('Klinik Nord, Danmark');

    const path = linkIn(mails[0]?.text ?? '', '/eksterne-udbydere/bekraeft/');
    const anonymous = new Client(runtime.url);
    const show = await anonymous.get(path);
    expect(show.status).toBe(200);
    expect(show.text).toContain('international@brustzentrum-kiel.example');
    const done = await anonymous.post(path, {});
    expect(done.status).toBe(200);
    expect(done.text).toContain('udbydernes oplysninger er bekræftet');
    expect((await getExternalProvider('brustzentrum-kiel'))?.verifiedAt).toBe(
      new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' }),
    );
    const trail = await listAuditForEntity('external-provider', 'brustzentrum-kiel');
    expect(trail.at(-1)).toMatchObject({ action: 'verified', who: { email: SECRETARIAT } });
    // The link confirmed every provider it listed (the demo's ended agreement too).
    const after = await secretariat.get('/eksterne-udbydere');
    expect(after.text).not.toContain('Skal bekræftes');
    expect((await anonymous.get('/eksterne-udbydere/bekraeft/not-a-real-token-at-all-xx')).status).toBe(404);
  });
});
