/**
 * Specialenheden maintains the register of external providers in a real (headless) browser, and
 * the capacity finder then shows a valid foreign agreement — marked as external — when no public
 * department can start in time, with a printable referral checklist. Whole local system, no mocks.
 * Screenshot for people (not asserted): /tmp/kk-eksterne-udbydere.png.
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

describe('the register of external providers', () => {
  it('shows the demo providers, the expired agreement marked', async () => {
    await session.signInAs(SECRETARIAT);
    await page.goto('/kontakter');
    await page.getByRole('link', { name: 'Eksterne udbydere' }).click();
    expect(await page.locator('h1').textContent()).toBe('Eksterne udbydere');
    expect(await page.locator('tr[data-provider="brustzentrum-kiel"]').textContent()).toContain('Tyskland');
    expect(await page.locator('tr[data-provider="klinik-nord"]').textContent()).toContain(
      'Ikke gyldig i dag',
    );
  });

  it('adds a provider, with a Danish error first', async () => {
    await page.getByRole('link', { name: 'Opret udbyder' }).click();
    await page.locator('#id').fill('hamburg-lunge');
    await page.getByLabel('Udenlandsk hospital med aftale').check();
    await page.locator('#name').fill('Lungenklinik Hamburg');
    await page.locator('#country').fill('Tyskland');
    await page.getByLabel('Lungekræft').check();
    await page.locator('#pathwayTypes-behandling').check();
    await page.locator('#modalities-kirurgi').check();
    await page.locator('#contactName').fill('International Office');
    await page.locator('#contactEmail').fill('international@lungenklinik.example');
    await page.locator('#contactPhone').fill('040 123');
    await page.locator('#typicalDays').fill('18');
    await page.getByRole('button', { name: 'Gem' }).click();
    expect(await page.locator('#fejl').textContent()).toContain('Angiv telefonnummeret med landekode');

    await page.locator('#contactPhone').fill('+49 40 123 4567');
    await page.getByRole('button', { name: 'Gem' }).click();
    await page.waitForURL(/\/eksterne-udbydere\?gemt=hamburg-lunge/);
    expect(await page.locator('tr[data-provider="hamburg-lunge"]').textContent()).toContain(
      'Lungenklinik Hamburg',
    );
    await page.screenshot({ path: '/tmp/kk-eksterne-udbydere.png', fullPage: true });
  });

  it('finds the foreign sarcoma agreement in the capacity finder and opens its checklist', async () => {
    await page
      .getByRole('navigation', { name: 'Hovedmenu' })
      .getByRole('link', { name: 'Find kapacitet' })
      .click();
    await page.locator('#cancerType').selectOption('sarkomer');
    await page.locator('#pathway').selectOption('kirurgi');
    await page.getByRole('button', { name: 'Find afdelinger' }).click();
    const row = page.locator('#finder-external tr[data-provider="sarkomcentret-lund"]');
    expect(await row.textContent()).toContain('Ekstern');
    expect(await row.textContent()).toContain('Sverige');
    await row.getByRole('link', { name: 'Henvisningstjekliste' }).click();
    expect(await page.locator('h1').textContent()).toContain('Sarkomcentret Lund');
    expect(await page.locator('h2').allTextContents()).toContain('Transport og ledsager');
  });
});
