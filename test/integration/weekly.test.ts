/**
 * The weekly exchange end to end on the local runtime: form and JSON API (single and bulk) →
 * DynamoDB (dynalite) → overviews, finder, escalation proposal, and the weekly jobs → outbox.
 */

import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { config } from '../../functions/adapters/config.ts';
import { setDeps } from '../../functions/adapters/deps.ts';
import { documentClient } from '../../functions/adapters/dynamo.ts';
import { outboxMailer } from '../../functions/adapters/mailer.ts';
import {
  listWeeklyReports,
  listWeekSummaries,
  putWeeklyReport,
  rebuildWeekSummaries,
  weeklyHistory,
} from '../../functions/adapters/weekly-store.ts';
import { referenceData } from '../../functions/domain/reference.ts';
import { isoWeekKey, weekStart } from '../../functions/domain/time.ts';
import { addWeeks, deadlineOf, type WeeklyReport, weekLabel } from '../../functions/domain/weekly.ts';
import { nationalOverview } from '../../functions/services/weekly.ts';
import { type LocalRuntime, startLocal } from '../../local/runtime.ts';
import { demoMissingThisWeek } from '../../local/weekly-seed.ts';
import { Client, hiddenField, outbox, waitFor } from './client.ts';

const METTE = 'mette.holm@regionsjaelland.example';
const PRIMARY_SJAELLAND = 'primaer.bryst.kirurgi@regionsjaelland.example';

let runtime: LocalRuntime;
let mette: Client;
let tokens: Map<string, string>;

beforeAll(async () => {
  runtime = await startLocal({ scheduler: false });
  mette = new Client(runtime.url);
  await mette.signInAs(METTE);
  tokens = await mette.apiTokens();
});

afterAll(async () => {
  await runtime?.close();
});

afterEach(() => {
  setDeps({ now: () => new Date() });
  delete process.env.AUTO_ESCALATE;
});

function api(email: string, path: string, json?: unknown) {
  const client = new Client(runtime.url);
  const headers = { authorization: `Bearer ${tokens.get(email)}` };
  return json === undefined ? client.get(path, headers) : client.request('POST', path, { json, headers });
}

const suh = (kirurgi: number, udredning: number, spare = 2) => ({
  departmentId: 'suh-brystkirurgi',
  entries: [
    { cancerType: 'brystkraeft', udredningDays: udredning, treatmentDays: { kirurgi }, spareCapacity: spare },
  ],
});

