/**
 * External capacity on the local runtime: the register through its API (secretariat only, CSV
 * import all or nothing, audit trail), the capacity finder listing valid external agreements
 * after public departments only when none can start in time, the escalation e-mail's lines, and
 * the printable referral checklist with its secretariat-maintained template.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditForEntity } from '../../functions/adapters/followup-store.ts';
import { type ExternalProvider, providersToCsv } from '../../functions/domain/external-providers.ts';
import type { Problem } from '../../functions/domain/problem.ts';
import { finderAnswerFor } from '../../functions/services/weekly.ts';
import { finderLines } from '../../functions/web/emails.ts';
import { type LocalRuntime, startLocal } from '../../local/runtime.ts';
import { Client, hiddenField } from './client.ts';

const SECRETARIAT = 'specialenheden@specialenheden.example';
const DEPARTMENT = 'hanne.lund@regionh.example';

let runtime: LocalRuntime;
let secretariat: Client;
let tokens: Map<string, string>;

beforeAll(async () => {
  runtime = await startLocal({ timeScale: 1, scheduler: false });
  secretariat = new Client(runtime.url);
  await secretariat.signInAs(SECRETARIAT);
  tokens = await secretariat.apiTokens();
});

afterAll(async () => {
  await runtime?.close();
});

async function api(method: string, path: string, as: string, body?: string, type = 'application/json') {
  const res = await fetch(new URL(path, runtime.url), {
    method,
    headers: { authorization: `Bearer ${tokens.get(as)}`, ...(body ? { 'content-type': type } : {}) },
    body,
  });
  return { status: res.status, body: await res.json() };
}

// Biliary tract cancer: no demo department or demo provider offers it, so no public department can start in time.
const sarcoma = (id: string, extra: Partial<ExternalProvider> = {}) => ({
  id,
  kind: 'udland',
  name: `Sarkomcenter ${id}`,
  country: 'Sverige',
  cancerTypes: ['galdevejskraeft'],
  pathwayTypes: ['behandling'],
  modalities: ['kirurgi'],
  contactName: 'Internationella kansliet',
  contactEmail: `${id}@sarkom.example`,
  contactPhone: '+46 8 123 456 78',
  validFrom: '2020-01-01',
  typicalDays: 12,
  notes: 'Aftale om sarkomkirurgi.',
  ...extra,
});

describe('the register through the API', () => {
  it('has the demo providers, one of them abroad', async () => {
    const { status, body } = await api('GET', '/api/external-providers', DEPARTMENT);
    expect(status).toBe(200);
    const kinds = (body.providers as ExternalProvider[]).map((p) => `${p.id}:${p.kind}`);
    expect(kinds).toEqual(expect.arrayContaining(['brustzentrum-kiel:udland', 'privathospital-aros:privat']));
  });

  it('lets only the secretariat add a provider, with Danish field errors and an audit entry', async () => {
    const denied = await api(
      'PUT',
      '/api/external-providers/sarkom-a',
      DEPARTMENT,
      JSON.stringify(sarcoma('sarkom-a')),
    );
    expect(denied.status).toBe(403);
    const bad = await api(
      'PUT',
      '/api/external-providers/sarkom-a',
      SECRETARIAT,
      JSON.stringify(sarcoma('sarkom-a', { notes: 'Henvist 010190-1234' })),
    );
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('CPR-nummer');
    const created = await api(
      'PUT',
      '/api/external-providers/sarkom-a',
      SECRETARIAT,
      JSON.stringify(sarcoma('sarkom-a')),
    );
    expect(created.status).toBe(201);
    const trail = await listAuditForEntity('external-provider', 'sarkom-a');
    expect(trail.map((e) => [e.action, e.who.email])).toEqual([['created', SECRETARIAT]]);
    const page = await secretariat.get('/admin/revisionsspor?type=external-provider&id=sarkom-a');
    expect(page.text).toContain('Ekstern udbyder');
    expect(page.text).toContain('Oprettet Sarkomcenter sarkom-a.');
  });

  it('imports nothing from a CSV file with one bad row, and all of a good one', async () => {
    const good = sarcoma('sarkom-b', {
      kind: 'privat',
      country: 'Danmark',
      typicalDays: 8,
      contactPhone: '+45 70 70 70 70',
    });
    const expired = sarcoma('sarkom-udloebet', { validTo: '2021-12-31', typicalDays: 1 });
    const mixed = providersToCsv([good, { ...expired, contactEmail: 'ikke-en-adresse' }] as never);
    const refused = await api('POST', '/api/external-providers/import', SECRETARIAT, mixed, 'text/csv');
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([expect.stringMatching(/^linje 3: contactEmail: /)]);
    const list = await api('GET', '/api/external-providers', SECRETARIAT);
    expect((list.body.providers as ExternalProvider[]).some((p) => p.id === 'sarkom-b')).toBe(false);

    const accepted = await api(
      'POST',
      '/api/external-providers/import',
      SECRETARIAT,
      providersToCsv([good, expired] as never),
      'text/csv',
    );
    expect(accepted).toMatchObject({ status: 200, body: { imported: 2, created: 2, errors: [] } });
    const csv = await secretariat.get('/eksterne-udbydere.csv');
    expect(csv.text).toContain('sarkom-b;privat;');
  });
});

describe('the capacity finder', () => {
  it('lists valid external agreements when no public department can start in time, best first', async () => {
    const { status, body } = await api(
      'GET',
      '/api/capacity-finder?cancerType=galdevejskraeft&pathway=kirurgi&region=hovedstaden',
      DEPARTMENT,
    );
    expect(status).toBe(200);
    expect(body.hits).toEqual([]);
    // The expired agreement is left out; the Danish provider starts sooner.
    expect(body.external.map((e: { providerId: string }) => e.providerId)).toEqual(['sarkom-b', 'sarkom-a']);
    expect(body.external[1]).toMatchObject({ kind: 'udland', validFrom: '2020-01-01', withinMax: true });
  });

  it('shows them on /find-kapacitet marked as external, with the agreement and a checklist link', async () => {
    const page = await secretariat.get(
      '/find-kapacitet?cancerType=galdevejskraeft&pathway=kirurgi&region=hovedstaden',
    );
    expect(page.status).toBe(200);
    expect(page.text).toContain('id="finder-external"');
    expect(page.text).toMatch(/<strong class="badge">Ekstern<\/strong> Sarkomcenter sarkom-b/);
    expect(page.text).toContain('aftale fra 1. januar 2020 (løbende)');
    expect(page.text).not.toContain('sarkom-udloebet');
    expect(page.text).toContain('href="/eksterne-udbydere/sarkom-a/tjekliste"');
  });

  it('puts the external providers in the escalation e-mail’s finder lines', async () => {
    const problem = {
      id: 'test',
      cancerType: 'galdevejskraeft',
      region: 'hovedstaden',
      departmentId: 'rh-brystkirurgi',
      pathwayTypes: ['behandling'],
      modalities: ['kirurgi'],
    } as unknown as Problem;
    const answer = await finderAnswerFor(problem);
    const lines = finderLines(answer, 'da');
    expect(lines).toContain('  Ingen afdelinger har meldt ledig kapacitet inden for maksimum.');
    expect(lines.filter((l) => l.startsWith('  EKSTERN – '))).toEqual([
      expect.stringContaining('Sarkomcenter sarkom-b (privat udbyder, Danmark): typisk 8 dage'),
      expect.stringContaining('Sarkomcenter sarkom-a (udenlandsk hospital, Sverige)'),
    ]);
    // The same answer for a recipient who reads English.
    const english = finderLines(answer, 'en');
    expect(english).toContain('  No department has reported spare capacity within the maximum.');
    expect(english.filter((l) => l.startsWith('  EXTERNAL – '))).toEqual([
      expect.stringContaining('Sarkomcenter sarkom-b (private provider, Danmark): typically 8 days'),
      expect.stringContaining('Sarkomcenter sarkom-a (hospital abroad, Sverige)'),
    ]);
  });
});

describe('the referral checklist', () => {
  it('prints the template for the provider’s kind, and the secretariat can change it (no CPR numbers)', async () => {
    const before = await secretariat.get('/eksterne-udbydere/brustzentrum-kiel/tjekliste');
    expect(before.status).toBe(200);
    expect(before.text).toContain('Journal og oversættelse');
    expect(before.text).not.toMatch(/<input(?![^>]*type="hidden")/);

    const form = await secretariat.get('/eksterne-udbydere/tjeklister/udland');
    const csrf = hiddenField(form.text, 'csrf');
    const sections = [
      'Samtykke indhentet',
      'Journal oversat',
      'Rejse bestilt',
      'Betalingstilsagn',
      'Kontrol planlagt',
    ];
    const refused = await secretariat.post('/eksterne-udbydere/tjeklister/udland', {
      csrf,
      ...Object.fromEntries(sections.map((s, i) => [`section${i}`, i === 2 ? 'Ring 010190-1234' : s])),
    });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('CPR-nummer');
    const saved = await secretariat.post('/eksterne-udbydere/tjeklister/udland', {
      csrf,
      ...Object.fromEntries(sections.map((s, i) => [`section${i}`, s])),
    });
    expect(saved.status).toBe(303);
    const after = await secretariat.get('/eksterne-udbydere/brustzentrum-kiel/tjekliste');
    expect(after.text).toContain('<li>Journal oversat</li>');
    const denied = await new Client(runtime.url).get('/eksterne-udbydere/brustzentrum-kiel/tjekliste');
    expect(denied.status).not.toBe(200);
  });
});
