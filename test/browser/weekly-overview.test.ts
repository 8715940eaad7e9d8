/**
 * A department coordinator submits this week's waiting times in a real (headless) browser, then
 * finds them on the national overview (drilling down to the cancer type) and in the capacity
 * finder — the whole local system, no mocks.
 *
 * Screenshots for people to look at (not asserted): /tmp/kk-ugerapport.png,
 * /tmp/kk-ventetider.png, /tmp/kk-ventetider-bryst.png, /tmp/kk-find-kapacitet.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, startBrowserSession } from './harness.ts';

const METTE = { email: 'mette.holm@regionsjaelland.example', name: 'Mette Holm' };
const COMMENT = 'Ekstra operationsdage i uge for uge.';

let session: BrowserSession;
let page: Page;

beforeAll(async () => {
  session = await startBrowserSession();
  page = session.page;
});

afterAll(() => session?.close());

const field = (name: string) => page.locator(`[id="${name}"]`);

describe('weekly waiting times: report, overview, finder', () => {
  it('signs in as Mette Holm', async () => {
    await session.signInAs(METTE);
  });

  it('submits the weekly report, first with an error, then corrected', async () => {
    await page
      .getByRole('navigation', { name: 'Hovedmenu' })
      .getByRole('link', { name: 'Ventetider' })
      .click();
    await page.getByRole('link', { name: 'Indberet ugens tal' }).click();
    expect(await page.locator('h1').textContent()).toContain('Ugerapport');

    await field('brystkraeft.udredningDays').fill('');
    await field('brystkraeft.treatmentDays.kirurgi').fill('1');
    await field('brystkraeft.spareCapacity').fill('9');
    await field('brystkraeft.comment').fill(COMMENT);
    await page.getByRole('button', { name: 'Indberet ugens tal' }).click();
    const error = page.locator('[id="brystkraeft.udredningDays-fejl"]');
    await error.waitFor();
    expect(await error.textContent()).toContain('Angiv forventet antal dage til start af udredning.');
    expect(await field('brystkraeft.treatmentDays.kirurgi').inputValue()).toBe('1');
    expect(await field('brystkraeft.comment').inputValue()).toBe(COMMENT);

    await field('brystkraeft.udredningDays').fill('3');
    await page.screenshot({ path: '/tmp/kk-ugerapport.png', fullPage: true });
    await page.getByRole('button', { name: 'Indberet ugens tal' }).click();
    await page.getByText('er gemt').waitFor();
  });

  it('sees it on the national overview and in the drill-down for the cancer type', async () => {
    await page.goto('/ventetider');
    const cell = page
      .locator('#national tr', { hasText: 'Brystkræft' })
      .locator('td[data-region="sjaelland"]');
    expect(await cell.getAttribute('data-pressure')).toMatch(/ok|tight|over|severe/);
    expect(await cell.locator('svg').count()).toBe(1);
    await page.screenshot({ path: '/tmp/kk-ventetider.png', fullPage: true });

    await cell.locator('a').click();
    await page.waitForURL(/\/ventetider\/brystkraeft#region-sjaelland$/);
    const row = page.locator('tr[data-department="suh-brystkirurgi"]');
    expect(await row.getAttribute('data-status')).toBe('reported');
    expect(await row.textContent()).toContain(COMMENT);
    await page.screenshot({ path: '/tmp/kk-ventetider-bryst.png', fullPage: true });
  });

  it('finds the department first in the capacity finder', async () => {
    await page.getByRole('link', { name: 'Find kapacitet' }).first().click();
    await page.locator('#cancerType').selectOption('brystkraeft');
    await page.locator('#pathway').selectOption('kirurgi');
    await page.locator('#region').selectOption('syddanmark');
    await page.getByRole('button', { name: 'Find afdelinger' }).click();
    const first = page.locator('#finder-results tbody tr').first();
    await first.waitFor();
    expect(await first.getAttribute('data-department')).toBe('suh-brystkirurgi');
    expect(await first.textContent()).toContain('1 dag');
    expect(await first.textContent()).toContain('primaer.bryst.kirurgi@regionsjaelland.example');
    await page.screenshot({ path: '/tmp/kk-find-kapacitet.png', fullPage: true });
  });
});
