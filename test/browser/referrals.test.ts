/**
 * A region's primærindgang records the week's referral counts in a real (headless) browser, and
 * the counts then show on /ventetider, on the cancer type's page and in the quarterly status.
 * Whole local system, no mocks.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quarterOfWeek } from '../../functions/domain/referrals.ts';
import { isoWeekKey } from '../../functions/domain/time.ts';
import { addWeeks } from '../../functions/domain/weekly.ts';
import { prepareQuarterlyStatus } from '../../functions/services/quarterly.ts';
import { type BrowserSession, startBrowserSession } from './harness.ts';

const PRIMARY = { email: 'primaer.bryst.kirurgi@regionsjaelland.example', name: 'Villads Mikkelsen' };
const LAST_WEEK = addWeeks(isoWeekKey(new Date()), -1);

let session: BrowserSession;
let page: Page;

beforeAll(async () => {
  session = await startBrowserSession();
  page = session.page;
});

afterAll(() => session?.close());

describe('weekly referral counts', () => {
  it('are recorded by the region’s primærindgang, with a Danish error first', async () => {
    await session.signInAs(PRIMARY);
    await page.goto('/ventetider');
    await page.getByRole('link', { name: 'Indberet regionens tal' }).click();
    expect(await page.locator('h1').textContent()).toBe('Henvisning til andet sted');
    // Last week is chosen; the demo already recorded it, so the form starts from those figures.
    expect(await page.locator('#uge').inputValue()).toBe(LAST_WEEK);
    await page.getByLabel('Brystkræft, Udlandet: tilbudt').fill('7');
    await page.getByLabel('Brystkræft, Udlandet: takket ja').fill('9');
    await page.getByRole('button', { name: 'Gem ugens tal' }).click();
    expect(await page.locator('#fejl').textContent()).toContain(
      'Der kan ikke være flere, der har takket ja, end der har fået tilbuddet.',
    );
    await page.getByLabel('Brystkræft, Udlandet: takket ja').fill('4');
    await page.getByRole('button', { name: 'Gem ugens tal' }).click();
    expect(await page.locator('.alert-success').textContent()).toContain('er gemt');
    expect(await page.getByLabel('Brystkræft, Udlandet: tilbudt').inputValue()).toBe('7');
  });

  it('show on /ventetider and on the cancer type’s page, by week and destination', async () => {
    await page.goto('/ventetider');
    expect(await page.locator('#henvisninger-pr-kraeftform tr[data-cancer-type="brystkraeft"]').count()).toBe(
      1,
    );
    await page.locator('#henvisninger-pr-kraeftform').getByRole('link', { name: 'Brystkræft' }).click();
    const row = page.locator(`#henvisninger-pr-uge tr[data-week="${LAST_WEEK}"]`);
    // Abroad is the fourth destination column: Sjælland's 4 of 7 at least (other regions' demo weeks add none).
    expect(await row.locator('td').nth(3).textContent()).toBe('4 af 7');
    const sjaelland = page.locator('#henvisninger-pr-region tr[data-region="sjaelland"]');
    expect(await sjaelland.textContent()).toContain('Region Sjælland');
  });

  it('show in the quarterly status', async () => {
    const quarter = quarterOfWeek(LAST_WEEK);
    await prepareQuarterlyStatus(quarter);
    await page.goto(`/kvartalsstatus/${quarter}`);
    const sjaelland = page.locator('#henvisninger-kvartal tr[data-region="sjaelland"]');
    expect(await sjaelland.locator('td').nth(3).textContent()).toMatch(/^\d+ af \d+$/);
  });
});
