/**
 * The yearly capacity check on the local runtime, through the HTTP API and pages: the completed
 * demo check (gaps, trend, CSV, print page), the secretariat's register, the yearly job asking
 * the approved departments, answers (Danish errors, nothing written on a bad call, audit trail),
 * the weekly reminder until answered, and the summary e-mailed to the directors.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setDeps } from '../../functions/adapters/deps.ts';
import { listAuditForEntity } from '../../functions/adapters/followup-store.ts';
import { localDate } from '../../functions/domain/time.ts';
import { type LocalRuntime, startLocal } from '../../local/runtime.ts';
import { Client, hiddenField, outbox } from './client.ts';

const SECRETARIAT = 'specialenheden@specialenheden.example';
const DEPARTMENT = 'hanne.lund@regionh.example'; // rh-brystkirurgi, approved for breast reconstruction

let runtime: LocalRuntime;
let secretariat: Client;
let tokens: Map<string, string>;
const nextYear = Number(localDate(new Date()).slice(0, 4)) + 1;

beforeAll(async () => {
  runtime = await startLocal({ timeScale: 1, scheduler: false });
  secretariat = new Client(runtime.url);
  await secretariat.signInAs(SECRETARIAT);
  tokens = await secretariat.apiTokens();
});

afterAll(async () => {
  await runtime?.close();
});

afterEach(() => {
  setDeps({ now: () => new Date() });
});

async function api(method: string, path: string, as: string, body?: unknown) {
  const res = await fetch(new URL(path, runtime.url), {
    method,
    headers: {
      authorization: `Bearer ${tokens.get(as)}`,
      accept: 'application/json',
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: await res.json() };
}

/** Runs a job with the clock a year ahead: the check it opens is for the year after next. */
async function runJobAYearAhead(id: string) {
  const then = new Date(Date.now() + 365 * 86_400_000);
  setDeps({ now: () => then });
  const res = await secretariat.request('POST', `/local/jobs/${id}`, {
    headers: { accept: 'application/json' },
  });
  setDeps({ now: () => new Date() });
  expect(res.status).toBe(200);
  return res.json().result;
}

