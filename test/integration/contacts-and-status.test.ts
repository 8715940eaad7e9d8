/**
 * Contact lists and the quarterly status on the local runtime: CSV import through the API
 * (nothing half-imported), the phone list's filters, edit rights with the audit trail, and the
 * quarterly job's e-mail and page showing the same figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setDeps } from '../../functions/adapters/deps.ts';
import { mailer } from '../../functions/adapters/mailer.ts';
import { getContact } from '../../functions/adapters/store.ts';
import { contactsToCsv } from '../../functions/domain/contact-csv.ts';
import { previousQuarter, quarterOf } from '../../functions/domain/quarterly.ts';
import { type Contact, referenceData } from '../../functions/domain/reference.ts';
import { getUser } from '../../functions/services/auth.ts';
import { sendActionReminders } from '../../functions/services/networks.ts';
import { sendQuarterlyStatus } from '../../functions/services/quarterly.ts';
import { type LocalRuntime, startLocal } from '../../local/runtime.ts';
import { Client, hiddenField, outbox } from './client.ts';

const SECRETARIAT = 'specialenheden@specialenheden.example';
const METTE = 'mette.holm@regionsjaelland.example';
const ADMIN = 'it-drift@kraeftkapacitet.example';

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

/** Lets the mailer fail once for one recipient (an SES outage mid-job), then work again. */
async function withMailerFailingOnceFor<T>(recipient: string, run: () => Promise<T>): Promise<T> {
  const original = mailer();
  let failed = false;
  setDeps({
    mailer: {
      send: (message) => {
        if (!failed && message.to === recipient) {
          failed = true;
          return Promise.reject(new Error('SES svarer ikke'));
        }
        return original.send(message);
      },
    },
  });
  try {
    return await run();
  } finally {
    setDeps({ mailer: original });
  }
}

async function apiToken(email: string): Promise<string> {
  return (await secretariat.apiTokens()).get(email) ?? '';
}

async function importCsv(email: string, csv: string) {
  const res = await fetch(new URL('/api/contacts/import', runtime.url), {
    method: 'POST',
    headers: { authorization: `Bearer ${await apiToken(email)}`, 'content-type': 'text/csv; charset=utf-8' },
    body: csv,
  });
  return { status: res.status, body: await res.json() };
}

const newContact = (id: string, extra: Partial<Contact> = {}): Contact => ({
  id,
  role: 'network',
  name: `Overlæge ${id}`,
  title: 'Ledende overlæge',
  email: `${id}@regionh.example`,
  phone: '+45 33 33 33 33',
  cancerTypes: ['blaerekraeft'],
  modalities: [],
  maintainer: SECRETARIAT,
  verifiedAt: '2026-11-01',
  ...extra,
});

