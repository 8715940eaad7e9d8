/**
 * Fuzz: property-based requests (fast-check) against every route in the router's table — so a
 * route added later is fuzzed without touching this file — through the real HTTP handler on the
 * local runtime. No answer may be a 5xx, and no generated CPR number may be found afterwards
 * anywhere in the table (problems, timelines, contacts, audit, keys, outbox …).
 *
 * `FUZZ_SEED` replays a run; `FUZZ_RUNS` changes the total (default 10,000).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listContacts } from '../../functions/adapters/store.ts';
import { normaliseForCprCheck } from '../../functions/domain/cpr.ts';
import { referenceData } from '../../functions/domain/reference.ts';
import { routeTable } from '../../functions/http/api.ts';
import type { Route } from '../../functions/http/types.ts';
import { type LocalRuntime, startLocal } from '../../local/runtime.ts';
import { BREAST_SURGERY_REPORT } from '../fixtures.ts';
import { type Call, call, type DemoActor, demoActors, scanTable } from './http-harness.ts';

const TOTAL_RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);

let runtime: LocalRuntime;
let actors: DemoActor[];
const ids = { problems: [] as string[], contacts: [] as string[], cancerTypes: [] as string[] };

/** DD MM YY SSSS in normalised text (separator runs are one space there). */
const CPR_GROUPS = /(?<!\d)(?=(\d{2}) ?(\d{2}) ?(\d{2}) ?(\d{4})(?!\d))/g;

/** Every CPR number the generators produced, as its ten digits: none may end up stored. */
const generatedCprs = new Set<string>();
/** Generated writes a CPR number was planted in (see plantedWrite). */
let plantedWrites = 0;

// ------------------------------------------------------------------ generators

const ZERO_WIDTH = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD'];
const SEPARATORS = ['', '-', '\u2011', '\u2212', '\u2013', ' ', '/', '. ', ' - ', ':', ',', '  ', '\u00A0'];
const DIGIT_STYLES: ((d: string) => string)[] = [
  (d) => d,
  (d) => String.fromCodePoint(0xff10 + Number(d)), // full width
  (d) => String.fromCodePoint(0x0660 + Number(d)), // Arabic-Indic
];

/** A real-looking CPR number written with a random disguise; its digits are remembered. */
const cprNumber = fc
  .record({
    day: fc.integer({ min: 1, max: 28 }),
    replacement: fc.boolean(),
    month: fc.integer({ min: 1, max: 12 }),
    year: fc.integer({ min: 0, max: 99 }),
    serial: fc.integer({ min: 0, max: 9999 }),
    seps: fc.array(fc.constantFrom(...SEPARATORS), { minLength: 3, maxLength: 3 }),
    style: fc.integer({ min: 0, max: DIGIT_STYLES.length - 1 }),
    zeroWidth: fc.option(fc.tuple(fc.constantFrom(...ZERO_WIDTH), fc.integer({ min: 1, max: 9 }))),
  })
  .map((c) => {
    const two = (n: number) => String(n).padStart(2, '0');
    const groups = [
      two(c.replacement ? c.day + 60 : c.day),
      two(c.month),
      two(c.year),
      String(c.serial).padStart(4, '0'),
    ];
    generatedCprs.add(groups.join(''));
    const style = DIGIT_STYLES[c.style] ?? ((d: string) => d);
    let text = groups
      .map((g) => [...g].map(style).join(''))
      .reduce((a, g, i) => a + (c.seps[i - 1] ?? '') + g);
    if (c.zeroWidth) text = text.slice(0, c.zeroWidth[1]) + c.zeroWidth[0] + text.slice(c.zeroWidth[1]);
    return text;
  });

