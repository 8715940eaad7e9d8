/**
 * A department coordinator corrects her own entry on the phone list in a real (headless)
 * browser and finds the change on the filtered list — the whole local system, no mocks.
 * Screenshot for people (not asserted): /tmp/kk-telefonliste.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, startBrowserSession } from './harness.ts';

const METTE = {
  email: 'mette.holm@regionsjaelland.example',
  name: 'Mette Holm',
  contact: 'suh-brystkirurgi-koordinator',
};

let session: BrowserSession;
let page: Page;

beforeAll(async () => {
  session = await startBrowserSession();
  page = session.page;
});

afterAll(() => session?.close());

describe('a department corrects its contact entry', () => {
  it('signs in as Mette Holm', async () => {
    await session.signInAs(METTE);
  });

  it('edits her entry from the phone list, with a Danish error first', async () => {
    await page
      .getByRole('navigation', { name: 'Hovedmenu' })
      .getByRole('link', { name: 'Telefonliste' })
      .click();
    await page.locator(`tr[data-contact="${METTE.contact}"]`).getByRole('link', { name: /Ret/ }).click();
    expect(await page.locator('h1').textContent()).toContain('Ret kontakt');

    await page.locator('#phone').fill('12345678');
    await page.getByRole('button', { name: 'Gem kontakt' }).click();
    expect(await page.locator('#fejl').textContent()).toContain('Angiv telefonnummeret som +45 12 34 56 78.');

    await page.locator('#phone').fill('+45 55 44 33 22');
    await page.locator('#title').fill('Koordinerende sygeplejerske, kirurgisk ambulatorium');
    await page.getByRole('button', { name: 'Gem kontakt' }).click();
    await page.waitForURL(/\/kontakter\?gemt=/);
  });

  it('finds the corrected entry on the filtered phone list', async () => {
    await page.locator('#kraeftform').selectOption('brystkraeft');
    await page.locator('#behandling').selectOption('kirurgi');
    await page.locator('#region').selectOption('sjaelland');
    await page.getByRole('button', { name: 'Vis' }).click();
    await page.waitForURL(/kraeftform=brystkraeft/);
    const row = page.locator(`tr[data-contact="${METTE.contact}"]`);
    expect(await row.textContent()).toContain('+45 55 44 33 22');
    expect(await row.textContent()).toContain('kirurgisk ambulatorium');
    await page.screenshot({ path: '/tmp/kk-telefonliste.png', fullPage: true });
  });
});