describe('CSV import through the API', () => {
  it('imports nothing from a mixed file and reports the bad row', async () => {
    const csv = contactsToCsv([
      newContact('netvaerk-mixed-ok'),
      newContact('netvaerk-mixed-bad', { phone: '1234' }),
    ]);
    const { status, body } = await importCsv(SECRETARIAT, csv);
    expect(status).toBe(422);
    expect(body.imported).toBe(0);
    expect(body.errors).toEqual(['linje 3: phone: telefonnummeret skal skrives som +45 12 34 56 78']);
    const list = await secretariat.get('/kontakter?kraeftform=blaerekraeft');
    expect(list.text).not.toContain('netvaerk-mixed-ok');
  });

  it('imports a good file, and the entries are on the phone list', async () => {
    const { status, body } = await importCsv(SECRETARIAT, contactsToCsv([newContact('netvaerk-blaere-1')]));
    expect(status).toBe(200);
    expect(body).toMatchObject({ imported: 1, created: 1, errors: [] });
    const list = await secretariat.get('/kontakter?kraeftform=blaerekraeft');
    expect(list.text).toContain('data-contact="netvaerk-blaere-1"');
  });

  it('reports rows that did not change as unchanged, not updated, and leaves them off the audit trail', async () => {
    const same = newContact('netvaerk-blaere-uaendret');
    const changed = newContact('netvaerk-blaere-rettet');
    await importCsv(SECRETARIAT, contactsToCsv([same, changed]));
    const again = contactsToCsv([same, { ...changed, phone: '+45 44 44 44 44' }]);
    const { status, body } = await importCsv(SECRETARIAT, again);
    expect(status).toBe(200);
    expect(body).toMatchObject({ imported: 2, created: 0, updated: 1, unchanged: 1 });
    const trail = (
      await secretariat.get('/admin/revisionsspor?type=contact&id=netvaerk-blaere-uaendret', {
        accept: 'application/json',
      })
    ).json().entries as unknown[];
    expect(trail).toHaveLength(1);
  });

  it('refuses a file of more than 1000 contacts in Danish, writing nothing', async () => {
    const many = Array.from({ length: 1001 }, (_, i) => newContact(`netvaerk-stor-${i}`));
    const { status, body } = await importCsv(SECRETARIAT, contactsToCsv(many));
    expect(status).toBe(422);
    expect(body.imported).toBe(0);
    expect(body.errors).toEqual([
      'Filen har 1001 kontakter; der kan højst importeres 1000 ad gangen. Del filen op.',
    ]);
    expect(await getContact('netvaerk-stor-0')).toBeUndefined();
  });

  it('imports 1000 contacts well within the API timeout', async () => {
    const many = Array.from({ length: 1000 }, (_, i) => newContact(`netvaerk-fuld-${i}`));
    const started = Date.now();
    const { status, body } = await importCsv(SECRETARIAT, contactsToCsv(many));
    expect(status).toBe(200);
    expect(body).toMatchObject({ imported: 1000, created: 1000, errors: [] });
    expect(Date.now() - started).toBeLessThan(25_000);
    expect(await getContact('netvaerk-fuld-999')).toBeDefined();
  }, 60_000);

  it('refuses a row with a CPR-like title in Danish', async () => {
    const csv = contactsToCsv([newContact('netvaerk-cpr', { title: 'Pt. 010203-1234 venter' })]);
    const { status, body } = await importCsv(SECRETARIAT, csv);
    expect(status).toBe(422);
    expect(body.errors).toEqual([
      'linje 2: title: Teksten ligner et CPR-nummer. Kræftkapacitet må ikke indeholde patientdata – fjern nummeret.',
    ]);
  });

  it('refuses an import from a department', async () => {
    const { status } = await importCsv(METTE, contactsToCsv([newContact('netvaerk-blaere-2')]));
    expect(status).toBe(403);
  });
});

describe('the phone list', () => {
  it('filters by cancer type, treatment type and region with GET parameters', async () => {
    const res = await secretariat.get(
      '/kontakter?kraeftform=brystkraeft&behandling=kirurgi&region=sjaelland',
    );
    expect(res.status).toBe(200);
    expect(res.text).toContain('data-contact="suh-brystkirurgi-koordinator"');
    const elsewhere = referenceData().contacts.find(
      (c) => c.role === 'department' && c.region === 'hovedstaden',
    );
    expect(res.text).not.toContain(`data-contact="${elsewhere?.id}"`);
    const lung = referenceData().contacts.find(
      (c) =>
        c.role === 'department' &&
        c.region === 'sjaelland' &&
        !c.cancerTypes.includes('brystkraeft') &&
        c.cancerTypes.length > 0,
    );
    if (lung) expect(res.text).not.toContain(`data-contact="${lung.id}"`);
  });

  it('exports the list as CSV', async () => {
    const res = await secretariat.get('/kontakter.csv');
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.text).toContain('suh-brystkirurgi-koordinator;department;Mette Holm');
  });
});

