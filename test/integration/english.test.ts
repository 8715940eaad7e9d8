/**
 * The pages and e-mails of Kræftkapacitet in English, on the whole local system: each page asked
 * for with ?lang=en answers with `<html lang="en">` and English headings and labels, and a person
 * whose phone-list entry says English gets English e-mails whatever language the request was in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listContacts, putContact } from '../../functions/adapters/store.ts';
import { type LocalRuntime, startLocal } from '../../local/runtime.ts';
import { Client, outbox } from './client.ts';

const METTE = 'mette.holm@regionsjaelland.example';

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
