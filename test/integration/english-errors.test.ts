/**
 * Error messages in the reader's language, on the whole local system: a page asked for in English
 * shows the services' refusals in English, and the JSON API answers in Danish unless the caller's
 * Accept-Language asks for English.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRuntime, startLocal } from '../../local/runtime.ts';
import { Client, hiddenField } from './client.ts';

const METTE = 'mette.holm@regionsjaelland.example';

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