describe('the completed demo check', () => {
  it('sums demand and capacity per function and region, flags gaps and compares with last year', async () => {
    const { status, body } = await api('GET', `/api/capacity-checks/${nextYear}`, DEPARTMENT);
    expect(status).toBe(200);
    expect(body.statuses.every((s: { answered: boolean }) => s.answered)).toBe(true);
    const robot = body.rows.find(
      (r: { functionId: string; region: string }) =>
        r.functionId === 'robotassisteret-lungekirurgi' && r.region === 'hovedstaden',
    );
    expect(robot.gapQuarters).toEqual([1, 2, 4]);
    expect(robot.constraints).toEqual(['personale']);
    expect(robot.lastYear.demand).toBeGreaterThan(0);
    const page = await secretariat.get(`/kapacitetstjek/${nextYear}`);
    expect(page.text).toContain('@media print');
    expect(page.text).toMatch(/data-region="hovedstaden" data-gap="1,2,4"/);
    const csv = await secretariat.get(`/kapacitetstjek/${nextYear}.csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text).toContain('Robotassisteret lungekirurgi;Region Hovedstaden;1 af 1;');
  });
});

describe('the register of highly specialised functions', () => {
  it('is maintained by the secretariat only, with Danish errors and an audit entry', async () => {
    const fn = { name: 'Protonterapi', cancerType: '', departments: ['auh-onkologi'] };
    expect((await api('PUT', '/api/specialised-functions/protonterapi', DEPARTMENT, fn)).status).toBe(403);
    const bad = await api('PUT', '/api/specialised-functions/protonterapi', SECRETARIAT, {
      ...fn,
      departments: ['findes-ikke'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.departments).toBe('Ukendt afdeling "findes-ikke".');
    const created = await api('PUT', '/api/specialised-functions/protonterapi', SECRETARIAT, fn);
    expect(created.status).toBe(201);
    const trail = await listAuditForEntity('specialised-function', 'protonterapi');
    expect(trail.map((e) => e.action)).toEqual(['created']);
  });
});

describe('the yearly check', () => {
  const year = nextYear + 1;

  it('asks every approved department once, and reminds those that have not answered once a week', async () => {
    const since = new Date().toISOString();
    const opened = await runJobAYearAhead('capacity-check');
    expect(opened).toMatchObject({ year });
    const asks = (await outbox(secretariat)).filter(
      (m) => m.sentAt >= since && m.purpose === 'capacity-check-ask',
    );
    expect(asks.flatMap((m) => m.to)).toContain(DEPARTMENT);
    expect(asks.some((m) => m.subject.includes('Protonterapi'))).toBe(true);
    expect((await runJobAYearAhead('capacity-check')).sent).toBe(0);

    // The department answers; bad figures first.
    const path = `/api/capacity-checks/${year}/answers`;
    const answer = {
      functionId: 'brystrekonstruktion',
      departmentId: 'rh-brystkirurgi',
      demand: [10, 10, 10, 10],
      capacity: [12, 12, 12, 12],
      constraints: ['udstyr'],
      notes: 'Ny operationsrobot fra 2. kvartal.',
    };
    const bad = await api('POST', path, DEPARTMENT, {
      ...answer,
      demand: [10, 10, 10],
      notes: 'Pt. 010190-1234',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.demand).toBe('Angiv tal for alle fire kvartaler.');
    expect(bad.body.fields.notes).toContain('CPR-nummer');
    const notAsked = await api('POST', path, DEPARTMENT, { ...answer, functionId: 'hipec' });
    expect(notAsked.status).toBe(400);
    expect(
      (await api('POST', path, DEPARTMENT, { ...answer, departmentId: 'ouh-brystkirurgi' })).status,
    ).toBe(403);
    expect((await api('POST', path, DEPARTMENT, answer)).status).toBe(201);
    const trail = await listAuditForEntity('capacity-check', `${year}:brystrekonstruktion:rh-brystkirurgi`);
    expect(trail.map((e) => e.action)).toEqual(['reported']);

    const remindedSince = new Date().toISOString();
    await runJobAYearAhead('capacity-check-reminder');
    const reminders = (await outbox(secretariat)).filter(
      (m) => m.sentAt >= remindedSince && m.purpose === 'capacity-check-reminder',
    );
    expect(reminders.length).toBeGreaterThan(0);
    expect(
      reminders.some((m) => m.to.includes(DEPARTMENT) && m.subject.includes('Primær brystrekonstruktion')),
    ).toBe(false);
    expect((await runJobAYearAhead('capacity-check-reminder')).sent).toBe(0);
  });

  it('e-mails the summary to the directors and the secretariat once, from the page', async () => {
    const page = await secretariat.get(`/kapacitetstjek/${nextYear}`);
    const since = new Date().toISOString();
    const sent = await secretariat.post(`/kapacitetstjek/${nextYear}/send`, {
      csrf: hiddenField(page.text, 'csrf'),
    });
    expect(sent.status).toBe(303);
    const mails = (await outbox(secretariat)).filter(
      (m) => m.sentAt >= since && m.purpose === 'capacity-check-summary',
    );
    const to = mails.flatMap((m) => m.to);
    expect(to).toContain(SECRETARIAT);
    expect(to.length).toBeGreaterThanOrEqual(6);
    expect(mails[0]?.text).toContain('Robotassisteret lungekirurgi, Region Hovedstaden');
    const again = new Date().toISOString();
    await secretariat.post(`/kapacitetstjek/${nextYear}/send`, { csrf: hiddenField(page.text, 'csrf') });
    expect(
      (await outbox(secretariat)).filter((m) => m.sentAt >= again && m.purpose === 'capacity-check-summary'),
    ).toEqual([]);
  });
});
