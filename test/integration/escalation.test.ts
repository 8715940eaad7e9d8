/**
 * The escalation ladder end to end on the local runtime: HTTP form → DynamoDB (dynalite) →
 * the ASL in aws-local-stepfunctions → ladder-step handler → outbox. Real engines, no mocks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putOutboxMessage } from '../../functions/adapters/store.ts';
import { referenceData } from '../../functions/domain/reference.ts';
import { getUser, putUser } from '../../functions/services/auth.ts';
import { type LocalRuntime, startLocal } from '../../local/runtime.ts';
import { Client, hiddenField, linkIn, outbox, waitFor } from './client.ts';

const REPORTER = 'mette.holm@regionsjaelland.example';
// 2–5 working days become well under a second per level.
const TIME_SCALE = 400_000;

let runtime: LocalRuntime;
let reporter: Client;

beforeAll(async () => {
  runtime = await startLocal({ timeScale: TIME_SCALE, scheduler: false });
  reporter = new Client(runtime.url);
  await reporter.signInAs(REPORTER);
});

afterAll(async () => {
  await runtime?.close();
});

async function submit(client: Client, fields: Record<string, string | string[]>) {
  const form = await client.get('/indberet');
  expect(form.status).toBe(200);
  const csrf = hiddenField(form.text, 'csrf');
  const submissionKey = hiddenField(form.text, 'submissionKey');
  const body = {
    csrf,
    submissionKey,
    departmentId: 'suh-brystkirurgi',
    cancerType: 'brystkraeft',
    'pathwayTypes[]': ['behandling'],
    'modalities[]': ['kirurgi'],
    patientsAtRisk: '12',
    from: '2026-11-23',
    scope: 'hospital',
    description: 'Mangel på operationstid de næste tre uger.',
    ...fields,
  };
  const res = await client.post('/indberet', body);
  return { res, body };
}

function problemIdFrom(location: string | null): string {
  const match = /\/problemer\/([0-9A-Z]+)\/kvittering/.exec(location ?? '');
  if (!match?.[1]) throw new Error(`Unexpected redirect ${location}`);
  return match[1];
}

const contacts = () => referenceData().contacts;
const emailsOf = (predicate: (c: ReturnType<typeof contacts>[number]) => boolean) =>
  new Set(
    contacts()
      .filter(predicate)
      .map((c) => c.email.toLowerCase()),
  );

describe('a capacity problem nobody answers', () => {
  it('climbs all four levels, e-mailing the right people at each, and reminds the network', async () => {
    const { res } = await submit(reporter, {});
    expect(res.status).toBe(303);
    const id = problemIdFrom(res.headers.get('location'));

    const mails = await waitFor('a network reminder', async () => {
      const all = await outbox(reporter, id);
      return all.some((m) => m.level === 4 && m.subject.includes('Påmindelse')) ? all : undefined;
    });
    const toAt = (level: number) =>
      new Set(mails.filter((m) => m.level === level && m.purpose === 'escalation').flatMap((m) => m.to));

    // Level 1: breast-cancer departments at other hospitals, and the reporter's hospital management.
    const level1 = toAt(1);
    const otherBreastDepartments = emailsOf(
      (c) =>
        c.role === 'department' &&
        c.cancerTypes.includes('brystkraeft') &&
        c.hospital !== 'sjaellands-universitetshospital',
    );
    expect(level1.size).toBeGreaterThan(3);
    for (const email of level1) {
      const c = contacts().find((x) => x.email.toLowerCase() === email);
      expect(c?.role === 'hospital-management' || otherBreastDepartments.has(email)).toBe(true);
    }
    expect(
      [...level1].some(
        (e) =>
          contacts().find((c) => c.email.toLowerCase() === e)?.hospital ===
            'sjaellands-universitetshospital' &&
          contacts().find((c) => c.email.toLowerCase() === e)?.role === 'hospital-management',
      ),
    ).toBe(true);
    expect(level1.has(REPORTER)).toBe(false);

    // Level 2: breast-cancer primærindgange in all five regions; the directors informed.
    const level2 = toAt(2);
    const primaryRegions = new Set(
      contacts()
        .filter((c) => level2.has(c.email.toLowerCase()) && c.role === 'primary')
        .map((c) => c.region),
    );
    expect(primaryRegions.size).toBe(5);
    for (const d of emailsOf((c) => c.role === 'director')) expect(level2.has(d)).toBe(true);

    // Level 3: the five health directors.
    expect(toAt(3)).toEqual(
      new Set([...emailsOf((c) => c.role === 'director'), ...emailsOf((c) => c.role === 'secretariat')]),
    );

    // Level 4: the national network for breast cancer, across regions.
    const network = emailsOf((c) => c.role === 'network' && c.cancerTypes.includes('brystkraeft'));
    for (const member of network) expect(toAt(4).has(member)).toBe(true);

    // The reporter was told at each climb.
    const reporterMails = mails.filter((m) => m.to.includes(REPORTER)).map((m) => m.purpose);
    expect(reporterMails).toContain('receipt');
    expect(reporterMails.filter((p) => p === 'level-changed')).toHaveLength(3);

    // Every step is on the timeline.
    const details = (await reporter.get(`/api/problems/${id}`)).status;
    expect(details).toBe(401); // the JSON API wants a token, not a browser session
    const page = await reporter.get(`/problemer/${id}`);
    for (const level of ['Niveau 1', 'Niveau 2', 'Niveau 3', 'Niveau 4']) expect(page.text).toContain(level);
    expect(page.text).toContain('Det nationale netværk for kræftformen er aktiveret.');

    // The audit trail shows who changed the problem: the reporter, then the system at each climb.
    const admin = new Client(runtime.url);
    await admin.signInAs('it-drift@kraeftkapacitet.example');
    const trail = await admin.get(`/admin/revisionsspor?type=problem&id=${id}`);
    expect(trail.text).toContain('Indberettet');
    for (const level of [2, 3, 4]) expect(trail.text).toContain(`Niveau ${level} (`);
    // The trail names the problem by the reference people quote, never by its internal id alone,
    // and finds it by that reference too.
    const ref = `KK-${id.slice(0, 4)}-${id.slice(4, 8)}`;
    expect(trail.text).toContain(`>${ref}</a>`);
    expect(trail.text).not.toContain(`>${id}</a>`);
    const byRef = await admin.get(`/admin/revisionsspor?id=${ref.toLowerCase()}`, {
      accept: 'application/json',
    });
    expect(byRef.json().entries.length).toBeGreaterThanOrEqual(4);

    await reporter.post(`/problemer/${id}`, {
      csrf: hiddenField(page.text, 'csrf'),
      action: 'resolve',
      note: '',
    });
  });
});

describe('responding and resolving', () => {
  it('records an offer from an e-mail link, and resolving stops the ladder at once and tells everyone', async () => {
    // Long windows for this problem so it stays on level 1 while people respond.
    const { res } = await submit(reporter, { 'modalities[]': ['kirurgi'], patientsAtRisk: '4' });
    const id = problemIdFrom(res.headers.get('location'));
    const first = await waitFor('level 1 e-mails', async () => {
      const mails = await outbox(reporter, id);
      return (
        mails.find((m) => m.level === 1 && m.purpose === 'escalation' && !m.to[0]?.includes('direktion')) ??
        undefined
      );
    });

    // A GET on the link shows the page and changes nothing (mail scanners pre-fetch links).
    const responder = new Client(runtime.url);
    const link = linkIn(first.text);
    const view = await responder.get(link);
    expect(view.status).toBe(200);
    expect(view.text).toContain('Tilbyd kapacitet');

    const offerKey = hiddenField(view.text, 'offerKey');
    const offerForm = {
      action: 'offer',
      offerKey,
      patients: '4',
      modality: 'kirurgi',
      earliest: '2026-11-30',
      note: 'Fra mandag',
    };
    const offered = await responder.post(link, offerForm);
    expect(offered.status).toBe(200);
    expect(offered.text).toContain('jeres tilbud er sendt');
    // A double click posts the same form twice: the offer counts once.
    await responder.post(link, offerForm);
    expect((await reporter.get(`/problemer/${id}`)).text).toContain('4 patienter</dd>');

    const bad = await responder.post(link, {
      action: 'offer',
      patients: '0',
      modality: 'kirurgi',
      earliest: 'snart',
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Angiv mindst 1 patient.');

    // The reporter hears of the offer and resolves from her receipt e-mail.
    const mails = await outbox(reporter, id);
    expect(
      mails.some((m) => m.purpose === 'offer' && m.to.includes(REPORTER) && m.text.includes('4 patienter')),
    ).toBe(true);
    const receipt = mails.find((m) => m.purpose === 'receipt');
    const resolveLink = linkIn(receipt?.text ?? '');
    const resolved = await new Client(runtime.url).post(resolveLink, {
      action: 'resolve',
      note: 'Løst med hjælp fra Odense',
    });
    expect(resolved.text).toContain('Sagen er markeret som løst.');

    const afterResolve = (await outbox(reporter, id)).length;
    await waitFor('the execution to stop', async () =>
      runtime.workflow.running().some((e) => e.includes(id)) ? undefined : true,
    );
    const all = await outbox(reporter, id);
    const resolutionMails = all.filter((m) => m.purpose === 'resolved');
    const contacted = new Set(all.filter((m) => m.purpose === 'escalation').flatMap((m) => m.to));
    expect(new Set(resolutionMails.flatMap((m) => m.to))).toEqual(contacted);

    // Nothing more is sent: wait several response windows and count again.
    await new Promise((r) => setTimeout(r, 3000));
    expect((await outbox(reporter, id)).length).toBe(afterResolve);

    // A resolved problem takes no more offers, even from a valid link.
    const late = await responder.post(link, {
      action: 'offer',
      patients: '2',
      modality: 'kirurgi',
      earliest: '2026-12-01',
    });
    expect(late.status).toBe(403);
    expect(late.text).toContain('Sagen er allerede løst.');

    const timeline = await reporter.get(`/problemer/${id}`);
    expect(timeline.text).toContain('tilbyder 4 patienter');
    expect(timeline.text).toContain('Markeret som løst');
  });

  it('lets a recipient act only on problems sent to them', async () => {
    const { res } = await submit(reporter, {});
    const id = problemIdFrom(res.headers.get('location'));
    const outsider = new Client(runtime.url);
    await outsider.signInAs(
      'specialenheden@specialenheden.example'.replace('specialenheden@', 'specialenheden@'),
    );
    const stranger = new Client(runtime.url);
    const someDepartment = contacts().find(
      (c) => c.role === 'department' && !c.cancerTypes.includes('brystkraeft'),
    );
    await stranger.signInAs(someDepartment?.email ?? '');
    const page = await stranger.get(`/problemer/${id}`);
    expect(page.text).not.toContain('Tilbyd kapacitet');
    const attempt = await stranger.post(`/problemer/${id}`, {
      csrf: hiddenField(page.text, 'csrf'),
      action: 'offer',
      patients: '2',
      modality: 'kirurgi',
      earliest: '2026-12-01',
    });
    expect(attempt.status).toBe(403);
    expect(attempt.text).toContain('Du kan kun svare på sager, der er sendt til dig.');
    const resolveAttempt = await stranger.post(`/problemer/${id}`, {
      csrf: hiddenField(page.text, 'csrf'),
      action: 'resolve',
    });
    expect(resolveAttempt.status).toBe(403);
  });
});

describe('the report form', () => {
  it('creates one problem when the same form is submitted twice', async () => {
    const form = await reporter.get('/indberet');
    const fields = {
      csrf: hiddenField(form.text, 'csrf'),
      submissionKey: hiddenField(form.text, 'submissionKey'),
    };
    const first = await submit(reporter, fields);
    const second = await reporter.post('/indberet', first.body);
    expect(problemIdFrom(second.headers.get('location'))).toBe(
      problemIdFrom(first.res.headers.get('location')),
    );
  });

  it('re-renders the form with Danish field errors and the values kept, and refuses CPR numbers', async () => {
    const { res } = await submit(reporter, {
      patientsAtRisk: '',
      description: 'Patient 010190-1234 venter',
      'modalities[]': [],
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Angiv antal patienter som et tal.');
    expect(res.text).toContain('ligner et CPR-nummer');
    expect(res.text).toContain('Vælg mindst én behandlingsform');
    expect(res.text).toContain('Patient 010190-1234 venter'); // kept for the person to correct
  });

  it('lets a department report only for itself', async () => {
    const { res } = await submit(reporter, { departmentId: 'nsr-brystkirurgi' });
    expect(res.status).toBe(403);
    expect(res.text).toContain('Du kan kun indberette for din egen afdeling.');
  });

  it('refuses a sign-in link posted from another site (login CSRF) and lets each link work once', async () => {
    const users = (await reporter.get('/local/demo-users', { accept: 'application/json' })).json().users as {
      email: string;
      signInUrl: string;
    }[];
    const path = new URL(users.find((u) => u.email === REPORTER)?.signInUrl ?? '').pathname;
    const client = new Client(runtime.url);
    const crossSite = await client.request('POST', path, {
      form: {},
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.status).toBe(403);
    expect(
      (await client.request('POST', path, { form: {}, headers: { 'sec-fetch-site': 'same-origin' } })).status,
    ).toBe(303);
    expect((await client.request('POST', path, { form: {} })).status).toBe(404);
  });

  it('sends people who are not signed in to the sign-in page', async () => {
    const res = await new Client(runtime.url).get('/indberet');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/log-ind?next=%2Findberet');
  });
});

describe('the JSON API', () => {
  async function token(email: string) {
    const users = (await reporter.get('/local/demo-users', { accept: 'application/json' })).json().users as {
      email: string;
      apiToken: string;
    }[];
    return users.find((u) => u.email === email)?.apiToken ?? '';
  }

  it('reports with a token, is idempotent per Idempotency-Key and explains bad input', async () => {
    const api = new Client(runtime.url);
    const headers = {
      authorization: `Bearer ${await token(REPORTER)}`,
      'idempotency-key': 'regional-system-0001',
    };
    const report = {
      departmentId: 'suh-brystkirurgi',
      cancerType: 'brystkraeft',
      pathwayTypes: ['udredning'],
      patientsAtRisk: 3,
      from: '2026-11-23',
      scope: 'region',
    };
    const created = await api.request('POST', '/api/problems', { json: report, headers });
    expect(created.status).toBe(201);
    expect(created.json().entryLevel).toBe(2);
    // A retry gets the first answer again; the same key with another body is refused.
    const again = await api.request('POST', '/api/problems', { json: report, headers });
    expect(again.status).toBe(201);
    expect(again.json().id).toBe(created.json().id);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const reused = await api.request('POST', '/api/problems', {
      json: { ...report, patientsAtRisk: 4 },
      headers,
    });
    expect(reused.status).toBe(422);
    expect(reused.json().error).toContain('Idempotency-Key er allerede brugt');

    const bad = await api.request('POST', '/api/problems', {
      json: { ...report, patientsAtRisk: -1 },
      headers: { ...headers, 'idempotency-key': 'regional-system-0002' },
    });
    expect(bad.status).toBe(400);
    expect(bad.json().fields.patientsAtRisk).toBe('Angiv mindst 1 patient.');

    const notJson = await api.request('POST', '/api/problems', {
      headers: { ...headers, 'idempotency-key': 'regional-system-0003', 'content-type': 'application/json' },
    });
    expect(notJson.status).toBe(400);

    const anonymous = await api.request('POST', '/api/problems', { json: report });
    expect(anonymous.status).toBe(401);
  });

  it('answers a token as its user is now: a user changed in this container counts at once', async () => {
    const users = (await reporter.get('/local/demo-users', { accept: 'application/json' })).json().users as {
      email: string;
      role: string;
      department?: string;
      apiToken: string;
    }[];
    const other = users.find((u) => u.role === 'department' && u.department !== 'suh-brystkirurgi');
    const user = other && (await getUser(other.email));
    if (!other || !user) throw new Error('No department user of another department in the demo data');
    const api = new Client(runtime.url);
    const reportAs = (key: string) =>
      api.request('POST', '/api/problems', {
        json: {
          departmentId: 'suh-brystkirurgi',
          cancerType: 'brystkraeft',
          pathwayTypes: ['udredning'],
          patientsAtRisk: 2,
          from: '2026-11-23',
          scope: 'hospital',
        },
        headers: { authorization: `Bearer ${other.apiToken}`, 'idempotency-key': key },
      });
    expect((await reportAs('changed-user-0001')).status).toBe(403);
    await putUser({ ...user, role: 'secretariat' });
    try {
      expect((await reportAs('changed-user-0002')).status).toBe(201);
    } finally {
      await putUser(user);
    }
    expect((await reportAs('changed-user-0003')).status).toBe(403);
  });

  it('serves its OpenAPI description, 404s unknown routes and refuses oversized bodies', async () => {
    const api = new Client(runtime.url);
    const doc = (await api.get('/api/openapi.json')).json();
    expect(doc.paths['/api/problems'].post.summary).toBe('Indberet et kapacitetsproblem');
    expect((await api.get('/findes-ikke')).status).toBe(404);
    expect((await api.get('/svar/%E0%A4%A')).status).toBe(404);
    expect((await api.get('/api/findes-ikke')).json().error).toBe('Siden findes ikke.');
    const huge = await api.request('POST', '/api/problems', { json: { description: 'x'.repeat(300_000) } });
    expect(huge.status).toBe(413);
    expect((await api.get('/health')).status).toBe(200);
  });
});

describe('the local outbox', () => {
  /** Pages through the outbox `limit` at a time; each message as `sentAt#id` (its sort key). */
  async function pageThrough(query: string, limit: number): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await reporter.get(
        `/local/outbox?${query}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
        {
          accept: 'application/json',
        },
      );
      expect(res.status).toBe(200);
      const page = res.json();
      expect(page.messages.length).toBeLessThanOrEqual(limit);
      seen.push(...page.messages.map((m: { sentAt: string; id: string }) => `${m.sentAt}#${m.id}`));
      cursor = page.next;
    } while (cursor);
    return seen;
  }

  it('pages with ?limit= and ?cursor=, the JSON carrying the next cursor, with the security headers', async () => {
    const all = (await reporter.get('/local/outbox', { accept: 'application/json' })).json();
    expect(all.count).toBeGreaterThanOrEqual(3);
    const seen = await pageThrough('', 2);
    // Ladders still running may add mail meanwhile: every earlier message is there, none twice.
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(
      expect.arrayContaining(all.messages.map((m: { sentAt: string; id: string }) => `${m.sentAt}#${m.id}`)),
    );

    const html = await reporter.get('/local/outbox?limit=1');
    expect(html.text).toContain('Næste side');
    expect(html.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(html.headers.get('strict-transport-security')).toContain('max-age=31536000');
    expect((await reporter.get('/local/outbox?limit=0')).status).toBe(400);
    expect((await reporter.get('/local/outbox?cursor=not-a-cursor')).status).toBe(400);
  });

  it('pages messages sent in the same millisecond each exactly once (the cursor breaks ties by id)', async () => {
    // Parallel sends of one level share their claim's millisecond.
    const sentAt = new Date().toISOString();
    const to = 'samme-millisekund@example.dk';
    for (let i = 0; i < 7; i++)
      await putOutboxMessage({
        id: `tie-${i}`,
        sentAt,
        from: 'test@example.dk',
        to: [to],
        subject: 'Samme tidspunkt',
        text: 'Samme tidspunkt',
        html: '',
        purpose: 'test',
      });
    const seen = await pageThrough(`to=${encodeURIComponent(to)}&`, 2);
    expect(seen.sort()).toEqual(Array.from({ length: 7 }, (_, i) => `${sentAt}#tie-${i}`));
  });
});