describe('weekly report form', () => {
  it('re-renders errors with the values, stores a valid report, and replaces it with history kept', async () => {
    const form = await mette.get('/ugerapport');
    expect(form.status).toBe(200);
    expect(form.text).toContain('Dage til start af udredning');
    const csrf = hiddenField(form.text, 'csrf');

    const bad = await mette.post('/ugerapport', {
      csrf,
      departmentId: 'suh-brystkirurgi',
      'brystkraeft.udredningDays': '',
      'brystkraeft.treatmentDays.kirurgi': '8',
      'brystkraeft.spareCapacity': '3',
      'brystkraeft.comment': 'Patient 010203-1234',
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Angiv forventet antal dage til start af udredning.');
    expect(bad.text).toContain('CPR');
    expect(bad.text).toMatch(/name="brystkraeft\.treatmentDays\.kirurgi" value="8"/);

    const fields = {
      csrf,
      departmentId: 'suh-brystkirurgi',
      'brystkraeft.udredningDays': '6',
      'brystkraeft.treatmentDays.kirurgi': '8',
      'brystkraeft.diagnosticDays.mr': '4',
      'brystkraeft.spareCapacity': '3',
      'brystkraeft.comment': 'Ekstra operationsdag om torsdagen.',
    };
    const ok = await mette.post('/ugerapport', fields);
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/ugerapport/kvittering?afdeling=suh-brystkirurgi');
    const receipt = await mette.get('/ugerapport/kvittering?afdeling=suh-brystkirurgi');
    expect(receipt.text).toContain('er gemt');

    const again = await mette.post('/ugerapport', { ...fields, 'brystkraeft.treatmentDays.kirurgi': '11' });
    expect(again.status).toBe(303);

    const week = isoWeekKey(new Date());
    const current = (await listWeeklyReports('brystkraeft', week, week)).filter(
      (r) => r.departmentId === 'suh-brystkirurgi',
    );
    expect(current).toHaveLength(1);
    expect(current[0]).toMatchObject({
      udredningDays: 6,
      treatmentDays: { kirurgi: 11 },
      diagnosticDays: { mr: 4 },
    });
    const history = await weeklyHistory('suh-brystkirurgi', week);
    const mine = history.filter((h) => h.submittedBy === METTE);
    expect(mine.map((h) => h.treatmentDays.kirurgi)).toEqual([8, 11]);
    // The national overview's week summary follows the correction (one item per week and cancer type).
    const summaries = await listWeekSummaries(week, week);
    expect(summaries.get('brystkraeft')?.get(week)?.get('suh-brystkirurgi')).toMatchObject({ worstDays: 11 });

    // The form says which report fills it in, and names examinations in lower case mid-sentence.
    const filled = await mette.get('/ugerapport');
    expect(filled.text).toContain(`Udfyldt med jeres indberetning for ${weekLabel(week)}`);
    expect(filled.text).toContain('Dage til endoskopi');
    expect(filled.text).toContain('Dage til CT');
    // A deadline that has passed is marked as passed, one that has not is not.
    const deadline = deadlineOf(week);
    setDeps({ now: () => new Date(deadline.getTime() + 3_600_000) });
    expect((await mette.get('/ugerapport')).text).toContain('id="frist-overskredet"');
    setDeps({ now: () => new Date(deadline.getTime() - 3_600_000) });
    expect((await mette.get('/ugerapport')).text).not.toContain('id="frist-overskredet"');
    setDeps({ now: () => new Date() });

    const page = await mette.get('/ventetider/brystkraeft');
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/data-department="suh-brystkirurgi" data-status="reported"/);
    expect(page.text).toContain('Ekstra operationsdag om torsdagen.');
    const national = await mette.get('/ventetider');
    expect(national.text).toContain('<svg');
    expect(national.text).toMatch(/href="\/ventetider\/brystkraeft#region-sjaelland"/);
  });
});

describe('weekly report API', () => {
  it('lets a department report for itself only', async () => {
    const own = await api(METTE, '/api/weekly-reports', suh(9, 7));
    expect(own.status).toBe(201);
    expect(own.json()).toMatchObject({ departmentId: 'suh-brystkirurgi', week: isoWeekKey(new Date()) });
    const other = await api(METTE, '/api/weekly-reports', { ...suh(9, 7), departmentId: 'rh-brystkirurgi' });
    expect(other.status).toBe(403);
  });

  it('takes many departments from a regional system, all or nothing, with field errors by path', async () => {
    const onkologi = {
      departmentId: 'suh-onkologi',
      entries: referenceData()
        .departments.find((d) => d.id === 'suh-onkologi')
        ?.cancerTypes.map((ct) => ({
          cancerType: ct,
          treatmentDays: { medicinsk: 5, straalebehandling: 6 },
          spareCapacity: 4,
        })),
    };
    const bulk = await api(PRIMARY_SJAELLAND, '/api/weekly-reports', { reports: [suh(5, 4, 7), onkologi] });
    expect(bulk.status).toBe(201);
    expect(bulk.json().results.map((r: { departmentId: string }) => r.departmentId)).toEqual([
      'suh-brystkirurgi',
      'suh-onkologi',
    ]);

    const foreign = await api(PRIMARY_SJAELLAND, '/api/weekly-reports', {
      reports: [suh(1, 1, 1), { ...suh(1, 1, 1), departmentId: 'rh-brystkirurgi' }],
    });
    expect(foreign.status).toBe(403);
    const week = isoWeekKey(new Date());
    const stored = (await listWeeklyReports('brystkraeft', week, week)).find(
      (r) => r.departmentId === 'suh-brystkirurgi',
    );
    expect(stored?.treatmentDays.kirurgi).toBe(5); // the refused call wrote nothing

    const invalid = await api(PRIMARY_SJAELLAND, '/api/weekly-reports', {
      reports: [
        suh(5, 4),
        { departmentId: 'suh-brystkirurgi', entries: [{ cancerType: 'brystkraeft', spareCapacity: 1 }] },
      ],
    });
    expect(invalid.status).toBe(400);
    expect(invalid.json().fields['reports.1.entries.0.udredningDays']).toBe(
      'Angiv forventet antal dage til start af udredning.',
    );
  });
});

describe('capacity finder', () => {
  it('answers page and API with departments within the maximum, best first, with a contact', async () => {
    const res = await api(
      METTE,
      '/api/capacity-finder?cancerType=brystkraeft&pathway=kirurgi&region=sjaelland',
    );
    expect(res.status).toBe(200);
    const hits = res.json().hits as {
      expectedDays: number;
      spareCapacity: number;
      contact?: { email: string };
    }[];
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) {
      expect(h.expectedDays).toBeLessThanOrEqual(14);
      expect(h.spareCapacity).toBeGreaterThan(0);
      expect(h.contact?.email).toBeTruthy();
    }
    expect(hits.map((h) => h.expectedDays)).toEqual(
      [...hits.map((h) => h.expectedDays)].sort((a, b) => a - b),
    );
    const overview = await api(METTE, '/api/weekly-overview/brystkraeft');
    expect(overview.status).toBe(200);
    expect(overview.json().rows.length).toBe(
      referenceData().departments.filter((d) => d.cancerTypes.includes('brystkraeft')).length,
    );
    const national = (await api(METTE, '/api/weekly-overview')).json();
    expect(
      national.rows.find((r: { cancerType: string }) => r.cancerType === 'brystkraeft').cells,
    ).toHaveLength(5);
    const spec = (await api(METTE, '/api/openapi.json')).json();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/weekly-reports',
        '/api/capacity-finder',
        '/api/weekly-overview/{cancerType}',
      ]),
    );
    const bad = await api(METTE, '/api/capacity-finder?cancerType=x&pathway=y');
    expect(bad.status).toBe(400);
    expect(bad.json().fields.cancerType).toBe('Vælg en kræftform fra listen.');

    const page = await mette.get('/find-kapacitet?cancerType=brystkraeft&pathway=kirurgi&region=sjaelland');
    expect(page.status).toBe(200);
    expect(page.text).toContain('id="finder-results"');
  });
});

