/**
 * Messages in the reader's language, on the whole local system: a page asked for in English shows
 * the services' refusals, an import's row errors and the texts the system stored (the audit trail,
 * a network's history) in English; the JSON API answers in Danish unless the caller's
 * Accept-Language asks for English; texts stored before phrases existed still show as written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putAuditEntry } from '../../functions/adapters/followup-store.ts';
import { type Contact, referenceData } from '../../functions/domain/reference.ts';
import { type LocalRuntime, startLocal } from '../../local/runtime.ts';
import { Client, hiddenField } from './client.ts';

const METTE = 'mette.holm@regionsjaelland.example';
const SECRETARIAT = 'specialenheden@specialenheden.example';

let runtime: LocalRuntime;
let token: string;

beforeAll(async () => {
  runtime = await startLocal({ dataDir: undefined, timeScale: 1, scheduler: false });
  token = (await new Client(runtime.url).apiTokens()).get(METTE) as string;
});

afterAll(async () => {
  await runtime?.close();
});

/** Mette (a department) asks to activate a network, which only the directors and Specialenheden may. */
async function changeNetworkAsDepartment(lang: 'da' | 'en') {
  const client = new Client(runtime.url);
  await client.signInAs(METTE);
  const page = await client.get(`/netvaerk/brystkraeft?lang=${lang}`);
  return client.post('/netvaerk/brystkraeft/status', {
    csrf: hiddenField(page.text, 'csrf'),
    state: 'active',
    reason: 'Mangel på operationstid i regionen.',
  });
}

describe('a refusal by a service', () => {
  it('is shown in English on an English page', async () => {
    const res = await changeNetworkAsDepartment('en');
    expect(res.status).toBe(403);
    expect(res.text).toContain('<html lang="en">');
    expect(res.text).toContain(
      'Only sundhedsdirektørkredsen and Specialenheden can change the network&#39;s status.',
    );
    expect(res.text).not.toContain('Kun sundhedsdirektørkredsen');
  });

  it('is shown in Danish on a Danish page', async () => {
    const res = await changeNetworkAsDepartment('da');
    expect(res.status).toBe(403);
    expect(res.text).toContain('Kun sundhedsdirektørkredsen og Specialenheden kan ændre netværkets status.');
  });

  it('words an unknown page in English too', async () => {
    const res = await new Client(runtime.url).get('/findes-ikke?lang=en');
    expect(res.status).toBe(404);
    expect(res.text).toContain('The page does not exist.');
    expect(res.text).not.toContain('Siden findes ikke');
  });
});

describe('the JSON API', () => {
  const api = (path: string, headers: Record<string, string> = {}) =>
    new Client(runtime.url).get(path, { authorization: `Bearer ${token}`, ...headers });

  it('answers in Danish by default', async () => {
    const res = await api('/api/problems/0000000000');
    expect(res.status).toBe(404);
    expect(res.json().error).toBe('Sagen findes ikke.');
  });

  it('answers in English when Accept-Language asks for it', async () => {
    const res = await api('/api/problems/0000000000', { 'accept-language': 'en-GB,en;q=0.9' });
    expect(res.status).toBe(404);
    expect(res.json().error).toBe('The problem does not exist.');
  });

  it('words a refused token and an unknown route in English when asked', async () => {
    const badToken = await new Client(runtime.url).get('/api/problems', {
      authorization: 'Bearer not-a-token',
      'accept-language': 'en',
    });
    expect(badToken.status).toBe(401);
    expect(badToken.json().error).toBe('Invalid API token.');
    const unknown = await api('/api/findes-ikke', { 'accept-language': 'en' });
    expect(unknown.json().error).toBe('The page does not exist.');
  });

  it("words the fields' validation messages in English when asked", async () => {
    const res = await new Client(runtime.url).request('POST', '/api/problems', {
      json: { departmentId: 'suh-brystkirurgi', cancerType: 'brystkraeft', patientsAtRisk: 'many' },
      headers: {
        authorization: `Bearer ${token}`,
        'idempotency-key': 'english-errors-1',
        'accept-language': 'en',
      },
    });
    expect(res.status).toBe(400);
    const body = res.json();
    expect(body.error).toBe('Invalid data.');
    expect(JSON.stringify(body.fields)).not.toMatch(/[æøå]|Angiv|Vælg/);
  });
});

