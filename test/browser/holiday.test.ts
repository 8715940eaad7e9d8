/**
 * The holiday plans in a real (headless) browser, whole local system, no mocks: Specialenheden
 * opens the demo period ahead, sees the weeks at risk coloured and the proposals elsewhere; a
 * department corrects its plan (a Danish error first) and the plan view shows the change.
 * Screenshot for people (not asserted): /tmp/kk-ferieplan.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, startBrowserSession } from './harness.ts';

const SECRETARIAT = {
  email: 'specialenheden@specialenheden.example',
  name: 'Specialenheden for behandling af livstruende sygdomme',
};
const DEPARTMENT = { email: 'mette.holm@regionsjaelland.example', name: 'Mette Holm' }; // suh-brystkirurgi

let session: BrowserSession;
let page: Page;
let periodPath = '';

beforeAll(async () => {
  session = await startBrowserSession();
  page = session.page;
});

afterAll(() => session?.close());

describe('the holiday plans', () => {
  it('show the period ahead with Region Nordjylland’s first week at risk and proposals elsewhere', async () => {
    await session.signInAs(SECRETARIAT);
    await page.goto('/ventetider');
    await page
      .getByRole('navigation', { name: 'Hovedmenu' })
      .getByRole('link', { name: 'Ferieplaner' })
      .click();
    expect(await page.locator('h1').textContent()).toBe('Ferieplaner');
    const ahead = page.locator('#ferieperioder tr', { hasText: 'Planlægges' }).first();
    const link = ahead.locator('th a').first();
    periodPath = (await link.getAttribute('href')) ?? '';
    await link.click();
    const risk = page
      .locator('tbody[data-cancer-type="brystkraeft"] tr[data-region="nordjylland"] td')
      .first();
    expect(await risk.getAttribute('data-risk')).toBe('low');
    expect(await risk.getAttribute('class')).toBe('kk-p-severe');
    expect(await risk.textContent()).toContain('50 %');
    const proposals = page.locator('li[data-risk-week^="brystkraeft#nordjylland#"] li[data-proposal]');
    expect(await proposals.count()).toBeGreaterThan(0);
    expect(await proposals.first().textContent()).toMatch(/Region (Hovedstaden|Midtjylland)/);
    await page.screenshot({ path: '/tmp/kk-ferieplan.png', fullPage: true });
  });

  it('lets a department correct its plan, with the error beside the field', async () => {
    await session.signInAs(DEPARTMENT);
    await page.goto(periodPath);
    await page.getByRole('link', { name: 'Indsend eller ret afdelingens plan' }).click();
    const week = (await page.locator('#planform tbody tr').first().getAttribute('data-week')) ?? '';
    await page.locator(`[id="${week}.kirurgi"]`).fill('180');
    await page.getByRole('button', { name: 'Indsend ferieplan' }).click();
    expect(await page.locator('#fejl').textContent()).toContain('Angiv højst 150 % af normalt.');
    await page.locator(`[id="${week}.kirurgi"]`).fill('130');
    await page.locator(`[id="${week}.udredning"]`).fill('130');
    await page.getByRole('button', { name: 'Indsend ferieplan' }).click();
    await page.waitForURL(/gemt=1/);
    expect(await page.locator('.alert-success').textContent()).toContain('Ferieplanen er gemt.');
    await page.getByRole('link', { name: 'Tilbage til ferieplanen' }).click();
    const status = page.locator('#planstatus tr[data-department="suh-brystkirurgi"]');
    expect(await status.textContent()).toContain('Indsendt');
  });
});