describe('ladder e-mails', () => {
  it('include the capacity finder’s answer for the problem at levels 1–2', async () => {
    const client = new Client(runtime.url);
    const res = await client.request('POST', '/api/problems', {
      headers: { authorization: `Bearer ${tokens.get(METTE)}`, 'idempotency-key': 'weekly-finder-lines-1' },
      json: {
        departmentId: 'suh-brystkirurgi',
        cancerType: 'brystkraeft',
        pathwayTypes: ['behandling'],
        modalities: ['kirurgi'],
        patientsAtRisk: 4,
        from: new Date().toISOString().slice(0, 10),
        scope: 'hospital',
      },
    });
    expect(res.status).toBe(201);
    const id = res.json().id as string;
    const mail = await waitFor('a level-1 escalation e-mail', async () =>
      (await outbox(client, id)).find((m) => m.purpose === 'escalation' && m.level === 1),
    );
    expect(mail.text).toContain(
      'Afdelinger, der ifølge den ugentlige udveksling kan starte inden for den maksimale ventetid:',
    );
    expect(mail.text).toMatch(/Kirurgi:\n {2}\S.*: ca\. \d+ dage?, plads til \d+ patient(er)?\. Kontakt: /);
    expect(mail.text).not.toMatch(/Sjællands Universitetshospital: ca\./); // not the reporting department itself
  });
});

