/**
 * The authorisation matrix: every role × action × own/other, each cell asserted against the
 * policy written out below, through the real HTTP handler on the local runtime.
 *
 * own/other, per action:
 * - report, weekly report: the actor's own department (or one it answers for) / a department in another region;
 * - offer, acknowledge: a problem that was sent to the actor / one that was not (a person of the same role who was not contacted);
 * - resolve: a problem the actor's department (or the actor, for Specialenheden) reported / someone else's;
 * - contact edit: the actor's own entry in the phone list / another department's entry;
 * - referral counts: a week of the actor's own region / of another region (Specialenheden,
 *   administrators and Danske Regioner belong to no region, so only "other");
 * - contact import, audit trail, quarterly status, jobs: one list for everybody, so only "own".
 * A cell that cannot exist (nobody of that role in that position) is `n/a`, and the test checks that it cannot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getProblemDetails, listContacts } from '../../functions/adapters/store.ts';
import type { Contact } from '../../functions/domain/reference.ts';
import { isoWeekKey } from '../../functions/domain/time.ts';
import { type LocalRuntime, startLocal } from '../../local/runtime.ts';
import { BREAST_SURGERY_REPORT } from '../fixtures.ts';
import { waitFor } from '../integration/client.ts';
import { type Call, call, type DemoActor, demoActors } from './http-harness.ts';

const ROLES = [
  'department',
  'hospital-management',
  'primary',
  'director',
  'network',
  'secretariat',
  'admin',
  'danske-regioner',
] as const;
type Role = (typeof ROLES)[number];
type Whose = 'own' | 'other';
type Expect = 'allowed' | 'refused' | 'n/a';
const ACTIONS = [
  'report',
  'offer',
  'acknowledge',
  'resolve',
  'weekly report',
  'contact edit',
  'contact import',
  'referral counts',
  'audit trail',
  'quarterly status',
  'jobs',
] as const;
type Action = (typeof ACTIONS)[number];

const A: Expect = 'allowed';
const R: Expect = 'refused';
const N: Expect = 'n/a';

/** The policy, [own, other] per role. */
const POLICY: Record<Action, Record<Role, [Expect, Expect]>> = {
  report: {
    department: [A, R],
    'hospital-management': [R, R],
    primary: [R, R],
    director: [R, R],
    network: [R, R],
    secretariat: [A, A],
    admin: [A, A],
    'danske-regioner': [R, R],
  },
  // Every director and Specialenheden are sent level 3; the administrator and Danske Regioner never are.
  offer: {
    department: [A, R],
    'hospital-management': [A, R],
    primary: [A, R],
    director: [A, N],
    network: [A, R],
    secretariat: [A, N],
    admin: [N, A],
    'danske-regioner': [N, R],
  },
  acknowledge: {
    department: [A, R],
    'hospital-management': [A, R],
    primary: [A, R],
    director: [A, N],
    network: [A, R],
    secretariat: [A, N],
    admin: [N, A],
    'danske-regioner': [N, R],
  },
  // Only departments and Specialenheden/administrators report, so only they have their own problems.
  resolve: {
    department: [A, R],
    'hospital-management': [N, R],
    primary: [N, R],
    director: [N, R],
    network: [N, R],
    secretariat: [A, A],
    admin: [A, A],
    'danske-regioner': [N, R],
  },
  'weekly report': {
    department: [A, R],
    'hospital-management': [A, R],
    primary: [A, R],
    director: [R, R],
    network: [R, R],
    secretariat: [A, A],
    admin: [A, A],
    'danske-regioner': [R, R],
  },
  'contact edit': {
    department: [A, R],
    'hospital-management': [R, R],
    primary: [R, R],
    director: [R, R],
    network: [R, R],
    secretariat: [A, A],
    admin: [N, A],
    'danske-regioner': [R, R],
  },
  'contact import': {
    department: [R, N],
    'hospital-management': [R, N],
    primary: [R, N],
    director: [R, N],
    network: [R, N],
    secretariat: [A, N],
    admin: [A, N],
    'danske-regioner': [R, N],
  },
  // The region's primærindgange record its counts; Specialenheden and administrators every region's.
  'referral counts': {
    department: [R, R],
    'hospital-management': [R, R],
    primary: [A, R],
    director: [R, R],
    network: [R, R],
    secretariat: [N, A],
    admin: [N, A],
    'danske-regioner': [N, R],
  },
  'audit trail': {
    department: [R, N],
    'hospital-management': [R, N],
    primary: [R, N],
    director: [R, N],
    network: [R, N],
    secretariat: [A, N],
    admin: [A, N],
    'danske-regioner': [R, N],
  },
  'quarterly status': {
    department: [R, N],
    'hospital-management': [R, N],
    primary: [A, N],
    director: [A, N],
    network: [A, N],
    secretariat: [A, N],
    admin: [A, N],
    'danske-regioner': [A, N],
  },
  // The one job the API runs on request: recomputing a quarter's status.
  jobs: {
    department: [R, N],
    'hospital-management': [R, N],
    primary: [R, N],
    director: [R, N],
    network: [R, N],
    secretariat: [A, N],
    admin: [A, N],
    'danske-regioner': [R, N],
  },
};

