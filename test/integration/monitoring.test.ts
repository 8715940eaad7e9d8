/**
 * Monitoring of maximum waiting times end to end on the local runtime: the HTTP API hands out a
 * presigned URL, the file is PUT to the embedded S3 engine, its event runs the ingest handler
 * (stream → validate → aggregates in dynalite → delete), and the figures come back through the API.
 */
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditForEntity } from '../../functions/adapters/followup-store.ts';
import { listRegionQuarterHistory } from '../../functions/adapters/monitoring-store.ts';
import { prepareQuarterlyStatus } from '../../functions/services/quarterly.ts';
import { type LocalRuntime, startLocal } from '../../local/runtime.ts';
import { Client, waitFor } from './client.ts';

const SECRETARIAT = 'specialenheden@specialenheden.example';
const HOVEDSTADEN = 'primaer.bryst.udredning@regionh.example';
const HEADER =
  'forloeb_id;region;kraeftform;forloebstype;modtaget;start;aarsag;henvisning_tilbudt;standard_dage';

let runtime: LocalRuntime;
let tokens: Map<string, string>;

beforeAll(async () => {
  runtime = await startLocal({ scheduler: false });
  tokens = await new Client(runtime.url).apiTokens();
});

afterAll(async () => {
  await runtime?.close();
});

function api(email: string) {
  const client = new Client(runtime.url);
  const headers = { authorization: `Bearer ${tokens.get(email)}` };
  return {
    get: (path: string) => client.get(path, headers),
    post: (path: string, json: unknown, extra: Record<string, string> = {}) =>
      client.request('POST', path, { json, headers: { ...headers, ...extra } }),
  };
}

interface Status {
  id: string;
  status: string;
  rows: number;
  ongoing: number;
  errors: { line: number; column: string; message: string }[];
}

/** Register, PUT to the presigned URL as a regional system would, and wait for the ingest. */
async function upload(email: string, text: string, key?: string): Promise<Status> {
  const res = await api(email).post(
    '/api/monitoring/uploads',
    { fileName: 'udtraek.csv', contentType: 'text/csv' },
    key ? { 'idempotency-key': key } : {},
  );
  expect([200, 201]).toContain(res.status);
  const ticket = res.json();
  expect(ticket).toMatchObject({ method: 'PUT', uploadUrl: expect.stringContaining('X-Amz-Signature') });
  const put = await fetch(ticket.uploadUrl, {
    method: 'PUT',
    headers: { 'content-type': 'text/csv' },
    body: text,
  });
  expect(put.status).toBe(200);
  return waitFor('ingest', async () => {
    const s = (await api(email).get(`/api/monitoring/uploads/${ticket.id}`)).json() as Status;
    return s.status === 'done' || s.status === 'rejected' ? s : undefined;
  });
}

