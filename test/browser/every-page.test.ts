/**
 * Every page as the people who use it, at a desktop (1,280 px) and a phone (390 px) width, in
 * Danish and English: no sideways scroll, no serious or critical WCAG 2.1 AA finding by axe-core,
 * no text below 12 px, no ISO date in the text, no free-text field without `maxlength`, and `<html lang>` matching the language. The last test
 * checks the visits against the router, so a new page cannot be left out. One server and one browser for the
 * whole file; each role has its own browser context, and a few tabs work through its pages at once.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCapacityChecks } from '../../functions/adapters/capacity-check-store.ts';
import { listHolidayPeriods } from '../../functions/adapters/holiday-store.ts';
import { listExternalProviders } from '../../functions/adapters/store.ts';
import { periodPhase } from '../../functions/domain/holiday.ts';
import { previousQuarter, quarterOf } from '../../functions/domain/quarterly.ts';
import { localDate } from '../../functions/domain/time.ts';
import { routeTable } from '../../functions/http/api.ts';
import { prepareQuarterlyStatus } from '../../functions/services/quarterly.ts';
import { type BrowserSession, type DemoUser, startBrowserSession } from './harness.ts';
import { unvisitedPages } from './pages.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const SECRETARIAT: DemoUser = {
  email: 'specialenheden@specialenheden.example',
  name: 'Specialenheden for behandling af livstruende sygdomme',
};
const DEPARTMENT: DemoUser = { email: 'mette.holm@regionsjaelland.example', name: 'Mette Holm' };
const DIRECTOR: DemoUser = { email: 'thomas.dam@regionh.example', name: 'Thomas Dam' };
const ADMIN: DemoUser = { email: 'it-drift@kraeftkapacitet.example', name: 'IT-drift (administrator)' };
const CHECKED_DEPARTMENT: DemoUser = { email: 'lasse.skov@regionh.example', name: 'Lasse Skov' }; // rh-thoraxkirurgi
const OWN_CONTACT = 'suh-brystkirurgi-koordinator';
const OWN_DEPARTMENT = 'suh-brystkirurgi';
const QUARTER = previousQuarter(quarterOf(new Date()));
/** Tabs per role working through its pages side by side: enough to overlap waiting, gentle on two cores. */
const TABS = 3;

let session: BrowserSession;
/** A problem Mette reported, and the answer link one of its recipients got by e-mail. */
let problemId: string;
let answerPath: string;
/** The pages each role visits, built once the ids they name exist (the last test checks them against the router). */
let visits: Record<
  'signedOut' | 'department' | 'checkedDepartment' | 'secretariat' | 'director' | 'admin',
  string[]
>;

beforeAll(async () => {
  session = await startBrowserSession();
  await prepareQuarterlyStatus(QUARTER);
  const mette = await session.signedInContext(DEPARTMENT);
  const form = await mette.request.get('/indberet?lang=da');
  const text = await form.text();
  const hidden = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(text)?.[1] ?? '';
  const reported = await mette.request.post('/indberet', {
    form: {
      csrf: hidden('csrf'),
      submissionKey: hidden('submissionKey'),
      departmentId: 'suh-brystkirurgi',
      cancerType: 'brystkraeft',
      'pathwayTypes[]': 'behandling',
      'modalities[]': 'kirurgi',
      patientsAtRisk: '3',
      from: localDate(new Date()),
      scope: 'hospital',
      description: 'Mangel på operationstid.',
    },
    maxRedirects: 0,
  });
  problemId = /\/problemer\/([0-9A-Z]+)\/kvittering/.exec(reported.headers().location ?? '')?.[1] ?? '';
  expect(problemId, 'the report was stored').not.toBe('');
  await mette.close();
  answerPath = await waitForAnswerLink(problemId);
  visits = await pagesToVisit();
}, 120_000);

afterAll(() => session?.close());

/** The `/svar/<token>` link of the first escalation e-mail about the problem (sent by its workflow). */
async function waitForAnswerLink(id: string): Promise<string> {
  for (let tries = 0; tries < 120; tries++) {
    const response = await session.context.request.get(`/local/outbox?problem=${id}`, {
      headers: { accept: 'application/json' },
    });
    const { messages } = (await response.json()) as { messages: { purpose: string; text: string }[] };
    const link = messages
      .filter((m) => m.purpose === 'escalation')
      .map((m) => /\/svar\/[\w-]+/.exec(m.text)?.[0])
      .find(Boolean);
    if (link) return link;
    await new Promise((ok) => setTimeout(ok, 250));
  }
  throw new Error(`No answer link was e-mailed for ${id}`);
}

/** The first link to `path` in an e-mail the system sent for `purpose`, as a path. */
async function mailedLink(purpose: string, path: RegExp): Promise<string> {
  const response = await session.context.request.get('/local/outbox', {
    headers: { accept: 'application/json' },
  });
  const { messages } = (await response.json()) as { messages: { purpose: string; text: string }[] };
  const link = messages
    .filter((m) => m.purpose === purpose)
    .map((m) => path.exec(m.text)?.[0])
    .find(Boolean);
  if (!link) throw new Error(`No ${purpose} e-mail links to ${path}`);
  return link;
}