const TIME_SCALE = 400_000;
const REPORTER = 'mette.holm@regionsjaelland.example';
const QUARTER = '2026-Q3';

let runtime: LocalRuntime;
let actors: DemoActor[];
let contacts: Contact[];
/** The breast-cancer problem from Sjællands Universitetshospital, climbed to level 4: sent to every role's breast-cancer people. */
let sentTo: Set<string>;
let problemId: string;
let keyCounter = 0;

const actor = (email: string) => {
  const found = actors.find((a) => a.email === email);
  if (!found) throw new Error(`no demo actor ${email}`);
  return found;
};

function bearer(a: DemoActor, extra: Record<string, string> = {}) {
  return { authorization: `Bearer ${a.token}`, ...extra };
}

async function report(by: DemoActor, departmentId: string) {
  return call({
    method: 'POST',
    path: '/api/problems',
    headers: bearer(by, {
      'content-type': 'application/json',
      'idempotency-key': `matrix-${++keyCounter}-report`,
    }),
    body: JSON.stringify({ ...BREAST_SURGERY_REPORT, departmentId }),
  });
}

/** One actor of the role in the position the cell describes, or undefined when nobody is. */
function pick(role: Role, test: (a: DemoActor) => boolean): DemoActor | undefined {
  return actors.find((a) => a.role === role && test(a));
}

const breast = (a: DemoActor) => a.cancerTypes.length === 0 || a.cancerTypes.includes('brystkraeft');

/** The department an actor answers for in the weekly exchange, or reports for. */
function ownDepartment(a: DemoActor): string {
  if (a.department) return a.department;
  if (a.hospital === 'rigshospitalet' || a.region === 'hovedstaden') return 'rh-brystkirurgi';
  return 'suh-brystkirurgi';
}
const otherDepartment = (a: DemoActor) =>
  ownDepartment(a) === 'suh-brystkirurgi' ? 'rh-brystkirurgi' : 'suh-brystkirurgi';

/** The actor a cell is played by. Own/other for offers is about being contacted, so it picks the person. */
function actorFor(action: Action, role: Role, whose: Whose): DemoActor | undefined {
  const contacted = (a: DemoActor) => sentTo.has(a.email);
  if (action === 'offer' || action === 'acknowledge')
    return pick(role, whose === 'own' ? contacted : (a) => !contacted(a));
  if (action === 'report' || action === 'resolve') {
    if (role === 'department') return actor(whose === 'own' ? REPORTER : 'hanne.lund@regionh.example');
    return pick(role, () => true);
  }
  if (action === 'weekly report') {
    if (role === 'department') return actor('hanne.lund@regionh.example');
    if (role === 'hospital-management') return pick(role, (a) => a.hospital === 'rigshospitalet');
    if (role === 'primary') return pick(role, (a) => a.region === 'hovedstaden' && breast(a));
    return pick(role, () => true);
  }
  if (action === 'contact edit' && whose === 'own')
    return pick(role, (a) => contacts.some((c) => c.email === a.email));
  if (action === 'referral counts' && whose === 'own') return pick(role, (a) => Boolean(a.region));
  return pick(role, () => true);
}