/** A CPR number in the characters a slug id allows (lower-case letters, digits, hyphens); remembered. */
const cprInId = fc
  .record({
    day: fc.integer({ min: 1, max: 28 }),
    month: fc.integer({ min: 1, max: 12 }),
    year: fc.integer({ min: 0, max: 99 }),
    serial: fc.integer({ min: 0, max: 9999 }),
    sep: fc.constantFrom('', '-'),
    prefix: fc.constantFrom('', 'udbyder-', 'cpr-', 'p-'),
  })
  .map((c) => {
    const digits = [c.day, c.month, c.year].map((n) => String(n).padStart(2, '0')).join('');
    const serial = String(c.serial).padStart(4, '0');
    generatedCprs.add(digits + serial);
    plantedWrites++;
    return `${c.prefix}${digits}${c.sep}${serial}`;
  });

/** Text that has broken systems before: huge, empty, control characters, markup, other scripts. */
const nastyText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(
    '',
    ' ',
    '\0',
    '%',
    '%E0%A4%A',
    '../../etc/passwd',
    '<script>alert(1)</script>',
    '__proto__',
    'constructor',
    'null',
    '[]',
    '{}',
    '-1',
    '1e309',
    'NaN',
    '💥',
  ),
  fc.integer({ min: 1000, max: 3000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 300, max: 1200 }).map((n) => 'æ'.repeat(n)),
  cprNumber,
  cprNumber.map((cpr) => `Patient ${cpr} venter`),
);

/** Header values are bytes on the wire: printable ASCII, or long, or a CPR number in ASCII digits. */
const headerText = fc.oneof(
  fc.string({ unit: 'binary-ascii', maxLength: 40 }).map((s) => s.replace(/[^\x20-\x7E]/g, '')),
  fc.integer({ min: 200, max: 2500 }).map((n) => 'k'.repeat(n)),
  cprNumber.map((s) => normaliseForCprCheck(s)),
);

const FORM_FIELDS = [
  'csrf',
  'departmentId',
  'cancerType',
  'pathwayTypes',
  'pathwayTypes[]',
  'modalities',
  'modalities[]',
  'patientsAtRisk',
  'from',
  'until',
  'longLasting',
  'scope',
  'description',
  'submissionKey',
  'action',
  'note',
  'patients',
  'modality',
  'earliest',
  'offerKey',
  'email',
  'next',
  'id',
  'role',
  'name',
  'title',
  'phone',
  'region',
  'hospital',
  'department',
  'cancerTypes',
  'maintainer',
  'csv',
  'reason',
  'state',
  'date',
  'participants',
  'text',
  'owner',
  'due',
  'afdeling',
  'brystkraeft.udredningDays',
  'brystkraeft.comment',
  'brystkraeft.spareCapacity',
  'fileName',
  'reports',
];

function validValue(field: string): fc.Arbitrary<string> {
  const cancerTypes = ids.cancerTypes.length > 0 ? ids.cancerTypes : ['brystkraeft'];
  switch (field) {
    case 'cancerType':
      return fc.constantFrom(...cancerTypes);
    case 'departmentId':
    case 'department':
      return fc.constantFrom('suh-brystkirurgi', 'nsr-brystkirurgi');
    case 'action':
      return fc.constantFrom('acknowledge', 'offer', 'resolve', 'delete');
    case 'from':
    case 'until':
    case 'earliest':
    case 'date':
    case 'due':
      return fc.constantFrom('2026-12-01', '2026-02-30', '01.12.2026');
    case 'submissionKey':
    case 'offerKey':
      return fc.uuid();
    default:
      return fc.constantFrom('1', '12', 'ja', 'kirurgi', 'hospital', 'test@example.dk');
  }
}

const formBody = fc
  .array(
    fc
      .constantFrom(...FORM_FIELDS)
      .chain((field) =>
        fc.tuple(fc.constant(field), fc.oneof({ weight: 2, arbitrary: validValue(field) }, nastyText)),
      ),
    { maxLength: 12 },
  )
  .map((pairs) => new URLSearchParams(pairs).toString());

const jsonValueWithCpr = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  nastyText,
  fc.array(nastyText, { maxLength: 3 }),
);

