/**
 * Every page as the people who use it, at a desktop (1,280 px) and a phone (390 px) width, in
 * Danish and English: no sideways scroll, no serious or critical WCAG 2.1 AA finding by axe-core,
 * and `<html lang>` matching the language. One server and one browser for the whole file.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, type DemoUser, startBrowserSession } from './harness.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const SECRETARIAT: DemoUser = {
  email: 'specialenheden@specialenheden.example',
  name: 'Specialenheden for behandling af livstruende sygdomme',
};
const DEPARTMENT: DemoUser = { email: 'mette.holm@regionsjaelland.example', name: 'Mette Holm' };

const PUBLIC_PAGES = ['/', '/log-ind'];
const DEPARTMENT_PAGES = ['/indberet', '/ugerapport', '/problemer', '/kontakter'];
const SECRETARIAT_PAGES = [
  '/problemer',
  '/ventetider',
  '/ventetider/brystkraeft',
  '/find-kapacitet',
  '/ferieplaner',
  '/kapacitetstjek',
  '/kontakter',
  '/kontakter/import',
  '/kontakter/ny',
  '/netvaerk',
  '/kvartalsstatus',
  '/overvaagning',
  '/stamdata',
];

let session: BrowserSession;
let page: Page;
const findings: string[] = [];

beforeAll(async () => {
  session = await startBrowserSession();
  page = session.page;
});

afterAll(() => session?.close());

interface Check {
  path: string;
  width: number;
  lang: 'da' | 'en';
}

async function check({ path, width, lang }: Check): Promise<void> {
  await page.setViewportSize({ width, height: 900 });
  const separator = path.includes('?') ? '&' : '?';
  const response = await page.goto(`${path}${separator}lang=${lang}`);
  const where = `${path} at ${width} px (${lang})`;
  expect(response?.status(), where).toBeLessThan(400);
  expect(await page.getAttribute('html', 'lang'), where).toBe(lang);
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  if (scrollWidth > innerWidth) findings.push(`${where}: ${scrollWidth} px wide`);
  if (width === 1280) {
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
    for (const v of violations) findings.push(`${where}: axe ${v}`);
  }
}

async function checkAll(paths: string[]): Promise<void> {
  for (const path of paths)
    for (const width of [1280, 390])
      for (const lang of ['da', 'en'] as const) await check({ path, width, lang });
}

describe('every page, at desktop and phone width, in Danish and English', () => {
  it('signed out', async () => {
    await checkAll(PUBLIC_PAGES);
    expect(findings).toEqual([]);
  });

  it('as a department coordinator', async () => {
    await page.goto('/?lang=da');
    await session.signInAs(DEPARTMENT);
    await checkAll(DEPARTMENT_PAGES);
    expect(findings).toEqual([]);
  });

  it('as the secretariat', async () => {
    await page.context().clearCookies();
    await page.goto('/?lang=da');
    await session.signInAs(SECRETARIAT);
    await checkAll(SECRETARIAT_PAGES);
    expect(findings).toEqual([]);
  });
});