describe('escalation proposal', () => {
  it('proposes a pre-filled capacity problem after two weeks over the maximum; AUTO_ESCALATE opens it', async () => {
    const thisWeek = isoWeekKey(new Date());
    // Sunday 23:00 of last week: later than the demo figures of that week.
    const lastSunday = new Date(weekStart(addWeeks(thisWeek, -1)).getTime() + (6 * 24 + 23) * 3_600_000);
    setDeps({ now: () => lastSunday });
    expect((await api(METTE, '/api/weekly-reports', suh(20, 5))).json().proposals).toEqual([]);
    setDeps({ now: () => new Date() });
    const second = (await api(METTE, '/api/weekly-reports', suh(22, 5))).json();
    expect(second.proposals).toHaveLength(1);
    expect(second.proposals[0]).toMatchObject({ pathways: ['kirurgi'], days: { kirurgi: 22 } });

    const receipt = await mette.get('/ugerapport/kvittering?afdeling=suh-brystkirurgi');
    expect(receipt.text).toContain('Forslag: indberet et kapacitetsproblem');
    const link = /href="(\/indberet\?[^"]+)"/.exec(receipt.text)?.[1]?.replaceAll('&amp;', '&');
    expect(link).toBeTruthy();
    const mailed = (await outbox(mette)).find((m) => m.purpose === 'weekly-proposal' && m.to.includes(METTE));
    expect(mailed?.text).toContain(`${runtime.url}${link}`);
    const prefilled = await mette.get(link as string);
    expect(prefilled.text).toMatch(
      /id="pw-behandling" type="checkbox" name="pathwayTypes\[\]" value="behandling" class="form-checkbox" checked/,
    );
    expect(prefilled.text).toContain('viser ventetider over maksimum: kirurgi 22 dage');

    process.env.AUTO_ESCALATE = 'true';
    const auto = (await api(METTE, '/api/weekly-reports', suh(23, 5))).json();
    expect(auto.opened).toHaveLength(1);
    const problem = await api(METTE, `/api/problems/${auto.opened[0].problemId}`);
    expect(problem.status).toBe(200);
    expect(problem.json().problem).toMatchObject({
      departmentId: 'suh-brystkirurgi',
      modalities: ['kirurgi'],
    });
    // Its description is written from the weekly figures in the reader's language.
    const problemPage = (lang: string) => mette.get(`/problemer/${auto.opened[0].problemId}?lang=${lang}`);
    expect((await problemPage('da')).text).toContain(
      'viser ventetider over maksimum: kirurgi 23 dage. Oprettet automatisk ud fra ugerapporten',
    );
    const english = (await problemPage('en')).text;
    expect(english).toContain('show waiting times over the maximum: surgery 23 days. Opened automatically');
    expect(english).not.toContain('Oprettet automatisk');
    // A correction in the same week does not open a second problem.
    const again = (await api(METTE, '/api/weekly-reports', suh(24, 5))).json();
    expect(again.opened[0].problemId).toBe(auto.opened[0].problemId);
  });
});

describe('weekly jobs', () => {
  it('reminds departments without a report, once, and e-mails the overview per cancer type', async () => {
    const missing = referenceData().departments.filter((d) => demoMissingThisWeek(d.id));
    expect(missing.length).toBeGreaterThan(0);
    const contactOf = (id: string) =>
      referenceData().contacts.find((c) => c.role === 'department' && c.department === id)?.email;

    const run = await mette.request('POST', '/local/jobs/weekly-reminder', {
      headers: { accept: 'application/json' },
    });
    expect(run.status).toBe(200);
    expect(run.json().result.departments).toBe(missing.length);
    const mails = await outbox(mette);
    const reminders = mails.filter((m) => m.purpose === 'weekly-reminder');
    expect(new Set(reminders.flatMap((m) => m.to))).toEqual(new Set(missing.map((d) => contactOf(d.id))));
    expect(reminders.some((m) => m.to.includes(METTE))).toBe(false);
    const rerun = await mette.request('POST', '/local/jobs/weekly-reminder', {
      headers: { accept: 'application/json' },
    });
    expect(rerun.json().result.sent).toBe(0);

    await mette.request('POST', '/local/jobs/weekly-overview', { headers: { accept: 'application/json' } });
    const overviews = (await outbox(mette)).filter((m) => m.purpose === 'weekly-overview');
    const toMette = overviews.find((m) => m.to.includes(METTE) && m.subject.includes('Brystkræft'));
    expect(toMette?.text).toContain('Brystkirurgisk');
    expect(toMette?.text).toContain('/ventetider/brystkraeft');
    const missingBreast = missing.find((d) => d.cancerTypes.includes('brystkraeft'));
    if (missingBreast) expect(toMette?.text).toMatch(/AFVENTER|FORSINKET/);
  });

  it('sends a reminder whose sending failed on the job’s retry, and nobody twice', async () => {
    const nextWeek = new Date(Date.now() + 7 * 86_400_000);
    const startedAt = new Date().toISOString();
    const realMailer = outboxMailer();
    let failFor = METTE;
    setDeps({
      now: () => nextWeek,
      mailer: {
        async send(message) {
          if (message.purpose === 'weekly-reminder' && message.to === failFor) {
            failFor = '';
            throw new Error('SES throttled');
          }
          return realMailer.send(message);
        },
      },
    });
    try {
      const failed = await mette.request('POST', '/local/jobs/weekly-reminder', {
        headers: { accept: 'application/json' },
      });
      expect(failed.status).toBe(500);
      const retried = await mette.request('POST', '/local/jobs/weekly-reminder', {
        headers: { accept: 'application/json' },
      });
      expect(retried.status).toBe(200);
    } finally {
      setDeps({ mailer: realMailer });
    }
    const reminders = (await outbox(mette)).filter(
      (m) => m.purpose === 'weekly-reminder' && m.sentAt >= startedAt,
    );
    const perRecipient = new Map<string, number>();
    for (const to of reminders.flatMap((m) => m.to)) perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
    expect(perRecipient.get(METTE)).toBe(1);
    expect([...perRecipient.values()].every((n) => n === 1)).toBe(true);
  });
});