describe('editing contacts', () => {
  it('lets a department edit its own entry (recorded in the audit trail) but not another department’s', async () => {
    const mette = new Client(runtime.url);
    await mette.signInAs(METTE);
    const form = await mette.get('/kontakter/suh-brystkirurgi-koordinator/rediger');
    expect(form.status).toBe(200);
    const csrf = hiddenField(form.text, 'csrf');
    const own = referenceData().contacts.find((c) => c.id === 'suh-brystkirurgi-koordinator') as Contact;
    const fields = {
      csrf,
      id: own.id,
      role: own.role,
      name: own.name,
      title: own.title,
      email: own.email,
      phone: '+45 70 70 70 70',
      region: own.region ?? '',
      hospital: own.hospital ?? '',
      department: own.department ?? '',
      'cancerTypes[]': own.cancerTypes,
      maintainer: own.maintainer,
    };
    const bad = await mette.post('/kontakter/suh-brystkirurgi-koordinator/rediger', {
      ...fields,
      phone: '7070',
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Angiv telefonnummeret som +45 12 34 56 78.');
    const saved = await mette.post('/kontakter/suh-brystkirurgi-koordinator/rediger', fields);
    expect(saved.status).toBe(303);
    expect((await mette.get('/kontakter?region=sjaelland')).text).toContain('+45 70 70 70 70');

    const other = referenceData().contacts.find(
      (c) => c.role === 'department' && c.department !== own.department,
    );
    expect((await mette.get(`/kontakter/${other?.id}/rediger`)).status).toBe(403);

    expect((await mette.get('/admin/revisionsspor')).status).toBe(403);
    const admin = new Client(runtime.url);
    await admin.signInAs(ADMIN);
    const trail = await admin.get('/admin/revisionsspor?type=contact&id=suh-brystkirurgi-koordinator');
    expect(trail.status).toBe(200);
    expect(trail.text).toContain('Mette Holm');
    expect(trail.text).toContain('Rettet: telefon, bekræftet.');
  });

  it('keeps a department’s entry in its region and hospital, and creates no sign-in user for a new e-mail', async () => {
    const mette = new Client(runtime.url);
    await mette.signInAs(METTE);
    const form = await mette.get('/kontakter/suh-brystkirurgi-koordinator/rediger');
    const stored = (await getContact('suh-brystkirurgi-koordinator')) as Contact;
    const otherHospital = referenceData().hospitals.find((h) => h.region === 'hovedstaden')?.id ?? '';
    const newEmail = 'mette.holm.ny@regionsjaelland.example';
    const fields = {
      csrf: hiddenField(form.text, 'csrf'),
      id: stored.id,
      role: stored.role,
      name: stored.name,
      title: stored.title,
      email: newEmail,
      phone: stored.phone,
      region: 'hovedstaden',
      hospital: otherHospital,
      department: stored.department ?? '',
      'cancerTypes[]': stored.cancerTypes,
      maintainer: stored.maintainer,
    };
    expect((await mette.post('/kontakter/suh-brystkirurgi-koordinator/rediger', fields)).status).toBe(303);
    const saved = (await getContact('suh-brystkirurgi-koordinator')) as Contact;
    expect(saved).toMatchObject({ email: newEmail, region: stored.region, hospital: stored.hospital });
    expect(await getUser(newEmail)).toBeUndefined();
    // Put the e-mail back for the later tests.
    const back = { ...fields, email: stored.email };
    expect((await mette.post('/kontakter/suh-brystkirurgi-koordinator/rediger', back)).status).toBe(303);
  });
});

describe('the quarterly status', () => {
  it('e-mails the last quarter’s status to the five directors and the secretariat, and the page shows the same figures', async () => {
    const quarter = previousQuarter(quarterOf(new Date()));
    const run = await secretariat.request('POST', '/local/jobs/quarterly-status', {
      headers: { accept: 'application/json' },
    });
    expect(run.status).toBe(200);
    expect(run.json().result).toMatchObject({ quarter, sent: 6 });

    const mails = (await outbox(secretariat)).filter((m) => m.purpose === 'quarterly-status');
    const directors = referenceData()
      .contacts.filter((c) => c.role === 'director' || c.role === 'secretariat')
      .map((c) => c.email.toLowerCase());
    expect(mails.flatMap((m) => m.to).sort()).toEqual([...directors].sort());

    const status = (
      await secretariat.get(`/kvartalsstatus/${quarter}`, { accept: 'application/json' })
    ).json();
    const page = await secretariat.get(`/kvartalsstatus/${quarter}`);
    expect(page.status).toBe(200);
    const figure = (name: string) => new RegExp(`data-figure="${name}">([^<]*)<`).exec(page.text)?.[1];
    expect(figure('opened')).toBe(String(status.opened));
    expect(figure('resolved')).toBe(String(status.resolved));
    expect(figure('overdue')).toBe(String(status.overdueContacts.length));
    // Weekly figures come from the weekly exchange (demo data reaches back into last quarter).
    expect(status.weekly.compliance.map((c: { region: string }) => c.region).sort()).toEqual([
      'hovedstaden',
      'midtjylland',
      'nordjylland',
      'sjaelland',
      'syddanmark',
    ]);
    for (const c of status.weekly.compliance as { received: number; expected: number }[]) {
      expect(page.text).toContain(`${c.received} af ${c.expected}`);
    }
    const mail = mails[0]?.text ?? '';
    expect(mail).toContain(`Sager oprettet: ${status.opened}. Sager løst: ${status.resolved}.`);
    expect(mail).toContain(`Kontaktoplysninger ikke bekræftet i tide: ${status.overdueContacts.length}.`);
    expect(mail).toContain(`/kvartalsstatus/${quarter}`);

    const csv = await secretariat.get(`/kvartalsstatus/${quarter}.csv`);
    expect(csv.text).toContain(`Sager oprettet;${status.opened}`);

    // A retried job e-mails nobody twice.
    const retry = await secretariat.request('POST', '/local/jobs/quarterly-status', {
      headers: { accept: 'application/json' },
    });
    expect(retry.json().result).toMatchObject({ quarter, sent: 0 });
    expect((await outbox(secretariat)).filter((m) => m.purpose === 'quarterly-status')).toHaveLength(6);
  });

  it('sends the rest, and the one that failed, when the job is retried after a failed send', async () => {
    const quarter = previousQuarter(previousQuarter(quarterOf(new Date())));
    const recipients = referenceData()
      .contacts.filter((c) => c.role === 'director' || c.role === 'secretariat')
      .map((c) => c.email.toLowerCase());
    const failing = recipients[2] as string;
    const before = (await outbox(secretariat)).filter((m) => m.purpose === 'quarterly-status').length;
    await expect(withMailerFailingOnceFor(failing, () => sendQuarterlyStatus(quarter))).rejects.toThrow(
      'SES svarer ikke',
    );
    const firstRun =
      (await outbox(secretariat)).filter((m) => m.purpose === 'quarterly-status').length - before;
    expect(firstRun).toBeLessThan(6);
    expect(await sendQuarterlyStatus(quarter)).toEqual({ quarter, sent: 6 - firstRun });
    expect(await sendQuarterlyStatus(quarter)).toEqual({ quarter, sent: 0 });
    const sent = (await outbox(secretariat)).filter((m) => m.purpose === 'quarterly-status').slice(before);
    expect(sent.flatMap((m) => m.to).sort()).toEqual([...recipients].sort());
  });

  it('refuses to compute a quarter that has not begun, in Danish', async () => {
    const list = await secretariat.get('/kvartalsstatus');
    const res = await secretariat.post('/kvartalsstatus/2099-Q1', { csrf: hiddenField(list.text, 'csrf') });
    expect(res.status).toBe(400);
    expect(res.text).toContain('1. kvartal 2099 er ikke begyndt endnu.');
  });

  it('counts a problem reported this quarter when the secretariat recomputes the current quarter', async () => {
    const mette = new Client(runtime.url);
    await mette.signInAs(METTE);
    const form = await mette.get('/indberet');
    const reported = await mette.post('/indberet', {
      csrf: hiddenField(form.text, 'csrf'),
      submissionKey: hiddenField(form.text, 'submissionKey'),
      departmentId: 'suh-brystkirurgi',
      cancerType: 'brystkraeft',
      'pathwayTypes[]': ['behandling'],
      'modalities[]': ['kirurgi'],
      patientsAtRisk: '3',
      from: new Date().toISOString().slice(0, 10),
      scope: 'hospital',
      description: 'Test af kvartalsstatus.',
    });
    expect(reported.status).toBe(303);
    const quarter = quarterOf(new Date());
    const list = await secretariat.get('/kvartalsstatus');
    const csrf = hiddenField(list.text, 'csrf');
    expect((await secretariat.post(`/kvartalsstatus/${quarter}`, { csrf })).status).toBe(303);
    const page = await secretariat.get(`/kvartalsstatus/${quarter}`);
    expect(page.text).toContain('data-figure="opened">1<');
    expect(page.text).toContain('Brystkræft');
    // The report is in the audit trail too (who, when, what).
    const trail = await secretariat.get('/admin/revisionsspor');
    expect(trail.text).toMatch(/Mette Holm[\s\S]*Indberettet KK-[0-9A-Z]{4}-[0-9A-Z]{4} på niveau 1\./);
  });
});

describe('verification reminders', () => {
  it('e-mails maintainers of overdue entries a link that confirms them with one POST', async () => {
    const run = await secretariat.request('POST', '/local/jobs/contact-verification', {
      headers: { accept: 'application/json' },
    });
    expect(run.status).toBe(200);
    expect(run.json().result.maintainers).toBeGreaterThan(0);
    const mails = (await outbox(secretariat)).filter((m) => m.purpose === 'contact-verification');
    expect(mails.length).toBe(run.json().result.maintainers);
    const mail = mails[0];
    const path = /https?:\/\/[^\s]+(\/kontakter\/bekraeft\/[A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1] ?? '';
    expect(path).not.toBe('');

    const anonymous = new Client(runtime.url);
    const show = await anonymous.get(path);
    expect(show.status).toBe(200);
    expect(show.text).toContain('Ja, oplysningerne er rigtige');
    const done = await anonymous.post(path, {});
    expect(done.status).toBe(200);
    expect(done.text).toContain('kontaktoplysningerne er bekræftet');

    // Confirmed entries are no longer overdue; nobody is reminded twice within the period.
    const again = await secretariat.request('POST', '/local/jobs/contact-verification', {
      headers: { accept: 'application/json' },
    });
    expect(again.json().result.maintainers).toBe(0);
  });
});

describe('national networks', () => {
  const DIRECTOR = 'camilla.thygesen@regionsjaelland.example';

  it('are activated by a recorded decision of the circle, not by a department', async () => {
    const director = new Client(runtime.url);
    await director.signInAs(DIRECTOR);
    const before = await director.get('/netvaerk/brystkraeft');
    expect(before.text).toContain('Ikke oprettet');
    const csrf = hiddenField(before.text, 'csrf');
    const empty = await director.post('/netvaerk/brystkraeft/status', { csrf, state: 'active', reason: '' });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('Skriv begrundelsen for beslutningen.');
    const done = await director.post('/netvaerk/brystkraeft/status', {
      csrf,
      state: 'active',
      reason: 'Vedvarende mangel på operationstid i to regioner.',
    });
    expect(done.status).toBe(303);
    const page = await director.get('/netvaerk/brystkraeft');
    expect(page.text).toContain('Status: <strong>Aktivt</strong>');
    expect(page.text).toContain('Vedvarende mangel på operationstid i to regioner.');
    expect(page.text).toContain('Camilla Thygesen');

    const mette = new Client(runtime.url);
    await mette.signInAs(METTE);
    const metteCsrf = hiddenField((await mette.get('/kontakter')).text, 'csrf');
    expect(
      (await mette.post('/netvaerk/brystkraeft/status', { csrf: metteCsrf, state: 'standby', reason: 'x' }))
        .status,
    ).toBe(403);
  });

  it('record meetings whose actions are reminded, and inform Danske Regioner by e-mail', async () => {
    const page = await secretariat.get('/netvaerk/brystkraeft');
    const csrf = hiddenField(page.text, 'csrf');
    const today = new Date().toISOString().slice(0, 10);
    const meeting = await secretariat.post('/netvaerk/brystkraeft/moeder', {
      csrf,
      date: today,
      participants: 'Lene Nørgaard\nThomas Dam',
      actions: `Fordel 10 operationer mellem regionerne; lene.noergaard@regionsjaelland.example; ${today}`,
    });
    expect(meeting.status).toBe(303);
    const run = await secretariat.request('POST', '/local/jobs/network-actions', {
      headers: { accept: 'application/json' },
    });
    expect(run.json().result).toEqual({ reminded: 1 });
    const mails = await outbox(secretariat);
    expect(mails.find((m) => m.purpose === 'network-action')?.to).toEqual([
      'lene.noergaard@regionsjaelland.example',
    ]);
    const again = await secretariat.request('POST', '/local/jobs/network-actions', {
      headers: { accept: 'application/json' },
    });
    expect(again.json().result).toEqual({ reminded: 0 });

    // A double click sends the same form twice: one e-mail per recipient.
    const submissionKey = hiddenField(page.text, 'submissionKey');
    for (let click = 0; click < 2; click++)
      expect(
        (await secretariat.post('/netvaerk/brystkraeft/informer-danske-regioner', { csrf, submissionKey }))
          .status,
      ).toBe(303);
    const dr = referenceData()
      .contacts.filter((c) => c.role === 'danske-regioner')
      .map((c) => c.email);
    const informed = (await outbox(secretariat)).filter((m) => m.purpose === 'network-inform');
    expect(informed.flatMap((m) => m.to)).toEqual(dr);
    expect(informed[0]?.text).toContain('Netværkets status: aktivt');
  });

  it('remind an action again on the next run when its e-mail failed, and the others once', async () => {
    const page = await secretariat.get('/netvaerk/brystkraeft');
    const today = new Date().toISOString().slice(0, 10);
    const owners = ['a.ejer@regionh.example', 'b.ejer@regionh.example', 'c.ejer@regionh.example'];
    const meeting = await secretariat.post('/netvaerk/brystkraeft/moeder', {
      csrf: hiddenField(page.text, 'csrf'),
      date: today,
      participants: 'Lene Nørgaard',
      actions: owners.map((o, i) => `Handling ${i + 1}; ${o}; ${today}`).join('\n'),
    });
    expect(meeting.status).toBe(303);
    const before = (await outbox(secretariat)).filter((m) => m.purpose === 'network-action').length;
    await expect(withMailerFailingOnceFor(owners[1] as string, sendActionReminders)).rejects.toThrow();
    expect(await sendActionReminders()).toEqual({ reminded: 2 });
    expect(await sendActionReminders()).toEqual({ reminded: 0 });
    const sent = (await outbox(secretariat)).filter((m) => m.purpose === 'network-action').slice(before);
    expect(sent.flatMap((m) => m.to).sort()).toEqual(owners);
  });

  it('shows the demo network of the local runtime, active with its meeting and actions', async () => {
    const page = await secretariat.get('/netvaerk/tyk-endetarmskraeft');
    expect(page.text).toContain('Status: <strong>Aktivt</strong>');
    expect(page.text).toContain('Region Syddanmark melder ledige operationstider');
  });

  it('are activated automatically (once) when a problem reaches level 4, and the trail shows it', async () => {
    const { activateNetworkAutomatically } = await import('../../functions/services/networks.ts');
    const problem = { id: 'AUTO1', ref: 'KK-AUTO-0001', cancerType: 'lungekraeft' } as Parameters<
      typeof activateNetworkAutomatically
    >[0];
    await activateNetworkAutomatically(problem);
    await activateNetworkAutomatically(problem);
    const page = await secretariat.get('/netvaerk/lungekraeft');
    expect(page.text).toContain('Status: <strong>Aktivt</strong>');
    expect(page.text.match(/Sag KK-AUTO-0001 nåede niveau 4\./g)).toHaveLength(1);
    const trail = await secretariat.get('/admin/revisionsspor?type=network&id=lungekraeft');
    expect(trail.text.match(/Aktiveret automatisk/g)).toHaveLength(1);
  });

  it('are coordinated by network users only for their own cancer types', async () => {
    // Sofie Kjær is in the breast cancer network (demo data), not the lung cancer one.
    const sofie = new Client(runtime.url);
    await sofie.signInAs('sofie.kjaer@regionh.example');
    const own = await sofie.get('/netvaerk/brystkraeft');
    expect(own.text).toContain('Registrér møde');
    expect(own.text).toContain('Informér Danske Regioner');
    const lung = await sofie.get('/netvaerk/lungekraeft');
    expect(lung.status).toBe(200);
    expect(lung.text).not.toContain('Registrér møde');
    expect(lung.text).not.toContain('Informér Danske Regioner');
    const csrf = hiddenField(own.text, 'csrf');
    const today = new Date().toISOString().slice(0, 10);
    const meeting = await sofie.post('/netvaerk/lungekraeft/moeder', {
      csrf,
      date: today,
      participants: 'Sofie Kjær',
      actions: '',
    });
    expect(meeting.status).toBe(403);
    const inform = await sofie.post('/netvaerk/lungekraeft/informer-danske-regioner', {
      csrf,
      submissionKey: hiddenField(own.text, 'submissionKey'),
    });
    expect(inform.status).toBe(403);
  });
});