const jsonBody = fc.oneof(
  fc.constantFrom(
    'null',
    '[]',
    '"text"',
    '42',
    '-1',
    'true',
    '{',
    '{"a":',
    '\u0000',
    '{"__proto__":{"x":1}}',
  ),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  // Close to valid, one field disguised or broken: reaches the validation and the services.
  fc
    .tuple(
      fc.constantFrom(
        ...Object.keys(BREAST_SURGERY_REPORT),
        'note',
        'patients',
        'modality',
        'earliest',
        'reports',
      ),
      jsonValueWithCpr,
    )
    .map(([key, value]) =>
      JSON.stringify({
        ...BREAST_SURGERY_REPORT,
        patients: 2,
        modality: 'kirurgi',
        earliest: '2026-12-01',
        [key]: value,
      }),
    ),
  fc
    .dictionary(fc.constantFrom(...FORM_FIELDS), jsonValueWithCpr, { maxKeys: 6 })
    .map((v) => JSON.stringify(v)),
);

const csvBody = fc.oneof(
  nastyText,
  fc
    .tuple(nastyText, nastyText)
    .map(
      ([a, b]) =>
        `id;role;name;title;email;phone;region;hospital;department;cancerTypes;modalities;maintainer\nfuzz-1;department;${a};${b};a@b.dk;+45 12 34 56 78;sjaelland;;;;;a@b.dk`,
    ),
);

function paramValue(name: string): fc.Arbitrary<string> {
  const valid: string[] = {
    id: [...ids.problems, ...ids.contacts.slice(0, 5)],
    cancerType: ids.cancerTypes,
    quarter: ['2026-Q4', '2026-Q3', '1999-Q1'],
  }[name] ?? ['abc'];
  return fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...(valid.length > 0 ? valid : ['x'])) },
    { weight: 3, arbitrary: nastyText },
  );
}

/** A path for the route: `:params` filled, percent-encoded as a client would send them. */
function pathFor(route: Route): fc.Arbitrary<string> {
  const names = [...route.path.matchAll(/:([a-zA-Z]+)/g)].map((m) => m[1] ?? '');
  const star = route.path.endsWith('/*');
  const parts = [...names.map(paramValue), ...(star ? [nastyText] : [])];
  return fc
    .tuple(...parts.map((p) => p.map((v) => (v === '' ? 'x' : encodeURIComponent(v)))))
    .map((values) => {
      let i = 0;
      const filled = route.path.replace(/:([a-zA-Z]+)/g, () => values[i++] ?? 'x');
      return star ? filled.replace(/\*$/, values[i] ?? 'x') : filled;
    });
}

const QUERY_KEYS = [
  'problem',
  'to',
  'limit',
  'cursor',
  'next',
  'afdeling',
  'sag',
  'kraeftform',
  'behandling',
  'region',
  'type',
  'id',
  'maaned',
  'cancerType',
  'pathway',
  'udfoert',
  'gemt',
  'lang',
  'description',
  'patientsAtRisk',
  'departmentId',
  'modalities',
];

const queryString = fc
  .array(
    fc.tuple(
      fc.constantFrom(...QUERY_KEYS),
      fc.oneof(fc.constantFrom('1', '2026-12', 'en', 'brystkraeft', 'contact', 'kirurgi'), nastyText),
    ),
    { maxLength: 4 },
  )
  .map((pairs) => (pairs.length > 0 ? `?${new URLSearchParams(pairs).toString()}` : ''));

/** Free text with a disguised CPR number somewhere in it. */
const textWithCpr = fc
  .tuple(
    fc.constantFrom('', 'Patient ', 'Se journal ', 'Henvist '),
    cprNumber,
    fc.constantFrom('', ' venter.', ' (ring)'),
  )
  .map(([before, cpr, after]) => {
    plantedWrites++;
    return `${before}${cpr}${after}`;
  });

/**
 * Writes that would be accepted but for the CPR guard: a valid body from a permitted caller, with
 * a disguised CPR number planted in a free-text field or an id. Without the guard they are stored,
 * so the scan at the end finds them — the "nothing stored" half of this test depends on them.
 */