/** The request a cell makes, or undefined when the cell cannot exist. */
async function requestFor(action: Action, role: Role, whose: Whose): Promise<Call | undefined> {
  const a = actorFor(action, role, whose);
  if (!a) return undefined;
  const key = `matrix-${++keyCounter}`;
  const json = (path: string, body: unknown, idempotent = true): Call => ({
    method: 'POST',
    path,
    headers: bearer(a, {
      'content-type': 'application/json',
      ...(idempotent ? { 'idempotency-key': key } : {}),
    }),
    body: JSON.stringify(body),
  });
  switch (action) {
    case 'report':
      return json('/api/problems', {
        ...BREAST_SURGERY_REPORT,
        departmentId: whose === 'own' ? ownDepartment(a) : otherDepartment(a),
      });
    case 'offer':
      return json(`/api/problems/${problemId}/offers`, {
        patients: 1,
        modality: 'kirurgi',
        earliest: '2026-12-07',
      });
    case 'acknowledge':
      return json(`/api/problems/${problemId}/acknowledgements`, { note: 'Modtaget.' });
    case 'resolve': {
      if (whose === 'own') {
        if (role !== 'department' && role !== 'secretariat' && role !== 'admin') return undefined;
        const created = await report(a, 'suh-brystkirurgi');
        return json(`/api/problems/${JSON.parse(created.body ?? '{}').id}/resolution`, { note: 'Løst.' });
      }
      const someoneElses = await report(actor(REPORTER), 'suh-brystkirurgi');
      return json(`/api/problems/${JSON.parse(someoneElses.body ?? '{}').id}/resolution`, { note: 'Løst.' });
    }
    case 'weekly report':
      return json('/api/weekly-reports', {
        departmentId: whose === 'own' ? ownDepartment(a) : otherDepartment(a),
        entries: [
          { cancerType: 'brystkraeft', udredningDays: 5, treatmentDays: { kirurgi: 9 }, spareCapacity: 2 },
        ],
      });
    case 'contact edit': {
      const entry =
        whose === 'own'
          ? contacts.find((c) => c.email === a.email)
          : contacts.find(
              (c) => c.role === 'department' && c.department !== a.department && c.email !== a.email,
            );
      if (!entry) return undefined;
      const form = new URLSearchParams({
        id: entry.id,
        role: entry.role,
        name: entry.name,
        title: entry.title,
        email: entry.email,
        phone: entry.phone,
        region: entry.region ?? '',
        hospital: entry.hospital ?? '',
        department: entry.department ?? '',
        maintainer: entry.maintainer,
      });
      for (const t of entry.cancerTypes) form.append('cancerTypes', t);
      for (const m of entry.modalities) form.append('modalities', m);
      return {
        method: 'POST',
        path: `/kontakter/${entry.id}/rediger`,
        headers: bearer(a, { 'content-type': 'application/x-www-form-urlencoded' }),
        body: form.toString(),
      };
    }
    case 'contact import': {
      if (whose === 'other') return undefined;
      const csv = await call({ method: 'GET', path: '/kontakter.csv', headers: bearer(actor(REPORTER)) });
      return {
        method: 'POST',
        path: '/api/contacts/import',
        headers: bearer(a, { 'content-type': 'text/csv' }),
        body: (csv.body ?? '').replace(/^\uFEFF/, ''),
      };
    }
    case 'referral counts': {
      const region = whose === 'own' ? a.region : a.region === 'hovedstaden' ? 'sjaelland' : 'hovedstaden';
      return json('/api/referral-counts', {
        region,
        week: isoWeekKey(new Date()),
        counts: [{ cancerType: 'brystkraeft', destination: 'udland', offered: 2, accepted: 1 }],
      });
    }
    case 'audit trail':
      return whose === 'own'
        ? { method: 'GET', path: '/admin/revisionsspor', headers: bearer(a) }
        : undefined;
    case 'quarterly status':
      return whose === 'own' ? { method: 'GET', path: '/kvartalsstatus', headers: bearer(a) } : undefined;
    case 'jobs':
      return whose === 'own'
        ? {
            method: 'POST',
            path: `/kvartalsstatus/${QUARTER}`,
            headers: bearer(a, { 'content-type': 'application/x-www-form-urlencoded' }),
            body: '',
          }
        : undefined;
  }
}

beforeAll(async () => {
  runtime = await startLocal({ scheduler: false, timeScale: TIME_SCALE });
  actors = await demoActors();
  contacts = await listContacts();
  const created = await report(actor(REPORTER), 'suh-brystkirurgi');
  expect(created.statusCode).toBe(201);
  problemId = JSON.parse(created.body ?? '{}').id;
  // Up to level 4, so every role's breast-cancer people have been contacted.
  const details = await waitFor(
    'level 4 notified',
    async () => {
      const d = await getProblemDetails(problemId);
      return d?.timeline.some((e) => e.kind === 'notified' && e.level === 4) ? d : undefined;
    },
    120_000,
  );
  sentTo = new Set(details.recipients.map((r) => r.email));
});

afterAll(async () => {
  await runtime?.close();
});

describe('authorisation matrix: role × action × own/other', () => {
  const cells = ACTIONS.flatMap((action) =>
    ROLES.flatMap((role) =>
      (['own', 'other'] as const).map((whose, i) => ({
        action,
        role,
        whose,
        expected: POLICY[action][role][i] as Expect,
      })),
    ),
  );

  it.each(cells)('$action · $role · $whose → $expected', async ({ action, role, whose, expected }) => {
    const request = await requestFor(action, role, whose);
    if (expected === 'n/a') {
      expect(request).toBeUndefined();
      return;
    }
    expect(request).toBeDefined();
    const res = await call(request as Call);
    if (expected === 'allowed') expect(res.statusCode, res.body).toBeLessThan(400);
    else expect(res.statusCode, res.body).toBe(403);
  });
});
