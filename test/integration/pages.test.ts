/**
 * What a new user met on the pages, checked over HTTP on the whole local system: the header of a
 * signed-in person on an error page, the language switch, the timeline's CSS, text limits that
 * are refused rather than cut, offers that name their hospital, and the contacted people's status.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceData } from '../../functions/domain/reference.ts';
import { type LocalRuntime, startLocal } from '../../local/runtime.ts';
import { Client, hiddenField, linkIn, outbox, waitFor } from './client.ts';

const REPORTER = 'mette.holm@regionsjaelland.example';

let runtime: LocalRuntime;
let reporter: Client;

beforeAll(async () => {
  runtime = await startLocal({ dataDir: undefined, timeScale: 1, scheduler: false });
  reporter = new Client(runtime.url);
  await reporter.signInAs(REPORTER);
});

afterAll(async () => {
  await runtime?.close();
});

async function report(description: string) {
  const form = await reporter.get('/indberet');
  return reporter.post('/indberet', {
    csrf: hiddenField(form.text, 'csrf'),
    submissionKey: hiddenField(form.text, 'submissionKey'),
    departmentId: 'suh-brystkirurgi',
    cancerType: 'brystkraeft',
    'pathwayTypes[]': ['behandling'],
    'modalities[]': ['kirurgi'],
    patientsAtRisk: '3',
    from: '2026-12-01',
    scope: 'hospital',
    description,
  });
}

describe('the menu and the front page', () => {
  it('offer each person only pages they may open (no link ends in "no access")', async () => {
    const people = [
      REPORTER,
      'thomas.dam@regionh.example', // health director: reads the quarterly status, reports nothing
      'lasse.skov@regionh.example', // department
      'specialenheden@specialenheden.example',
      'it-drift@kraeftkapacitet.example',
    ];
    const linksOn = (text: string) =>
      new Set(
        [...text.matchAll(/<a [^>]*href="(\/[a-z][^"#.]*)"/g)].map((m) =>
          (m[1] as string).replaceAll('&amp;', '&'),
        ),
      );
    for (const email of people) {
      const person = new Client(runtime.url);
      await person.signInAs(email);
      // The front page, the menu, and every page one click from them.
      const first = linksOn((await person.get('/')).text);
      expect(first.size, email).toBeGreaterThan(8);
      const all = new Set(first);
      for (const link of first) {
        const res = await person.get(link);
        expect(res.status, `${email} ${link}`).not.toBe(403);
        for (const next of linksOn(res.text)) all.add(next);
      }
      for (const link of all) {
        if (first.has(link) || link.startsWith('/log-ud')) continue;
        expect((await person.get(link)).status, `${email} ${link}`).not.toBe(403);
      }
    }
    // The director sees the quarterly status, a department does not.
    const director = new Client(runtime.url);
    await director.signInAs('thomas.dam@regionh.example');
    expect((await director.get('/')).text).toContain('href="/kvartalsstatus"');
    expect((await director.get('/')).text).not.toContain('href="/indberet"');
    expect((await reporter.get('/')).text).not.toContain('href="/kvartalsstatus"');
  });
});

describe('the page frame', () => {
  it('keeps the signed-in header on an error page (no "Log ind" for someone signed in)', async () => {
    const res = await reporter.get('/admin/revisionsspor');
    expect(res.status).toBe(403);
    expect(res.text).toContain('Mette Holm');
    expect(res.text).toContain('Log ud');
    expect(res.text).not.toContain('href="/log-ind"');
  });

  it('keeps the CSS of the timeline dots intact (served as CSS, never HTML-escaped)', async () => {
    const res = await reporter.get('/');
    expect(res.text).not.toContain('content:&#39;');
    const href = /<link rel="stylesheet" href="([^"]+)"/.exec(res.text)?.[1] as string;
    const css = (await reporter.get(href)).text;
    expect(css).toMatch(/\.kk-timeline li:before\s*\{[^}]*content:\s*(""|'')/);
  });

  it('answers in English on ?lang=en, remembers it, and switches back', async () => {
    const visitor = new Client(runtime.url);
    const english = await visitor.get('/log-ind?lang=en');
    expect(english.headers.getSetCookie().join()).toContain('kk_lang=en');
    expect(english.text).toContain('<html lang="en">');
    expect(english.text).toContain('Skip to content');
    const next = await visitor.get('/log-ind');
    expect(next.text).toContain('<html lang="en">');
    expect(next.text).toContain('href="/log-ind?lang=da"');
    const danish = await visitor.get('/log-ind?lang=da');
    expect(danish.text).toContain('<html lang="da">');
  });

  it("follows the browser's Accept-Language when nothing was chosen", async () => {
    const visitor = new Client(runtime.url);
    expect((await visitor.get('/', { 'accept-language': 'en-GB,en;q=0.9' })).text).toContain(
      '<html lang="en">',
    );
    expect((await visitor.get('/', { 'accept-language': 'da-DK,da;q=0.9' })).text).toContain(
      '<html lang="da">',
    );
  });
});

describe('reporting and answering a problem', () => {
  it('shows the limit of the description and refuses longer text with a clear error, keeping all of it', async () => {
    const form = await reporter.get('/indberet');
    expect(form.text).toContain('data-limit="2000"');
    expect(form.text).toContain('0 af 2000 tegn');
    expect(form.text).toMatch(/<textarea[^>]*maxlength="2000"/);

    const long = `${'Operationsgangen er lukket. '.repeat(300)}SLUT`;
    const res = await report(long);
    expect(res.status).toBe(400);
    expect(res.text).toContain('Teksten er for lang: højst 2.000 tegn (der er 8.404).');
    expect(res.text).toContain('SLUT</textarea>');
  });

  it('names the offering department with its hospital, dates in words, and marks who offered', async () => {
    const res = await report('Mangel på operationstid.');
    expect(res.status).toBe(303);
    const id = /\/problemer\/([0-9A-Z]+)\/kvittering/.exec(res.headers.get('location') ?? '')?.[1] as string;

    const receipt = await reporter.get(`/problemer/${id}/kvittering`);
    expect(receipt.text).toContain('Udløber svarfristen uden løsning, går sagen automatisk et trin op');

    const mail = await waitFor('a level-1 request to another department', async () =>
      (await outbox(reporter, id)).find(
        (m) => m.level === 1 && m.purpose === 'escalation' && m.subject.includes('Kapacitetsproblem'),
      ),
    );
    const link = linkIn(mail.text);
    const responder = new Client(runtime.url);
    const offerPage = await responder.get(link);
    // The treatment preset is the problem's own (kirurgi), not the first entry (udredning).
    expect(offerPage.text).toMatch(/<option value="kirurgi" selected>/);

    const offered = await responder.post(link, {
      action: 'offer',
      offerKey: hiddenField(offerPage.text, 'offerKey'),
      patients: '3',
      modality: 'kirurgi',
      earliest: '2026-12-07',
    });
    expect(offered.status).toBe(200);

    const problemPage = await reporter.get(`/problemer/${id}`);
    expect(problemPage.text).toMatch(/tilbyder 3 patienter – Kirurgi – fra 7\. december 2026\./);
    const offeror = /\(([^,()]+), ([^()]+)\) tilbyder 3 patienter/.exec(problemPage.text);
    const hospitals = referenceData().hospitals.map((h) => h.name);
    expect(hospitals).toContain(offeror?.[2]);
    const row = new RegExp(`<tr data-email="${mail.to[0]}">.*?</tr>`, 's').exec(problemPage.text)?.[0] ?? '';
    expect(row).toContain('Tilbudt kapacitet');

    const offerMail = await waitFor('the offer e-mail', async () =>
      (await outbox(reporter, id)).find((m) => m.purpose === 'offer'),
    );
    expect(offerMail.text).toContain(`${offeror?.[1]}, ${offeror?.[2]}`);
    expect(offerMail.text).toContain('fra 7. december 2026');

    const list = await reporter.get('/problemer');
    expect(list.text).toContain('Brystkirurgisk Afdeling, Sjællands Universitetshospital');
  });
});
