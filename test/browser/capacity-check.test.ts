/**
 * The yearly capacity check in a real (headless) browser, whole local system, no mocks:
 * Specialenheden opens the completed demo check from the menu, sees the capacity gaps flagged
 * with the trend against last year, and the page prints without the menu and buttons.
 * Screenshot for people (not asserted): /tmp/kk-kapacitetstjek.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, startBrowserSession } from './harness.ts';

const SECRETARIAT = {
  email: 'specialenheden@specialenheden.example',
  name: 'Specialenheden for behandling af livstruende sygdomme',
};

let session: BrowserSession;
let page: Page;

beforeAll(async () => {
  session = await startBrowserSession();
  page = session.page;
});

afterAll(() => session?.close());

describe('the capacity check summary', () => {
  it('shows demand against capacity per function and region, gaps flagged, and prints cleanly', async () => {
    await session.signInAs(SECRETARIAT);
    await page.goto('/ventetider');
    await page
      .getByRole('navigation', { name: 'Hovedmenu' })
      .getByRole('link', { name: 'Kapacitetstjek' })
      .click();
    expect(await page.locator('h1').textContent()).toBe('Kapacitetstjek af højt specialiserede funktioner');
    const nextYear = new Date().getFullYear() + 1;
    await page.getByRole('link', { name: `Kapacitetstjek ${nextYear}` }).click();
    const robot = page.locator(
      'table[data-function="robotassisteret-lungekirurgi"] tr[data-region="hovedstaden"]',
    );
    expect(await robot.getAttribute('data-gap')).toBe('1,2,4');
    expect(await robot.textContent()).toContain('Mangel på kapacitet');
    expect(await robot.textContent()).toMatch(/Efterspørgsel: \+\d+ %/);
    expect(await page.locator('#svarstatus .kk-status-overdue').count()).toBe(0);
    await page.screenshot({ path: '/tmp/kk-kapacitetstjek.png', fullPage: true });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('nav').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: /Send oversigten/ }).isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
  });
});
