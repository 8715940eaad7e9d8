/**
 * Weekly referral counts on the local runtime: recorded through the API (a region only its own,
 * Specialenheden every region; Idempotency-Key; audit trail) and the region's form, then shown on
 * /ventetider, the quarterly status and /overvaagning.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditForEntity } from '../../functions/adapters/followup-store.ts';
import { quarterOfWeek } from '../../functions/domain/referrals.ts';
import { isoWeekKey } from '../../functions/domain/time.ts';
import { addWeeks } from '../../functions/domain/weekly.ts';
import { prepareQuarterlyStatus } from '../../functions/services/quarterly.ts';
import { type LocalRuntime, startLocal } from '../../local/runtime.ts';
import { Client, hiddenField } from './client.ts';

const SECRETARIAT = 'specialenheden@specialenheden.example';
const SJAELLAND_PRIMARY = 'primaer.bryst.kirurgi@regionsjaelland.example';
const DEPARTMENT = 'mette.holm@regionsjaelland.example';

let runtime: LocalRuntime;
let tokens: Map<string, string>;
const thisWeek = isoWeekKey(new Date());
const lastWeek = addWeeks(thisWeek, -1);

beforeAll(async () => {
  runtime = await startLocal({ timeScale: 1, scheduler: false });
  tokens = await new Client(runtime.url).apiTokens();
});

afterAll(async () => {
  await runtime?.close();
});

async function post(as: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(new URL('/api/referral-counts', runtime.url), {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens.get(as)}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

const kiel = (offered: number, accepted: number) => ({
  region: 'sjaelland',
  week: thisWeek,
  counts: [
    { cancerType: 'brystkraeft', destination: 'udland', offered, accepted },
    { cancerType: 'brystkraeft', destination: 'anden-region', offered: 5, accepted: 4 },
  ],
});

describe('recording a week through the API', () => {
  it('lets a primærindgang record its own region, once per Idempotency-Key, on the audit trail', async () => {
    const key = { 'idempotency-key': `referrals-${thisWeek}-a` };
    const first = await post(SJAELLAND_PRIMARY, kiel(3, 2), key);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ region: 'sjaelland', week: thisWeek, replaced: false });
    const again = await post(SJAELLAND_PRIMARY, kiel(3, 2), key);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await post(SJAELLAND_PRIMARY, kiel(4, 2), key)).status).toBe(422);
    const corrected = await post(SJAELLAND_PRIMARY, kiel(4, 3));
    expect(corrected.body.replaced).toBe(true);
    const trail = await listAuditForEntity('referral-counts', `sjaelland#${thisWeek}`);
    expect(trail.map((e) => e.action)).toEqual(['reported', 'replaced']);
    expect(trail[1]?.summary).toBe(`Henvisning andetsteds uge ${thisWeek}: 9 tilbudt, 7 takket ja.`);
    expect(trail[1]?.before).toEqual({ counts: kiel(3, 2).counts });
  });

  it('refuses another region’s week, and everyone but primærindgange and Specialenheden', async () => {
    const other = await post(SJAELLAND_PRIMARY, { ...kiel(1, 1), region: 'hovedstaden' });
    expect(other.status).toBe(403);
    expect(other.body.error).toMatch(/hovedstaden/);
    expect((await post(DEPARTMENT, kiel(1, 1))).status).toBe(403);
    const secretariat = await post(SECRETARIAT, { ...kiel(1, 1), region: 'nordjylland' });
    expect(secretariat.status).toBe(201);
  });

  it('answers bad counts and weeks ahead with a Danish 400 and writes nothing', async () => {
    const bad = await post(SJAELLAND_PRIMARY, {
      region: 'sjaelland',
      week: lastWeek,
      counts: [
        { cancerType: 'brystkraeft', destination: 'privat', offered: 1, accepted: 2, cpr: '0101011234' },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toEqual({
      'counts.0': 'Kun antal kan indberettes: ukendte felter afvises.',
      'counts.0.accepted': 'Der kan ikke være flere, der har takket ja, end der har fået tilbuddet.',
    });
    const ahead = await post(SJAELLAND_PRIMARY, { ...kiel(1, 1), week: addWeeks(thisWeek, 1) });
    expect(ahead.status).toBe(400);
    expect(ahead.body.error).toMatch(/kan ikke indberettes/);
    const list = await fetch(
      new URL(`/api/referral-counts?from=${lastWeek}&to=${addWeeks(thisWeek, 1)}`, runtime.url),
      {
        headers: { authorization: `Bearer ${tokens.get(DEPARTMENT)}` },
      },
    );
    const weeks = (await list.json()).weeks as { region: string; week: string }[];
    expect(weeks.some((w) => w.week === addWeeks(thisWeek, 1))).toBe(false);
  });
});

describe('the region’s form', () => {
  it('pre-fills the stored week, refuses more accepting than offered, and saves', async () => {
    const primary = new Client(runtime.url);
    await primary.signInAs(SJAELLAND_PRIMARY);
    const form = await primary.get(`/henvisninger?uge=${thisWeek}`);
    expect(form.status).toBe(200);
    expect(form.text).toContain('name="brystkraeft.udland.offered" value="4"');
    const csrf = hiddenField(form.text, 'csrf');
    const refused = await primary.post('/henvisninger', {
      csrf,
      region: 'sjaelland',
      week: thisWeek,
      'lungekraeft.privat.offered': '1',
      'lungekraeft.privat.accepted': '2',
    });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('Der kan ikke være flere, der har takket ja, end der har fået tilbuddet.');
    const saved = await primary.post('/henvisninger', {
      csrf,
      region: 'sjaelland',
      week: thisWeek,
      'brystkraeft.udland.offered': '6',
      'brystkraeft.udland.accepted': '3',
    });
    expect(saved.status).toBe(303);
    const after = await primary.get(saved.headers.get('location') ?? '');
    expect(after.text).toContain('I alt 6 tilbudt henvisning, 3 takkede ja.');
    // Another region's form cannot be chosen: the select offers the own region only.
    expect(after.text).not.toContain('value="hovedstaden"');
    const department = new Client(runtime.url);
    await department.signInAs(DEPARTMENT);
    expect((await department.get('/henvisninger')).status).toBe(403);
  });
});

describe('where the counts are shown', () => {
  it('on /ventetider and per cancer type, by week and destination', async () => {
    const reader = new Client(runtime.url);
    await reader.signInAs(DEPARTMENT);
    const national = await reader.get('/ventetider');
    expect(national.text).toContain('id="henvisninger-pr-kraeftform"');
    expect(national.text).toContain('data-cancer-type="brystkraeft"');
    const breast = await reader.get('/ventetider/brystkraeft');
    const row = new RegExp(`data-week="${thisWeek}"><th scope="row">[^<]+</th>(<td>[^<]*</td>){4}`).exec(
      breast.text,
    );
    // Own region, other region, private, abroad: Sjælland's correction (6/3 abroad) and Nordjylland's 1/1.
    expect(row?.[0]).toContain('<td>–</td><td>4 af 5</td><td>–</td><td>4 af 7</td>');
  });

  it('in the quarterly status, by region and destination', async () => {
    const status = await prepareQuarterlyStatus(quarterOfWeek(thisWeek));
    const sjaelland = status.referrals?.regions.find((r) => r.region === 'sjaelland');
    expect(sjaelland?.byDestination.udland.offered).toBeGreaterThanOrEqual(6);
    const director = new Client(runtime.url);
    await director.signInAs(SECRETARIAT);
    const page = await director.get(`/kvartalsstatus/${status.quarter}`);
    expect(page.text).toContain('id="henvisninger-kvartal"');
  });

  it('on /overvaagning beside the monitoring figures of the same year and cancer type', async () => {
    const reader = new Client(runtime.url);
    await reader.signInAs(SECRETARIAT);
    const year = quarterOfWeek(thisWeek).slice(0, 4);
    const page = await reader.get(`/overvaagning?aar=${year}&kraeftform=brystkraeft`);
    expect(page.text).toContain('id="henvisninger-overvaagning"');
    expect(page.text).toContain('Overskredet pga. kapacitet (overvågning)');
  });
});