async function pagesToVisit(): Promise<typeof visits> {
  const request = session.context.request;
  // A sign-in link (only shown until it is used) and a contact-verification link from its e-mail.
  const { users } = (await (
    await request.get('/local/demo-users', { headers: { accept: 'application/json' } })
  ).json()) as { users: { email: string; signInUrl?: string }[] };
  const signInUrl = users.find((u) => u.email === DIRECTOR.email)?.signInUrl ?? '';
  const signInPath = new URL(signInUrl).pathname;
  await request.post('/local/jobs/contact-verification', { headers: { accept: 'application/json' } });
  const verifyPath = await mailedLink('contact-verification', /\/kontakter\/bekraeft\/[\w-]+/);
  await request.post('/local/jobs/provider-verification', { headers: { accept: 'application/json' } });
  const providerVerifyPath = await mailedLink(
    'provider-verification',
    /\/eksterne-udbydere\/bekraeft\/[\w-]+/,
  );
  const periods = await listHolidayPeriods();
  const now = new Date();
  const period = (periods.find((p) => periodPhase(p, now) !== 'ended') ?? periods[0])?.id;
  const year = (await listCapacityChecks()).map((c) => c.year).sort((a, b) => b - a)[0];
  const provider = (await listExternalProviders())[0]?.id;
  expect(
    [period, year, provider],
    'the demo has a holiday period, a capacity check and a provider',
  ).not.toContain(undefined);
  return {
    signedOut: [
      '/',
      '/log-ind',
      signInPath,
      answerPath,
      verifyPath,
      providerVerifyPath,
      '/local/demo-users',
      '/local/outbox',
      '/local/jobs',
    ],
    department: [
      '/indberet',
      '/ugerapport',
      `/ugerapport/kvittering?afdeling=${OWN_DEPARTMENT}`,
      '/problemer',
      `/problemer/${problemId}`,
      `/problemer/${problemId}/kvittering`,
      '/ventetider',
      '/ventetider/brystkraeft',
      '/find-kapacitet',
      '/kontakter',
      `/kontakter/${OWN_CONTACT}/rediger`,
      '/netvaerk',
      '/netvaerk/brystkraeft',
      '/eksterne-udbydere',
      `/eksterne-udbydere/${provider}/tjekliste`,
      '/ferieplaner',
      `/ferieplaner/${period}`,
      `/ferieplaner/${period}/plan`,
    ],
    checkedDepartment: ['/kapacitetstjek', `/kapacitetstjek/${year}`, `/kapacitetstjek/${year}/svar`],
    secretariat: [
      '/problemer',
      `/problemer/${problemId}`,
      '/ventetider',
      '/find-kapacitet',
      '/ferieplaner',
      `/ferieplaner/${period}`,
      `/ferieplaner/${period}/rediger`,
      '/kapacitetstjek',
      `/kapacitetstjek/${year}`,
      `/kapacitetstjek/${year}/svar`,
      '/kapacitetstjek/funktioner/hipec',
      '/kontakter',
      '/kontakter/import',
      '/kontakter/ny',
      `/kontakter/${OWN_CONTACT}/rediger`,
      '/netvaerk',
      '/netvaerk/tyk-endetarmskraeft',
      '/kvartalsstatus',
      `/kvartalsstatus/${QUARTER}`,
      '/overvaagning',
      `/overvaagning?aar=${QUARTER.slice(0, 4)}`,
      '/henvisninger',
      '/eksterne-udbydere',
      '/eksterne-udbydere/ny',
      '/eksterne-udbydere/import',
      `/eksterne-udbydere/${provider}/rediger`,
      `/eksterne-udbydere/${provider}/tjekliste`,
      '/eksterne-udbydere/tjeklister/privat',
      '/eksterne-udbydere/tjeklister/udland',
      '/stamdata',
      '/stamdata/import',
      '/stamdata/afdeling/ny',
      `/stamdata/afdeling/${OWN_DEPARTMENT}`,
      '/stamdata/hospital/ny',
      '/stamdata/kraeftform/brystkraeft',
      '/admin/revisionsspor',
      '/local/jobs',
    ],
    director: ['/kvartalsstatus', `/kvartalsstatus/${QUARTER}`, '/netvaerk', '/problemer'],
    admin: ['/admin/revisionsspor', `/admin/revisionsspor?type=problem&id=${problemId}`, '/stamdata'],
  };
}

interface Check {
  path: string;
  width: 1280 | 390;
  lang: 'da' | 'en';
}