function plantedWrite(route: Route): fc.Arbitrary<Call> | undefined {
  const as = (role: string) =>
    actors.find((a) => a.role === role && (role !== 'department' || a.department === 'suh-brystkirurgi'));
  const json = (actor: DemoActor | undefined, method: string, path: string, body: unknown, key: string) => ({
    method,
    path,
    headers: {
      authorization: `Bearer ${actor?.token}`,
      'content-type': 'application/json',
      accept: 'application/json',
      'idempotency-key': key,
    },
    body: JSON.stringify(body),
  });
  if (route.method === 'POST' && route.path === '/api/problems')
    return fc
      .tuple(fc.constant('description'), textWithCpr, fc.uuid())
      .map(([field, text, key]) =>
        json(as('department'), 'POST', route.path, { ...BREAST_SURGERY_REPORT, [field]: text }, key),
      );
  if (route.method === 'PUT' && route.path === '/api/external-providers/:id') {
    const provider = (id: string) => ({
      id,
      kind: 'privat',
      name: `Fuzz-klinik ${id}`,
      country: 'Danmark',
      cancerTypes: ['brystkraeft'],
      pathwayTypes: ['udredning'],
      modalities: [],
      contactName: 'Visitationen',
      contactEmail: 'visitation@fuzz-klinik.example',
      contactPhone: '+45 12 34 56 78',
      validFrom: '2026-01-01',
      typicalDays: 10,
      notes: 'Aftale om udredning.',
    });
    return fc.oneof(
      // The CPR number is the id (in the path, and stored as the key).
      fc
        .tuple(cprInId, fc.uuid())
        .map(([id, key]) =>
          json(as('secretariat'), 'PUT', `/api/external-providers/${id}`, provider(id), key),
        ),
      fc
        .tuple(fc.constantFrom('name', 'contactName', 'notes', 'country'), textWithCpr, fc.uuid())
        .map(([field, text, key]) =>
          json(
            as('secretariat'),
            'PUT',
            '/api/external-providers/fuzz-klinik',
            { ...provider('fuzz-klinik'), [field]: text },
            key,
          ),
        ),
    );
  }
  return undefined;
}

function requestFor(route: Route): fc.Arbitrary<Call> {
  const isWrite = route.method !== 'GET';
  const body = isWrite
    ? fc.oneof(
        { arbitrary: jsonBody.map((b) => ({ type: 'application/json', b })), weight: 3 },
        { arbitrary: formBody.map((b) => ({ type: 'application/x-www-form-urlencoded', b })), weight: 3 },
        { arbitrary: csvBody.map((b) => ({ type: 'text/csv', b })), weight: 1 },
        { arbitrary: fc.constant({ type: '', b: '' }), weight: 1 },
      )
    : fc.constant(undefined);
  const fuzzed = fc
    .record({
      method: fc.oneof(
        { arbitrary: fc.constant(route.method), weight: 9 },
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'),
      ),
      path: pathFor(route),
      query: queryString,
      actor: fc.option(fc.constantFrom(...actors), { freq: 4 }),
      auth: fc.oneof(
        { arbitrary: fc.constant('token'), weight: 6 },
        headerText.map((t) => `Bearer ${t}`),
        headerText,
      ),
      idempotencyKey: fc.option(fc.oneof(fc.uuid(), headerText), { freq: 2 }),
      accept: fc.constantFrom(undefined, 'application/json', 'text/html', '*/*'),
      cookie: fc.option(
        headerText.map((t) => `kk_session=${t}`),
        { freq: 8 },
      ),
      body,
      base64: fc.boolean(),
    })
    .map((r) => {
      const headers: Record<string, string> = {};
      if (r.actor) headers.authorization = r.auth === 'token' ? `Bearer ${r.actor.token}` : r.auth;
      if (r.idempotencyKey) headers['idempotency-key'] = r.idempotencyKey;
      if (r.accept) headers.accept = r.accept;
      if (r.cookie) headers.cookie = r.cookie;
      if (r.body?.type) headers['content-type'] = r.body.type;
      return { method: r.method, path: r.path + r.query, headers, body: r.body?.b, base64: r.base64 };
    });
  const planted = plantedWrite(route);
  return planted ? fc.oneof({ arbitrary: fuzzed, weight: 1 }, { arbitrary: planted, weight: 1 }) : fuzzed;
}