async function bucketKeys(): Promise<string[]> {
  const s3 = new S3Client({
    endpoint: runtime.s3.endpoint,
    region: 'eu-north-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  const out = await s3.send(new ListObjectsV2Command({ Bucket: 'kraeftkapacitet-monitoring' }));
  s3.destroy();
  return (out.Contents ?? []).map((o) => o.Key as string);
}

const good = [
  HEADER,
  'a1;hovedstaden;brystkraeft;udredning;2023-01-02;2023-01-16;;;', // day 14: within
  'a2;hovedstaden;brystkraeft;udredning;2023-01-02;2023-01-20;kapacitet;ja;', // capacity with offer
  'a3;1084;brystkraeft;behandling;2023-03-20;2023-04-10;kapacitet;nej;', // Q2, not complied
  'a4;hovedstaden;brystkraeft;pakkeforloeb;2023-02-01;2023-02-20;;;30',
  'a5;hovedstaden;lungekraeft;kun-behandling;2023-12-20;;;;', // ongoing
].join('\r\n');

function national(periods: Record<string, unknown>[], period: string) {
  return periods.find((p) => p.period === period && p.region === 'national');
}

describe('monitoring uploads', () => {
  it('accepts a good file, keeps only aggregates and deletes the raw file', async () => {
    const status = await upload(SECRETARIAT, good);
    expect(status).toMatchObject({ status: 'done', rows: 5, ongoing: 1, errors: [] });
    const waiting = (await api(SECRETARIAT).get('/api/monitoring/waiting-times?year=2023')).json();
    expect(national(waiting.periods, '2023-Q1')).toMatchObject({
      pathways: 2,
      within: 1,
      compliedExceeded: { total: 1, capacity: 1, capacityUdredning: 1, capacityBehandling: 0 },
      notComplied: 0,
    });
    expect(national(waiting.periods, '2023')).toMatchObject({ pathways: 3, notComplied: 1, ongoing: 1 });
    const lung = (
      await api(SECRETARIAT).get('/api/monitoring/waiting-times?year=2023&cancerType=lungekraeft')
    ).json();
    expect(national(lung.periods, '2023')).toMatchObject({ pathways: 0, ongoing: 1 });
    const packages = (await api(SECRETARIAT).get('/api/monitoring/package-times?year=2023')).json();
    expect(national(packages.periods, '2023-Q1')).toEqual({
      period: '2023-Q1',
      region: 'national',
      pathways: 1,
      withinStandard: 1,
    });
    expect(await bucketKeys()).toEqual([]);
  });

  it('never double-counts the same file uploaded again; the replaced figures stay as history', async () => {
    await upload(SECRETARIAT, good);
    const waiting = (await api(SECRETARIAT).get('/api/monitoring/waiting-times?year=2023')).json();
    expect(national(waiting.periods, '2023')).toMatchObject({ pathways: 3 });
    const history = await listRegionQuarterHistory('hovedstaden', '2023-Q1');
    expect(history.length).toBe(2);
    const trail = await listAuditForEntity('monitoring', 'hovedstaden-2023-Q1');
    expect(trail.map((e) => e.summary)).toEqual(
      expect.arrayContaining([expect.stringContaining('erstattet fra filen "udtraek.csv" (3 forløb)')]),
    );
    expect(trail[0]?.who.email).toBe(SECRETARIAT);
  });

  it('rejects a bad file whole, naming line and column in Danish; nothing reaches the tables', async () => {
    const bad = [
      HEADER,
      'b1;hovedstaden;brystkraeft;udredning;2023-05-02;2023-05-10;;;',
      'b2;fyn;brystkraeft;udredning;2023-05-02;2023-05-10;;;',
      'b3;hovedstaden;brystkraeft;udredning;2023-02-30;2023-05-10;;;',
      'b4;hovedstaden;brystkraeft;udredning;2023-05-10;2023-05-02;;;',
    ].join('\n');
    const status = await upload(SECRETARIAT, bad);
    expect(status.status).toBe('rejected');
    expect(status.errors).toEqual([
      { line: 3, column: 'region', message: expect.stringContaining('Ukendt region') },
      { line: 4, column: 'modtaget', message: expect.stringContaining('Ugyldig dato') },
      { line: 5, column: 'start', message: 'Start ligger før modtagelse.' },
    ]);
    const waiting = (await api(SECRETARIAT).get('/api/monitoring/waiting-times?year=2023')).json();
    expect(national(waiting.periods, '2023-Q2')).toMatchObject({ pathways: 1 }); // a3 only, from the good file
    expect(await bucketKeys()).toEqual([]);
  });

  it('rejects a file holding a CPR number, naming its place without echoing it', async () => {
    const status = await upload(
      SECRETARIAT,
      `${HEADER}\nc1;hovedstaden;brystkraeft;udredning;2023-05-02;2023-05-10;;;\n0101901234;hovedstaden;brystkraeft;udredning;2023-05-02;2023-05-10;;;\n`,
    );
    expect(status.status).toBe('rejected');
    expect(status.errors).toEqual([
      { line: 3, column: 'forloeb_id', message: expect.stringContaining('CPR-nummer') },
    ]);
    expect(JSON.stringify(status)).not.toContain('0101901234');
  });

  it('lets a region upload its own rows only', async () => {
    const other = await upload(
      HOVEDSTADEN,
      `${HEADER}\nd1;sjaelland;brystkraeft;udredning;2023-07-02;2023-07-10;;;\n`,
    );
    expect(other.status).toBe('rejected');
    expect(other.errors[0]).toMatchObject({
      line: 2,
      column: 'region',
      message: expect.stringContaining('anden region'),
    });
    const own = await upload(
      HOVEDSTADEN,
      `${HEADER}\nd2;hovedstaden;brystkraeft;udredning;2023-07-02;2023-07-10;;;\n`,
    );
    expect(own.status).toBe('done');
    // The region sees its own upload; another region's user does not.
    const foreign = await api('primaer.bryst.kirurgi@regionsjaelland.example').get(
      `/api/monitoring/uploads/${own.id}`,
    );
    expect(foreign.status).toBe(404);
  });

  it('answers the same Idempotency-Key with the same upload (replayed), and a different file under it with 422', async () => {
    const first = await api(SECRETARIAT).post(
      '/api/monitoring/uploads',
      { fileName: 'x.csv', contentType: 'text/csv' },
      { 'idempotency-key': 'monitoring-test-1' },
    );
    const again = await api(SECRETARIAT).post(
      '/api/monitoring/uploads',
      { fileName: 'x.csv', contentType: 'text/csv' },
      { 'idempotency-key': 'monitoring-test-1' },
    );
    expect(first.status).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const other = await api(SECRETARIAT).post(
      '/api/monitoring/uploads',
      { fileName: 'y.csv', contentType: 'text/csv' },
      { 'idempotency-key': 'monitoring-test-1' },
    );
    expect(other.status).toBe(422);
  });

  it('refuses uploads without a token, a bad request, and users outside the regions', async () => {
    const anonymous = await new Client(runtime.url).request('POST', '/api/monitoring/uploads', {
      json: { fileName: 'x.csv', contentType: 'text/csv' },
    });
    expect(anonymous.status).toBe(401);
    const badType = await api(SECRETARIAT).post('/api/monitoring/uploads', {
      fileName: 'x.xlsx',
      contentType: 'application/zip',
    });
    expect(badType.status).toBe(400);
    expect(badType.json().fields.contentType).toContain('CSV');
    const outsider = await api('sofie.winther@regioner.example').post('/api/monitoring/uploads', {
      fileName: 'x.csv',
      contentType: 'text/csv',
    });
    expect(outsider.status).toBe(403);
    expect((await api(SECRETARIAT).get('/api/monitoring/waiting-times?year=1999')).status).toBe(400);
  });

  it('gives the quarterly status the quarter’s national figures', async () => {
    const status = await prepareQuarterlyStatus('2023-Q1');
    expect(status.monitoring?.national).toMatchObject({ pathways: 2, within: 1 });
    expect((await prepareQuarterlyStatus('2022-Q4')).monitoring).toBeNull();
  });

  it('describes the monitoring API in the OpenAPI document', async () => {
    const doc = (await api(SECRETARIAT).get('/api/openapi.json')).json();
    for (const path of [
      '/api/monitoring/uploads',
      '/api/monitoring/uploads/{id}',
      '/api/monitoring/waiting-times',
      '/api/monitoring/package-times',
    ])
      expect(Object.keys(doc.paths)).toContain(path);
  });
});
