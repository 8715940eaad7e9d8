/**
 * The pages and e-mails of Kræftkapacitet in English, on the whole local system: each page asked
 * for with ?lang=en answers with `<html lang="en">` and English headings and labels, and a person
 * whose phone-list entry says English gets English e-mails whatever language the request was in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listContacts, putContact } from '../../functions/adapters/store.ts';
import { previousQuarter, quarterOf } from '../../functions/domain/quarterly.ts';
import { type LocalRuntime, startLocal } from '../../local/runtime.ts';
import { Client, hiddenField, outbox } from './client.ts';

const METTE = 'mette.holm@regionsjaelland.example';
const SECRETARIAT = 'specialenheden@specialenheden.example';

let runtime: LocalRuntime;
let visitor: Client;

beforeAll(async () => {
  runtime = await startLocal({ dataDir: undefined, timeScale: 1, scheduler: false });
  visitor = new Client(runtime.url);
});

afterAll(async () => {
  await runtime?.close();
});

/** Sets the language of the e-mails a phone-list entry gets (undefined: the default, Danish). */
async function setContactLanguage(email: string, language: 'da' | 'en' | undefined): Promise<void> {
  const contact = (await listContacts()).find((c) => c.email === email);
  if (!contact) throw new Error(`No contact ${email}`);
  await putContact({ ...contact, language });
}

/** Asks for a sign-in link on the sign-in page, in the language of `query`; returns the mail sent. */
async function askForSignInLink(email: string, query: string) {
  const client = new Client(runtime.url);
  await client.get(`/log-ind${query}`);
  const res = await client.post('/log-ind', { email });
  expect(res.status).toBe(200);
  const mails = (await outbox(visitor)).filter((m) => m.purpose === 'sign-in' && m.to.includes(email));
  return { page: res.text, mail: mails.at(-1) };
}