describe('an import in English', () => {
  it("reports the contact file's bad rows in English through the API", async () => {
    const secretariat = new Client(runtime.url);
    const tokens = await secretariat.apiTokens();
    const csv = [
      'id;role;name;title;email;phone;region;hospital;department;cancerTypes;modalities;maintainer;verifiedAt',
      'ny-kontakt;secretariat;Cecilie;Konsulent;c@x.example;12345678;;;;;;c@x.example;2026-11-01',
    ].join('\n');
    const res = await fetch(new URL('/api/contacts/import', runtime.url), {
      method: 'POST',
      headers: {
        authorization: `Bearer ${tokens.get(SECRETARIAT)}`,
        'content-type': 'text/csv',
        'accept-language': 'en',
      },
      body: csv,
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { errors: string[] };
    expect(body.errors).toEqual(['line 2: phone: write the phone number as +45 12 34 56 78']);
  });
});

describe('texts the system stored', () => {
  it("word a network's automatic activation in the reader's language, on its page and the trail", async () => {
    const { activateNetworkAutomatically } = await import('../../functions/services/networks.ts');
    const problem = { id: 'AUTO2', ref: 'KK-AUTO-0002', cancerType: 'prostatakraeft' } as Parameters<
      typeof activateNetworkAutomatically
    >[0];
    await activateNetworkAutomatically(problem);
    const secretariat = new Client(runtime.url);
    await secretariat.signInAs(SECRETARIAT);
    const english = await secretariat.get('/netvaerk/prostatakraeft?lang=en');
    expect(english.text).toContain('Problem KK-AUTO-0002 reached level 4.');
    expect(english.text).not.toContain('nåede niveau 4');
    const danish = await secretariat.get('/netvaerk/prostatakraeft?lang=da');
    expect(danish.text).toContain('Sag KK-AUTO-0002 nåede niveau 4.');
    const trail = await secretariat.get('/admin/revisionsspor?type=network&id=prostatakraeft&lang=en');
    expect(trail.text).toContain('Activated automatically: KK-AUTO-0002 reached level 4.');
    expect(trail.text).toContain('The system');
    expect(trail.text).not.toContain('Aktiveret automatisk');
  });

  it('word a contact edit in English on the trail, the changed fields too', async () => {
    const secretariat = new Client(runtime.url);
    await secretariat.signInAs(SECRETARIAT);
    const form = await secretariat.get('/kontakter/suh-brystkirurgi-koordinator/rediger');
    const own = referenceData().contacts.find((c) => c.id === 'suh-brystkirurgi-koordinator') as Contact;
    const saved = await secretariat.post('/kontakter/suh-brystkirurgi-koordinator/rediger', {
      csrf: hiddenField(form.text, 'csrf'),
      id: own.id,
      role: own.role,
      name: own.name,
      title: own.title,
      email: own.email,
      phone: '+45 71 71 71 71',
      region: own.region ?? '',
      hospital: own.hospital ?? '',
      department: own.department ?? '',
      'cancerTypes[]': own.cancerTypes,
      maintainer: own.maintainer,
    });
    expect(saved.status).toBe(303);
    const path = '/admin/revisionsspor?type=contact&id=suh-brystkirurgi-koordinator';
    const english = await secretariat.get(`${path}&lang=en`);
    expect(english.text).toContain('Changed: phone, verified.');
    expect(english.text).not.toContain('Rettet:');
    expect((await secretariat.get(`${path}&lang=da`)).text).toContain('Rettet: telefon, bekræftet.');
  });

  it("give the default referral checklist in the reader's language, its fixed headings too", async () => {
    const client = new Client(runtime.url);
    await client.signInAs(SECRETARIAT);
    const english = await client.get('/eksterne-udbydere/brustzentrum-kiel/tjekliste?lang=en');
    expect(english.text).toContain('<h2>Medical record and translation</h2>');
    expect(english.text).toContain('An interpreter has been booked if the patient needs one');
    expect(english.text).not.toContain('Tolk er bestilt');
    const danish = await client.get('/eksterne-udbydere/brustzentrum-kiel/tjekliste?lang=da');
    expect(danish.text).toContain('<h2>Journal og oversættelse</h2>');
    expect(danish.text).toContain('Tolk er bestilt, hvis patienten har brug for det');
  });

  it('show an entry stored before phrases existed as it was written', async () => {
    await putAuditEntry({
      at: new Date().toISOString(),
      who: { email: 'it-drift@kraeftkapacitet.example', name: 'IT-drift', role: 'admin' },
      entityType: 'contact',
      entityId: 'gammel-kontakt',
      action: 'updated',
      summary: 'Rettet: telefon (skrevet før).',
    });
    const secretariat = new Client(runtime.url);
    await secretariat.signInAs(SECRETARIAT);
    const trail = await secretariat.get('/admin/revisionsspor?type=contact&id=gammel-kontakt&lang=en');
    expect(trail.text).toContain('Rettet: telefon (skrevet før).');
  });
});