/** Visits one page as one check and says what is wrong with it (nothing: an empty list). */
async function check(page: Page, c: Check): Promise<string[]> {
  const found: string[] = [];
  const where = `${c.path} at ${c.width} px (${c.lang})`;
  await page.setViewportSize({ width: c.width, height: 900 });
  const separator = c.path.includes('?') ? '&' : '?';
  const response = await page.goto(`${c.path}${separator}lang=${c.lang}`);
  const status = response?.status() ?? 0;
  if (status >= 400) return [`${where}: status ${status}`];
  const lang = await page.getAttribute('html', 'lang');
  if (lang !== c.lang) found.push(`${where}: <html lang="${lang}">`);
  const layout = await page.evaluate(() => {
    const small: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const own = Array.from(el.childNodes).some(
        (n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim(),
      );
      if (!own || el.closest('.sr-only, [hidden], script, style')) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      // Text in an SVG is drawn at its font size times the drawing's scale.
      const scale = el instanceof SVGGraphicsElement ? (el.getScreenCTM()?.a ?? 1) : 1;
      const size = Math.round(Number.parseFloat(getComputedStyle(el).fontSize) * scale * 10) / 10;
      if (size < 12)
        small.push(
          `${el.tagName.toLowerCase()}.${el.getAttribute('class')} ${size}px "${el.textContent?.trim().slice(0, 30)}"`,
        );
    }
    // Dates people read are written out ("7. december 2026"); ISO only where it is code or data.
    const isoDates: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const iso = /\b\d{4}-\d{2}-\d{2}\b/.exec(n.textContent ?? '');
      if (iso && !n.parentElement?.closest('code, pre, script, style, textarea, [hidden]'))
        isoDates.push(`"${n.textContent?.trim().slice(0, 60)}"`);
    }
    // Every field people type free text into shows its limit (the server refuses longer text).
    const unlimited = Array.from(
      document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
        'textarea, input:not([type]), input[type=text], input[type=email], input[type=search], input[type=tel], input[type=url]',
      ),
    )
      // A pasted CSV file's limit is the request's size (refused whole with a clear error).
      .filter((f) => !f.readOnly && !f.hasAttribute('maxlength') && f.name !== 'csv')
      .map((f) => `${f.tagName.toLowerCase()}#${f.id || f.name}`);
    return {
      unlimited,
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      small: small.slice(0, 3),
      isoDates: isoDates.slice(0, 3),
    };
  });
  if (layout.scrollWidth > layout.innerWidth) found.push(`${where}: ${layout.scrollWidth} px wide`);
  for (const s of layout.small) found.push(`${where}: small text ${s}`);
  for (const d of layout.isoDates) found.push(`${where}: ISO date ${d}`);
  for (const f of layout.unlimited) found.push(`${where}: no maxlength on ${f}`);
  if (c.width === 1280) {
    await page.evaluate(AXE);
    const violations = await page.evaluate(async () => {
      // biome-ignore lint/suspicious/noExplicitAny: axe is injected into the page as a global.
      const axe = (window as any).axe;
      const result = await axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      });
      return result.violations
        .filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical')
        .map((v: { id: string; nodes: { target: string[] }[] }) => `${v.id} ${v.nodes[0]?.target.join(' ')}`);
    });
    for (const v of violations) found.push(`${where}: axe ${v}`);
  }
  return found;
}

/** Every page × both widths × both languages for one role, a few tabs at a time; the findings. */
async function checkAll(user: DemoUser | undefined, paths: string[]): Promise<string[]> {
  const context: BrowserContext = await session.signedInContext(user);
  const queue: Check[] = paths.flatMap((path) =>
    ([1280, 390] as const).flatMap((width) => (['da', 'en'] as const).map((lang) => ({ path, width, lang }))),
  );
  const findings: string[] = [];
  try {
    await Promise.all(
      Array.from({ length: TABS }, async () => {
        const page = await context.newPage();
        for (let next = queue.shift(); next; next = queue.shift())
          findings.push(...(await check(page, next)));
        await page.close();
      }),
    );
  } finally {
    await context.close();
  }
  return findings.sort();
}

describe('every page, at desktop and phone width, in Danish and English', () => {
  it('signed out, and through e-mail links', async () => {
    expect(await checkAll(undefined, visits.signedOut)).toEqual([]);
  }, 300_000);

  it('as a department coordinator', async () => {
    expect(await checkAll(DEPARTMENT, visits.department)).toEqual([]);
  }, 300_000);

  it('as a department asked in the yearly capacity check', async () => {
    expect(await checkAll(CHECKED_DEPARTMENT, visits.checkedDepartment)).toEqual([]);
  }, 300_000);

  it('as the secretariat', async () => {
    expect(await checkAll(SECRETARIAT, visits.secretariat)).toEqual([]);
  }, 300_000);

  it('as a health director and as the administrator', async () => {
    const findings = [
      ...(await checkAll(DIRECTOR, visits.director)),
      ...(await checkAll(ADMIN, visits.admin)),
    ];
    expect(findings).toEqual([]);
  }, 300_000);

  it('leaves no page of the router out', () => {
    const visited = Object.values(visits).flat();
    expect(unvisitedPages(routeTable(), visited)).toEqual([]);
    // The check itself sees the router's pages (the local ones included).
    expect(unvisitedPages(routeTable(), [])).toEqual(
      expect.arrayContaining(['/kontakter/bekraeft/:token', '/local/jobs', '/ferieplaner/:id/plan']),
    );
  });
});
