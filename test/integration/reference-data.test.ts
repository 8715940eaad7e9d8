/**
 * Reference data kept in the app, on the local runtime: seeded into the table on first use, the
 * public list of valid ids, the secretariat's /stamdata pages (add, rename with history, retire,
 * CSV export and import), the audit trail, and forms validating against the live data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryAll } from '../../functions/adapters/store.ts';
import { type LocalRuntime, startLocal } from '../../local/runtime.ts';
import { Client, hiddenField } from './client.ts';

const SECRETARIAT = 'specialenheden@specialenheden.example';
const METTE = 'mette.holm@regionsjaelland.example';

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

interface Named {
  id: string;
  name: { da: string; en: string };
}

async function catalogue() {
  const res = await new Client(runtime.url).get('/api/reference-data');
  expect(res.status).toBe(200);
  return res.json() as Record<string, Named[]>;
}

async function csrf(client: Client, path: string): Promise<string> {
  return hiddenField((await client.get(path)).text, 'csrf');
}

describe('reference data in the table', () => {
  it('is seeded from data/*.json into the table and listed publicly with Danish and English names', async () => {
    const stored = await queryAll({
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': 'REFERENCE' },
    });
    expect(stored.some((i) => i.SK === 'department#suh-brystkirurgi')).toBe(true);

    const ids = await catalogue();
    expect(ids.regions).toHaveLength(5);
    expect(ids.cancerTypes).toContainEqual({
      id: 'brystkraeft',
      name: { da: 'Brystkræft', en: 'Breast cancer' },
    });
    expect(ids.departments?.some((d) => d.id === 'suh-brystkirurgi')).toBe(true);
    expect(ids.diagnosticModalities?.map((m) => m.id)).toEqual(['ct', 'mr', 'petct', 'endoskopi', 'biopsi']);
    expect(ids.treatmentModalities).toContainEqual({ id: 'kirurgi', name: { da: 'Kirurgi', en: 'Surgery' } });

    const openapi = JSON.stringify((await secretariat.get('/api/openapi.json')).json());
    expect(openapi).toContain('/api/reference-data');
    expect(openapi).toContain('Et id fra GET /api/reference-data (departments).');
  });

  it('shows the limit of every free-text field in its form (maxlength and a counter)', async () => {
    const forms: [string, string, number][] = [
      ['/stamdata/afdeling/ny', 'name', 120],
      ['/kontakter/ny', 'title', 120],
      ['/eksterne-udbydere/ny', 'name', 150],
      ['/eksterne-udbydere/ny', 'notes', 1000],
      ['/netvaerk/tyk-endetarmskraeft', 'reason', 500],
      ['/netvaerk/tyk-endetarmskraeft', 'member-title', 120],
    ];
    for (const [path, field, max] of forms) {
      const text = (await secretariat.get(path)).text;
      expect(text, `${path} #${field}`).toMatch(new RegExp(`id="${field}"[^>]*maxlength="${max}"`));
      expect(text, `${path} #${field}`).toContain(`id="${field}-taeller"`);
    }
  });

  it('is maintained by the secretariat only', async () => {
    const mette = new Client(runtime.url);
    await mette.signInAs(METTE);
    expect((await mette.get('/stamdata')).status).toBe(403);
    expect((await secretariat.get('/stamdata')).text).toContain('<h1>Stamdata</h1>');
    expect((await secretariat.get('/stamdata?lang=en')).text).toContain('<h1>Reference data</h1>');
    await secretariat.get('/stamdata?lang=da'); // the choice is kept in a cookie: back to Danish
  });

  it('adds a cancer type with Danish errors first, and every form offers it at once', async () => {
    const token = await csrf(secretariat, '/stamdata/kraeftform/ny');
    const bad = await secretariat.post('/stamdata/kraeftform/ny', {
      csrf: token,
      id: 'mesoteliom',
      name: 'Mesoteliom',
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Angiv det engelske navn.');

    const ok = await secretariat.post('/stamdata/kraeftform/ny', {
      csrf: token,
      id: 'mesoteliom',
      name: 'Mesoteliom',
      nameEn: 'Mesothelioma',
    });
    expect(ok.status).toBe(303);
    expect((await catalogue()).cancerTypes).toContainEqual({
      id: 'mesoteliom',
      name: { da: 'Mesoteliom', en: 'Mesothelioma' },
    });
    expect((await secretariat.get('/kontakter/ny')).text).toContain('value="mesoteliom"');
  });

  it('renames a department keeping the former name, on the audit trail', async () => {
    const form = (await secretariat.get('/stamdata/afdeling/suh-brystkirurgi')).text;
    expect(form).toContain('value="Brystkirurgisk Afdeling"');
    const res = await secretariat.post('/stamdata/afdeling/suh-brystkirurgi', {
      csrf: hiddenField(form, 'csrf'),
      id: 'suh-brystkirurgi',
      name: 'Mammakirurgisk Afdeling',
      hospital: 'sjaellands-universitetshospital',
      'cancerTypes[]': ['brystkraeft'],
      'modalities[]': ['kirurgi'],
      udredning: 'ja',
    });
    expect(res.status).toBe(303);

    const page = (await secretariat.get('/stamdata')).text;
    expect(page).toMatch(/Mammakirurgisk Afdeling.*Tidligere: Brystkirurgisk Afdeling/s);
    const trail = (
      await secretariat.get('/admin/revisionsspor?type=reference-data&id=department:suh-brystkirurgi', {
        accept: 'application/json',
      })
    ).json().entries as { action: string; summary: string }[];
    expect(trail.map((e) => e.action)).toContain('updated');
  });

  it('retires a department (kept, but out of the lists) and refuses to retire a hospital still in use', async () => {
    const token = await csrf(secretariat, '/stamdata');
    const refused = await secretariat.post('/stamdata/hospital/regionshospital-nordjylland/udgaa', {
      csrf: token,
    });
    expect(refused.status).toBe(409);
    expect(refused.text).toContain('Hospitalet har aktive afdelinger');

    const retired = await secretariat.post('/stamdata/afdeling/rhn-kirurgi/udgaa', { csrf: token });
    expect(retired.status).toBe(303);
    expect((await catalogue()).departments?.some((d) => d.id === 'rhn-kirurgi')).toBe(false);
    expect((await secretariat.get('/stamdata')).text).toMatch(
      /data-id="rhn-kirurgi" class="kk-retired">.*Udgået/,
    );

    // The contact import validates against the live data: the retired department is refused.
    const csv = (await secretariat.get('/kontakter.csv')).text.replace(/^\uFEFF/, '');
    const row = csv.split('\r\n').find((l) => l.startsWith('rhn-kirurgi-koordinator;'));
    const header = csv.split('\r\n')[0] ?? '';
    const importPage = await secretariat.post('/kontakter/import', {
      csrf: await csrf(secretariat, '/kontakter/import'),
      csv: `${header}\r\n${row}\r\n`,
    });
    expect(importPage.text).toMatch(/rhn-kirurgi/);
    expect(importPage.text).toContain('Intet er importeret');
  });

  it('exports as CSV and imports it back: unchanged rows are said to be unchanged; one bad row and nothing is written', async () => {
    const csv = (await secretariat.get('/stamdata.csv')).text.replace(/^\uFEFF/, '');
    expect(csv.split('\r\n')[0]).toBe(
      'kind;id;name;nameEn;region;hospital;cancerTypes;modalities;udredning;retiredAt',
    );

    const token = await csrf(secretariat, '/stamdata/import');
    const same = await secretariat.post('/stamdata/import', { csrf: token, csv });
    expect(same.status).toBe(200);
    expect(same.text).toMatch(/0 nye, 0 rettet, 0 udgået, \d+ uændret/);

    const bad = `${csv}cancer-type;lymfom;Lymfom;Lymphoma;;;;;;\r\ndepartment;ny-afd;Ny Afdeling;;;findes-ikke;brystkraeft;kirurgi;nej;\r\n`;
    const refused = await secretariat.post('/stamdata/import', { csrf: token, csv: bad });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('Intet er importeret');
    expect((await catalogue()).cancerTypes?.some((c) => c.id === 'lymfom')).toBe(false);
  });
});
