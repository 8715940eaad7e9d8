/**
 * Holiday-period plans on the local runtime, through the HTTP API and pages: the demo periods
 * (one with weeks at risk, one evaluated), the secretariat's period, departments' plans (one
 * and bulk, Idempotency-Key, Danish errors, nothing written on a bad call, audit trail), the
 * plan view's weeks at risk and proposals, the alert and reminder jobs (each mail once), and the
 * evaluation in the quarterly status.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditForEntity } from '../../functions/adapters/followup-store.ts';
import { periodEnd, workingDates } from '../../functions/domain/holiday.ts';
import { quarterOf } from '../../functions/domain/quarterly.ts';
import { isoWeekKey, localDate } from '../../functions/domain/time.ts';
import { addWeeks } from '../../functions/domain/weekly.ts';
import { prepareQuarterlyStatus } from '../../functions/services/quarterly.ts';
import { type LocalRuntime, startLocal } from '../../local/runtime.ts';
import { Client, hiddenField, outbox } from './client.ts';

const SECRETARIAT = 'specialenheden@specialenheden.example';
const DEPARTMENT = 'hanne.lund@regionh.example'; // rh-brystkirurgi: udredning + kirurgi
const PRIMARY = 'primaer.bryst.kirurgi@regionh.example'; // primærindgang, Region Hovedstaden
const OTHER_DEPARTMENT = 'dennis.thygesen@rsyd.example'; // ouh-brystkirurgi
const UNPLANNED = 'lasse.bech@rm.example'; // auh-brystkirurgi, no plan for the test period

let runtime: LocalRuntime;
let secretariat: Client;
let tokens: Map<string, string>;

// A period of two weeks starting in two weeks: its weeks are inside the alert lead time.
const now = new Date();
const firstWeek = addWeeks(isoWeekKey(now), 2);
const lastWeek = addWeeks(firstWeek, 1);
const PERIOD = `${firstWeek.slice(0, 4)}-integrationstest`;

beforeAll(async () => {
  runtime = await startLocal({ timeScale: 1, scheduler: false });
  secretariat = new Client(runtime.url);
  await secretariat.signInAs(SECRETARIAT);
  tokens = await secretariat.apiTokens();
});

afterAll(async () => {
  await runtime?.close();
});

async function api(method: string, path: string, as: string, body?: unknown, key?: string) {
  const res = await fetch(new URL(path, runtime.url), {
    method,
    headers: {
      authorization: `Bearer ${tokens.get(as)}`,
      accept: 'application/json',
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: await res.json() };
}

async function runJob(id: string) {
  const res = await secretariat.request('POST', `/local/jobs/${id}`, {
    headers: { accept: 'application/json' },
  });
  expect(res.status).toBe(200);
  return res.json().result;
}

const weeks = (capacity: Record<string, number>, closed: (week: string) => string[] = () => []) =>
  [firstWeek, lastWeek].map((week) => ({ week, capacity, closedDays: closed(week) }));

describe('the demo data', () => {
  it('has this year’s default periods, one ahead with weeks at risk and an ended one evaluated', async () => {
    const { status, body } = await api('GET', '/api/holiday-periods', DEPARTMENT);
    expect(status).toBe(200);
    const periods = body.periods as { period: { id: string }; phase: string; risks: number }[];
    const year = localDate(now).slice(0, 4);
    expect(periods.map((p) => p.period.id)).toEqual(
      expect.arrayContaining([`${year}-paaske`, `${year}-sommer`, `${year}-jul`]),
    );
    const upcoming = periods.find((p) => p.phase !== 'ended');
    expect(upcoming?.risks).toBeGreaterThan(0);
    const ended = periods.filter((p) => p.phase === 'ended').pop();
    const view = await api('GET', `/api/holiday-periods/${ended?.period.id}`, DEPARTMENT);
    expect(view.body.evaluation.weeks[0]).toMatchObject({ baseline: true });
  });
});

describe('a holiday period', () => {
  it('is created and changed only by the secretariat, with Danish errors and an audit entry', async () => {
    const period = { name: 'Integrationstest', firstWeek, lastWeek, deadline: localDate(now) };
    const denied = await api('PUT', `/api/holiday-periods/${PERIOD}`, DEPARTMENT, period);
    expect(denied.status).toBe(403);
    const bad = await api('PUT', `/api/holiday-periods/${PERIOD}`, SECRETARIAT, {
      ...period,
      name: 'Kontakt 010190-1234',
      lastWeek: addWeeks(firstWeek, -1),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.name).toContain('CPR-nummer');
    expect(bad.body.fields.lastWeek).toBe('Sidste uge ligger før første uge.');
    const created = await api('PUT', `/api/holiday-periods/${PERIOD}`, SECRETARIAT, period);
    expect(created.status).toBe(201);
    expect(created.body.period).toMatchObject({ id: PERIOD, nameEn: 'Integrationstest' });
    const trail = await listAuditForEntity('holiday-period', PERIOD);
    expect(trail.map((e) => [e.action, e.who.email])).toEqual([['created', SECRETARIAT]]);
  });
});

describe('plans through the API', () => {
  it('take a department’s plan once per Idempotency-Key, with Danish errors for bad figures', async () => {
    const path = `/api/holiday-periods/${PERIOD}/plans`;
    const missingWeek = await api('POST', path, DEPARTMENT, {
      departmentId: 'rh-brystkirurgi',
      weeks: weeks({ udredning: 100, kirurgi: 100 }).slice(1),
    });
    expect(missingWeek.status).toBe(400);
    expect(missingWeek.body.fields.weeks).toContain(`mangler ${firstWeek}`);
    const tooMuch = await api('POST', path, DEPARTMENT, {
      departmentId: 'rh-brystkirurgi',
      weeks: weeks({ udredning: 151, kirurgi: 100 }),
      comment: 'Patient 010190-1234 venter',
    });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.fields['weeks.0.capacity.udredning']).toBe('Angiv højst 150 % af normalt.');
    expect(tooMuch.body.fields.comment).toContain('CPR-nummer');
    const notYours = await api('POST', path, DEPARTMENT, {
      departmentId: 'ouh-brystkirurgi',
      weeks: weeks({ udredning: 100, kirurgi: 100 }),
    });
    expect(notYours.status).toBe(403);

    const plan = {
      departmentId: 'rh-brystkirurgi',
      weeks: weeks({ udredning: 40, kirurgi: 40 }),
      comment: 'Ferie',
    };
    const first = await api('POST', path, DEPARTMENT, plan, 'ferieplan-rh-bryst-0001');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ departmentId: 'rh-brystkirurgi', periodId: PERIOD, replaced: false });
    const again = await api('POST', path, DEPARTMENT, plan, 'ferieplan-rh-bryst-0001');
    expect(again).toEqual(first);
    const trail = await listAuditForEntity('holiday-plan', `${PERIOD}:rh-brystkirurgi`);
    expect(trail).toHaveLength(1);
    expect(trail[0]?.after).toMatchObject({ comment: 'Ferie', submittedBy: DEPARTMENT });
  });

  it('take many plans from a regional system in one call, all or nothing', async () => {
    const path = `/api/holiday-periods/${PERIOD}/plans`;
    const hgh = { departmentId: 'hgh-brystkirurgi', weeks: weeks({ udredning: 50, kirurgi: 50 }) };
    const refused = await api('POST', path, PRIMARY, {
      plans: [
        hgh,
        { departmentId: 'rh-onkologi', weeks: weeks({ medicinsk: 50, straalebehandling: 50, kirurgi: 5 }) },
      ],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.fields['plans.1.weeks.0.capacity.kirurgi']).toContain('tilbyder ikke');
    const view = await api('GET', `/api/holiday-periods/${PERIOD}`, PRIMARY);
    expect(
      view.body.statuses.find((s: { departmentId: string }) => s.departmentId === 'hgh-brystkirurgi').status,
    ).not.toBe('reported');

    const onkologi = (id: string) => ({
      departmentId: id,
      weeks: weeks({ medicinsk: 50, straalebehandling: 50 }),
    });
    const accepted = await api(
      'POST',
      path,
      PRIMARY,
      { plans: [hgh, onkologi('rh-onkologi'), onkologi('hgh-onkologi'), onkologi('noh-onkologi')] },
      'region-h-ferieplaner-0001',
    );
    expect(accepted.status).toBe(201);
    expect(accepted.body.results).toHaveLength(4);
    // Elsewhere: Odense plans more than normal in the first week and is closed the second.
    const ouh = await api('POST', path, OTHER_DEPARTMENT, {
      departmentId: 'ouh-brystkirurgi',
      weeks: weeks({ udredning: 120, kirurgi: 120 }, (w) => (w === lastWeek ? workingDates(w) : [])),
    });
    expect(ouh.status).toBe(201);
  });

  it('show the weeks at risk with departments elsewhere as proposals', async () => {
    const { body } = await api('GET', `/api/holiday-periods/${PERIOD}`, DEPARTMENT);
    const cell = body.rows
      .find(
        (r: { cancerType: string; region: string }) =>
          r.cancerType === 'brystkraeft' && r.region === 'hovedstaden',
      )
      .cells.find((c: { week: string }) => c.week === firstWeek);
    // rh-brystkirurgi 40 %, and 50 % at the four other departments treating breast cancer in the region.
    expect(cell).toMatchObject({ share: 48, planned: 5, departments: 5, risk: 'low' });
    const risk = body.risks.find(
      (r: { cancerType: string; region: string; week: string }) =>
        r.cancerType === 'brystkraeft' && r.region === 'hovedstaden' && r.week === firstWeek,
    );
    expect(risk.proposals.map((p: { departmentId: string }) => p.departmentId)).toEqual(['ouh-brystkirurgi']);
    expect(risk.proposals[0]).toMatchObject({ region: 'syddanmark', share: 120 });
    // Closed in the second week: no proposal there.
    const second = body.risks.find(
      (r: { cancerType: string; region: string; week: string }) =>
        r.cancerType === 'brystkraeft' && r.region === 'hovedstaden' && r.week === lastWeek,
    );
    expect(second.proposals).toEqual([]);
  });
});

describe('the jobs', () => {
  it('mail each week at risk once to the primærindgange and the network, with the proposals', async () => {
    const since = new Date().toISOString();
    await runJob('holiday-alerts');
    const mails = (await outbox(secretariat)).filter(
      (m) => m.sentAt >= since && m.purpose === 'holiday-alert' && m.subject.includes('Integrationstest'),
    );
    const first = mails.filter(
      (m) => m.subject.includes('Brystkræft, Region Hovedstaden') && m.text.includes('Odense'),
    );
    const recipients = first.flatMap((m) => m.to);
    expect(recipients).toEqual(expect.arrayContaining([PRIMARY, 'primaer.bryst.kirurgi@rsyd.example']));
    expect(recipients).not.toContain(DEPARTMENT);
    // The breast-cancer network has never been activated; the colorectal one is (demo data).
    expect(recipients).not.toContain('sofie.kjaer@regionh.example');
    const colorectal = mails.filter((m) =>
      m.subject.includes('Kræft i tyk- og endetarm, Region Hovedstaden'),
    );
    expect(colorectal.flatMap((m) => m.to)).toContain('anders.noergaard@regionh.example');
    expect(first[0]?.text).toContain('48 % af den normale kapacitet');

    const again = new Date().toISOString();
    await runJob('holiday-alerts');
    const repeated = (await outbox(secretariat)).filter(
      (m) => m.sentAt >= again && m.purpose === 'holiday-alert' && m.subject.includes('Integrationstest'),
    );
    expect(repeated).toEqual([]);
  });

  it('remind departments without a plan, once a week', async () => {
    const since = new Date().toISOString();
    await runJob('holiday-plan-reminder');
    const reminders = (await outbox(secretariat)).filter(
      (m) => m.sentAt >= since && m.purpose === 'holiday-reminder' && m.subject.includes('Integrationstest'),
    );
    const to = reminders.flatMap((m) => m.to);
    expect(to).toContain(UNPLANNED);
    expect(to).not.toContain(DEPARTMENT);
    expect(to).not.toContain(OTHER_DEPARTMENT);
    const again = new Date().toISOString();
    await runJob('holiday-plan-reminder');
    const repeated = (await outbox(secretariat)).filter(
      (m) => m.sentAt >= again && m.purpose === 'holiday-reminder' && m.subject.includes('Integrationstest'),
    );
    expect(repeated).toEqual([]);
  });
});

describe('the pages', () => {
  it('show the plan coloured by capacity, in Danish and English', async () => {
    const da = await secretariat.get(`/ferieplaner/${PERIOD}`);
    expect(da.status).toBe(200);
    expect(da.text).toContain('Uger i risiko og forslag');
    expect(da.text).toMatch(/<td class="kk-p-severe" data-week="[^"]+" data-risk="low">48 %/);
    const en = await secretariat.get(`/ferieplaner/${PERIOD}?lang=en`);
    expect(en.text).toContain('Weeks at risk and proposals');
    const list = await secretariat.get('/ferieplaner?lang=da');
    expect(list.text).toContain(`data-period="${PERIOD}"`);
  });

  it('let a department correct its plan in the form, with the error beside the field', async () => {
    const department = new Client(runtime.url);
    await department.signInAs(DEPARTMENT);
    const form = await department.get(`/ferieplaner/${PERIOD}/plan`);
    expect(form.status).toBe(200);
    expect(form.text).toContain(`name="${firstWeek}.kirurgi" value="40"`);
    const csrf = hiddenField(form.text, 'csrf');
    const fields = {
      csrf,
      departmentId: 'rh-brystkirurgi',
      [`${firstWeek}.udredning`]: '90',
      [`${firstWeek}.kirurgi`]: '200',
      [`${lastWeek}.udredning`]: '100',
      [`${lastWeek}.kirurgi`]: '100',
      comment: '',
    };
    const refused = await department.post(`/ferieplaner/${PERIOD}/plan`, fields);
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('Angiv højst 150 % af normalt.');
    const saved = await department.post(`/ferieplaner/${PERIOD}/plan`, {
      ...fields,
      [`${firstWeek}.kirurgi`]: '90',
    });
    expect(saved.status).toBe(303);
    const trail = await listAuditForEntity('holiday-plan', `${PERIOD}:rh-brystkirurgi`);
    expect(trail.map((e) => e.action).sort()).toEqual(['reported', 'updated']);
  });
});

describe('during a period', () => {
  it('shows each department’s planned capacity beside its waits, and the reported waits in the plan', async () => {
    const current = isoWeekKey(new Date());
    const id = `${current.slice(0, 4)}-i-gang`;
    const deadline = localDate(new Date(Date.now() - 8 * 86_400_000));
    const created = await api('PUT', `/api/holiday-periods/${id}`, SECRETARIAT, {
      name: 'Periode i gang',
      firstWeek: current,
      lastWeek: current,
      deadline,
    });
    expect(created.status).toBe(201);
    const planned = await api('POST', `/api/holiday-periods/${id}/plans`, DEPARTMENT, {
      departmentId: 'rh-brystkirurgi',
      weeks: [{ week: current, capacity: { udredning: 60, kirurgi: 60 } }],
    });
    expect(planned.status).toBe(201);
    const page = await secretariat.get('/ventetider/brystkraeft');
    expect(page.text).toContain('Ferieperiode: Periode i gang.');
    const row = /<tr[^>]*data-department="rh-brystkirurgi"[\s\S]*?<\/th>/.exec(page.text)?.[0] ?? '';
    expect(row).toContain('Ferieplan: 60 % af normalt');
    const other = /<tr[^>]*data-department="hgh-brystkirurgi"[\s\S]*?<\/th>/.exec(page.text)?.[0] ?? '';
    expect(other).toContain('Ferieplan: ingen plan');
    const view = await api('GET', `/api/holiday-periods/${id}`, SECRETARIAT);
    expect(view.body.phase).toBe('running');
    expect(view.body.actual[`brystkraeft#hovedstaden#${current}`]).toBeGreaterThan(0);
  });
});

describe('the evaluation', () => {
  it('appears in the quarterly status of the quarter the period ended in', async () => {
    const { body } = await api('GET', '/api/holiday-periods', SECRETARIAT);
    const ended = (body.periods as { period: { id: string; lastWeek: string }; phase: string }[])
      .filter((p) => p.phase === 'ended')
      .pop();
    expect(ended).toBeDefined();
    const end = periodEnd(ended?.period as { lastWeek: string });
    const quarter = quarterOf(new Date(end.getTime() - 1));
    const status = await prepareQuarterlyStatus(quarter);
    expect(status.holiday?.map((e) => e.periodId)).toContain(ended?.period.id);
    const page = await secretariat.get(`/kvartalsstatus/${quarter}`);
    expect(page.text).toContain('Ferieperioder: planlagt og indberettet');
    const csv = await secretariat.get(`/kvartalsstatus/${quarter}.csv`);
    expect(csv.text).toContain('Ferieperiode: ');
  });
});