// ------------------------------------------------------------------ the run

beforeAll(async () => {
  runtime = await startLocal({ scheduler: false, timeScale: 1 });
  actors = await demoActors();
  const reporter = actors.find((a) => a.email === 'mette.holm@regionsjaelland.example');
  for (const key of ['fuzz-seed-problem-1', 'fuzz-seed-problem-2']) {
    const res = await call({
      method: 'POST',
      path: '/api/problems',
      headers: {
        authorization: `Bearer ${reporter?.token}`,
        'idempotency-key': key,
        'content-type': 'application/json',
      },
      body: JSON.stringify(BREAST_SURGERY_REPORT),
    });
    ids.problems.push(JSON.parse(res.body ?? '{}').id);
  }
  ids.contacts = (await listContacts()).map((c) => c.id);
  ids.cancerTypes = referenceData().cancerTypes.map((c) => c.id);
});

afterAll(async () => {
  await runtime?.close();
});

/** Routes that would run a whole job per request are fuzzed with unknown ids only (see pathFor). */
function weight(route: Route): number {
  if (route.method !== 'GET') return 3;
  return route.path.includes(':') || route.path.endsWith('*') ? 2 : 1;
}

describe('fuzz: generated requests against every route', () => {
  it('never answers 5xx, and no generated CPR number is stored or mailed', async () => {
    const routes = routeTable().filter((r) => !(r.method === 'POST' && r.path.startsWith('/local/jobs')));
    const totalWeight = routes.reduce((sum, r) => sum + weight(r), 0);
    const serverErrors: string[] = [];
    let runs = 0;
    let writesAccepted = 0;
    for (const [i, route] of routes.entries()) {
      const numRuns = Math.ceil((TOTAL_RUNS * weight(route)) / totalWeight);
      await fc.assert(
        fc.asyncProperty(requestFor(route), async (request) => {
          runs++;
          const res = await call(request);
          if (request.method === 'POST' && res.statusCode < 400) writesAccepted++;
          if (res.statusCode >= 500)
            serverErrors.push(
              `${res.statusCode} ${request.method} ${request.path.slice(0, 200)} ${JSON.stringify(request.headers).slice(0, 200)} ${(request.body ?? '').slice(0, 200)}`,
            );
          return res.statusCode < 500;
        }),
        { numRuns, seed: SEED + i, endOnFailure: true },
      );
    }
    expect(serverErrors).toEqual([]);
    expect(runs).toBeGreaterThanOrEqual(TOTAL_RUNS);
    // The generators reach past validation: some writes are accepted and stored.
    expect(writesAccepted).toBeGreaterThan(TOTAL_RUNS / 200);

    // Every stored item, read the way the guard reads text, searched for every generated number.
    const found: string[] = [];
    for (const item of await scanTable()) {
      for (const m of normaliseForCprCheck(JSON.stringify(item)).matchAll(CPR_GROUPS)) {
        const digits = m.slice(1, 5).join('');
        if (generatedCprs.has(digits)) found.push(`${digits} in ${String(item.PK)} / ${String(item.SK)}`);
      }
    }
    expect(generatedCprs.size).toBeGreaterThan(100);
    // Writes that only the CPR guard refuses were among them (without it they would be stored).
    expect(plantedWrites).toBeGreaterThan(100);
    expect(found).toEqual([]);
    // About 35 s of CPU; the wall-clock limit leaves room for a machine busy with other work.
  }, 900_000);
});