describe('the front page and sign-in', () => {
  it('shows the front page in English', async () => {
    const res = await visitor.get('/?lang=en');
    expect(res.text).toContain('<html lang="en">');
    expect(res.text).toContain('<title>Front page – Kræftkapacitet</title>');
    expect(res.text).toContain('Report a capacity problem');
    expect(res.text).toContain('The system never holds patient data');
    expect(res.text).not.toContain('Systemet indeholder aldrig patientdata');
  });

  it('shows the sign-in page and its error in English', async () => {
    const client = new Client(runtime.url);
    const form = await client.get('/log-ind?lang=en');
    expect(form.text).toContain('<h1>Sign in</h1>');
    expect(form.text).toContain('Send sign-in link');
    const bad = await client.post('/log-ind', { email: 'not an address' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Enter a valid e-mail address.');
  });

  it("writes the sign-in e-mail in the request's language when the contact chose none", async () => {
    await setContactLanguage(METTE, undefined);
    const english = await askForSignInLink(METTE, '?lang=en');
    expect(english.page).toContain('Check your e-mail');
    expect(english.mail?.subject).toBe('[Kræftkapacitet] Your sign-in link');
    expect(english.mail?.text).toContain('Dear Mette Holm');
    const danish = await askForSignInLink(METTE, '?lang=da');
    expect(danish.mail?.subject).toBe('[Kræftkapacitet] Dit login-link');
  });

  it("writes the sign-in e-mail in the contact's preferred language, whatever the request's", async () => {
    await setContactLanguage(METTE, 'en');
    try {
      const { page, mail } = await askForSignInLink(METTE, '?lang=da');
      expect(page).toContain('Tjek din e-mail');
      expect(mail?.subject).toBe('[Kræftkapacitet] Your sign-in link');
    } finally {
      await setContactLanguage(METTE, undefined);
    }
  });

  it('confirms a sign-in link in English', async () => {
    const client = new Client(runtime.url);
    const users = (await client.get('/local/demo-users', { accept: 'application/json' })).json().users as {
      email: string;
      signInUrl: string;
    }[];
    const link = new URL(users.find((u) => u.email === METTE)?.signInUrl ?? '').pathname;
    const res = await client.get(`${link}?lang=en`);
    expect(res.text).toContain('You are signing in as <strong>Mette Holm</strong>.');
    expect((await client.get('/log-ind/link/nonsense?lang=en')).text).toContain(
      'The sign-in link is invalid',
    );
  });
});

/** A client signed in as `email`, asking for English with ?lang=en once (then kept by the cookie). */
async function englishClient(email: string): Promise<Client> {
  const client = new Client(runtime.url);
  await client.signInAs(email);
  const first = await client.get('/?lang=en');
  expect(first.text).toContain('<html lang="en">');
  return client;
}

describe('the weekly exchange', () => {
  it('shows the weekly report form, its errors and its receipt in English', async () => {
    const client = await englishClient(METTE);
    const form = await client.get('/ugerapport?lang=en');
    expect(form.status).toBe(200);
    expect(form.text).toContain('<html lang="en">');
    expect(form.text).toContain('<h1>Weekly report: waiting times and spare capacity</h1>');
    expect(form.text).toContain('Days to start of treatment: surgery');
    expect(form.text).toContain('Diagnostic tests (optional)');
    expect(form.text).not.toContain('Dage til');

    const base = { csrf: hiddenField(form.text, 'csrf'), departmentId: 'suh-brystkirurgi' };
    const bad = await client.post('/ugerapport', { ...base, 'brystkraeft.udredningDays': 'many' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('There are');
    // The schema's Danish message, shown in English.
    expect(bad.text).toContain('Enter the number of days as a number.');
    expect(bad.text).not.toContain('Angiv antal dage');

    const ok = await client.post('/ugerapport', {
      ...base,
      'brystkraeft.udredningDays': '9',
      'brystkraeft.treatmentDays.kirurgi': '12',
      'brystkraeft.spareCapacity': '2',
    });
    expect(ok.status).toBe(303);
    const receipt = await client.get(ok.headers.get('location') ?? '');
    expect(receipt.text).toMatch(/Thank you – the weekly report for week \d+ \d{4} is saved\./);
    expect(receipt.text).toContain('Reports this week');
  });

  it('shows the national overview and the drill-down in English', async () => {
    const client = await englishClient(METTE);
    const national = await client.get('/ventetider?lang=en');
    expect(national.text).toContain('<html lang="en">');
    expect(national.text).toContain('<h1>Waiting times – national overview</h1>');
    expect(national.text).toContain('Capital Region of Denmark');
    expect(national.text).toContain('Within the maximum');
    expect(national.text).not.toContain('Inden for maksimum');

    const cancer = await client.get('/ventetider/brystkraeft?lang=en');
    expect(cancer.text).toContain('<h1>Waiting times: Breast cancer</h1>');
    expect(cancer.text).toContain('Spare capacity');
    expect(cancer.text).toContain('Find capacity for breast cancer');
    expect((await client.get('/ventetider/ukendt?lang=en')).text).toContain(
      'The cancer type does not exist.',
    );
  });

  it('finds capacity in English, with English errors', async () => {
    const client = await englishClient(METTE);
    const empty = await client.get('/find-kapacitet?lang=en');
    expect(empty.text).toContain('<h1>Find capacity</h1>');
    expect(empty.text).toContain('Patient&#39;s region of residence');
    const bad = await client.get('/find-kapacitet?lang=en&cancerType=nope&pathway=kirurgi&region=sjaelland');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Choose a cancer type from the list.');
    const found = await client.get(
      '/find-kapacitet?lang=en&cancerType=brystkraeft&pathway=kirurgi&region=sjaelland',
    );
    expect(found.status).toBe(200);
    expect(found.text).toMatch(
      /department(s)? can start surgery for breast cancer within 14 days|No department has reported/,
    );
  });
});

describe('networks and the quarterly status', () => {
  it('shows the networks and one network in English', async () => {
    const client = await englishClient(SECRETARIAT);
    const list = await client.get('/netvaerk?lang=en');
    expect(list.text).toContain('<html lang="en">');
    expect(list.text).toContain('<h1>National networks</h1>');
    expect(list.text).toContain('Breast cancer');
    const one = await client.get('/netvaerk/brystkraeft?lang=en');
    expect(one.text).toContain('<h1>National network: Breast cancer</h1>');
    expect(one.text).toContain('<h2>Members</h2>');
    expect(one.text).toContain('Phone list');
    expect(one.text).not.toContain('Medlemmer');
  });

  it('shows the quarterly status in English', async () => {
    const client = await englishClient(SECRETARIAT);
    const list = await client.get('/kvartalsstatus?lang=en');
    expect(list.text).toContain('<h1>Quarterly status</h1>');
    const quarter = previousQuarter(quarterOf(new Date()));
    const prepared = await client.post(`/kvartalsstatus/${quarter}`, {
      csrf: hiddenField(list.text, 'csrf'),
    });
    expect(prepared.status).toBe(303);
    const status = await client.get(`/kvartalsstatus/${quarter}?lang=en`);
    expect(status.status).toBe(200);
    expect(status.text).toMatch(/<h1>Quarterly status Q\d \d{4}<\/h1>/);
    expect(status.text).toContain('Problems opened');
    expect(status.text).toContain('Median time to resolution');
    expect(status.text).not.toContain('Sager oprettet');
  });
});

describe('monitoring and external providers', () => {
  it('shows the monitoring in English, the upload form and its script texts too', async () => {
    const client = await englishClient(SECRETARIAT);
    const res = await client.get('/overvaagning?lang=en&aar=2025');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<html lang="en">');
    expect(res.text).toContain('<h1>Monitoring of maximum waiting times and pathway times</h1>');
    expect(res.text).toContain('<h2>Nationwide</h2>');
    expect(res.text).toContain('Within the maximum waiting time');
    expect(res.text).toContain('Report pathway data');
    expect(res.text).toContain('"accepted":"The file is accepted"');
    expect(res.text).not.toContain('Regler overholdt');
    const bad = await client.get('/overvaagning?lang=en&aar=1999');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Give a year between 2000 and');
  });

  it('shows the register, the form and a referral checklist in English', async () => {
    const client = await englishClient(SECRETARIAT);
    const list = await client.get('/eksterne-udbydere?lang=en');
    expect(list.text).toContain('<h1>External providers</h1>');
    expect(list.text).toContain('Typical time to start');
    expect(list.text).toContain('Checklists:');
    const form = await client.get('/eksterne-udbydere/ny?lang=en');
    expect(form.text).toContain('<h1>Create external provider</h1>');
    expect(form.text).toContain('Agreement valid from');
    const checklist = await client.get('/eksterne-udbydere/brustzentrum-kiel/tjekliste?lang=en');
    expect(checklist.status).toBe(200);
    expect(checklist.text).toContain('<h1>Referral checklist: ');
    expect(checklist.text).toContain('typically');
    expect(checklist.text).not.toContain('Udskriv listen');
  });
});

describe('the problem page', () => {
  it('shows the report form and its errors in English', async () => {
    const client = new Client(runtime.url);
    await client.signInAs(METTE);
    const form = await client.get('/indberet?lang=en');
    expect(form.text).toContain('<html lang="en">');
    expect(form.text).toContain('<h1>Report a capacity problem</h1>');
    expect(form.text).toContain('Number of patients at risk of exceeding the maximum waiting time');
    expect(form.text).toContain('0 of 2000 characters');
    const bad = await client.post('/indberet', {
      csrf: hiddenField(form.text, 'csrf'),
      submissionKey: hiddenField(form.text, 'submissionKey'),
      departmentId: 'suh-brystkirurgi',
      cancerType: 'brystkraeft',
      'pathwayTypes[]': ['behandling'],
      patientsAtRisk: 'many',
      from: '2026-12-01',
      scope: 'hospital',
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Enter the number of patients as a number.');
    expect(bad.text).toContain('Choose at least one treatment when treatment is affected.');
    expect(bad.text).toContain('<span class="sr-only">Error: </span>');
    await client.get('/?lang=da');
  });

  it("shows the timeline in the reader's language", async () => {
    const client = new Client(runtime.url);
    await client.signInAs(METTE);
    const form = await client.get('/indberet');
    const res = await client.post('/indberet', {
      csrf: hiddenField(form.text, 'csrf'),
      submissionKey: hiddenField(form.text, 'submissionKey'),
      departmentId: 'suh-brystkirurgi',
      cancerType: 'brystkraeft',
      'pathwayTypes[]': ['behandling'],
      'modalities[]': ['kirurgi'],
      patientsAtRisk: '3',
      from: '2026-12-01',
      scope: 'hospital',
      description: 'Mangel på operationstid.',
    });
    expect(res.status).toBe(303);
    const id = /\/problemer\/([0-9A-Z]+)/.exec(res.headers.get('location') ?? '')?.[1] as string;
    const danish = await client.get(`/problemer/${id}?lang=da`);
    expect(danish.text).toContain('<html lang="da">');
    expect(danish.text).toContain('Indberettet af Mette Holm. Starter på niveau 1 (Hospital).');
    const english = await client.get(`/problemer/${id}?lang=en`);
    expect(english.text).toContain('<html lang="en">');
    expect(english.text).toContain('Reported by Mette Holm. Starts at level 1 (Hospital).');
    expect(english.text).not.toContain('Indberettet af');
  });
});