describe('week summaries of the national overview', () => {
  // A cancer type and week of their own, so the other tests' reports do not mix in.
  const cancerType = 'samtidig-kraeft';
  const week = '2020-W10';
  const report = (departmentId: string, days: number, submittedAt: string): WeeklyReport => ({
    departmentId,
    cancerType,
    week,
    region: 'hovedstaden',
    treatmentDays: { kirurgi: days },
    diagnosticDays: {},
    spareCapacity: 0,
    comment: '',
    submittedAt,
    submittedBy: METTE,
  });

  it('loses no department when reports of the same week and cancer type are stored at once', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => `samtidig-${String(i + 1).padStart(2, '0')}`);
    await Promise.all([
      ...ids.map((id, i) => putWeeklyReport(report(id, 2 + i, '2020-03-03T09:00:00.000Z'))),
      // A correction of the first department, stored at the same time as the original: newer wins.
      putWeeklyReport(report('samtidig-01', 30, '2020-03-03T09:30:00.000Z')),
    ]);
    const summaries = (await listWeekSummaries(week, week)).get(cancerType)?.get(week);
    expect([...(summaries?.keys() ?? [])].sort()).toEqual(ids);
    expect(summaries?.get('samtidig-01')).toEqual({ pressure: 'severe', worstDays: 30 });
    expect(summaries?.get('samtidig-12')).toEqual({ pressure: 'tight', worstDays: 13 });

    setDeps({ now: () => new Date('2020-03-04T12:00:00Z') });
    const departments = ids.map((id) => ({
      id,
      name: id,
      hospital: 'rh',
      hospitalName: 'Rigshospitalet',
      region: 'hovedstaden' as const,
      cancerTypes: [cancerType],
      modalities: ['kirurgi' as const],
      udredning: false,
    }));
    const overview = await nationalOverview(1, [{ id: cancerType, name: 'Samtidig' }], departments);
    const cell = overview.rows[0]?.cells.find((c) => c.region === 'hovedstaden');
    expect(cell).toMatchObject({ departments: 12, over: 1, overdue: 0, pressure: 'severe', trend: [30] });
  });

  it('summarises reports stored before the current format again when backfilled', async () => {
    const older = '2020-W11';
    const table = config().TABLE_NAME;
    // The earlier format: one attribute per department, no version.
    await documentClient().send(
      new PutCommand({
        TableName: table,
        Item: {
          PK: 'WEEKSUM',
          SK: `${older}#${cancerType}`,
          's_gammel-afd': '2020-03-10T09:00:00.000Z|0.5|7',
        },
      }),
    );
    await documentClient().send(
      new PutCommand({
        TableName: table,
        Item: {
          PK: `WEEKLY#${cancerType}`,
          SK: `${older}#gammel-afd`,
          ...report('gammel-afd', 7, '2020-03-10T09:00:00.000Z'),
          week: older,
        },
      }),
    );
    expect((await listWeekSummaries(older, older)).get(cancerType)?.get(older)).toBeUndefined();
    await rebuildWeekSummaries([cancerType]);
    expect((await listWeekSummaries(older, older)).get(cancerType)?.get(older)?.get('gammel-afd')).toEqual({
      pressure: 'ok',
      worstDays: 7,
    });
    // The reports summarised before are still there.
    expect((await listWeekSummaries(week, week)).get(cancerType)?.get(week)?.size).toBe(12);
  });
});
