/**
 * A department coordinator corrects her own entry on the phone list in a real (headless)
 * browser and finds the change on the filtered list — the whole local system, no mocks. The
 * secretariat then imports a CSV file through the file chooser.
 * Screenshot for people (not asserted): /tmp/kk-telefonliste.png.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it('sees the whole phone list at 1,280 px, the edit link on screen and job titles at a readable size', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/kontakter');
    const row = page.locator(`tr[data-contact="${METTE.contact}"]`);
    const edit = row.getByRole('link', { name: /Ret/ });
    const box = await edit.boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(1280);
    const titleSize = await row
      .locator('.kk-muted')
      .first()
      .evaluate((el) => getComputedStyle(el).fontSize);
    expect(Number.parseFloat(titleSize)).toBeGreaterThanOrEqual(14);
  });

  it('edits her entry from the phone list, with a Danish error first', async () => {
    await page
      .getByRole('navigation', { name: 'Hovedmenu' })
      .getByRole('link', { name: 'Telefonliste' })
      .click();
    await page.locator(`tr[data-contact="${METTE.contact}"]`).getByRole('link', { name: /Ret/ }).click();
    expect(await page.locator('h1').textContent()).toContain('Ret kontakt');

    // A pasted title longer than the limit is cut by the browser, and the page says so.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.evaluate(() => navigator.clipboard.writeText('Koordinator '.repeat(20)));
    await page.locator('#title').fill('');
    await page.locator('#title').press('Control+V');
    expect(await page.locator('#title').inputValue()).toHaveLength(120);
    expect(await page.locator('#title-taeller').textContent()).toContain('afkortet til 120 tegn');

    await page.locator('#phone').fill('12345678');
    await page.getByRole('button', { name: 'Gem kontakt' }).click();
    expect(await page.locator('#fejl').textContent()).toContain('Angiv telefonnummeret som +45 12 34 56 78.');

    await page.locator('#phone').fill('+45 55 44 33 22');
    await page.locator('#title').fill('Koordinerende sygeplejerske, kirurgisk ambulatorium');
    await page.getByRole('button', { name: 'Gem kontakt' }).click();
    await page.waitForURL(/\/kontakter\?gemt=/);
    expect(await page.getByRole('status').textContent()).toContain('Kontakten er gemt');
    expect(await page.getByRole('status').textContent()).toContain('Mette Holm');
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

describe('the secretariat imports a CSV file with the file chooser', () => {
  it('reports new, updated and unchanged rows', async () => {
    await page.context().clearCookies();
    await session.signInAs({
      email: 'specialenheden@specialenheden.example',
      name: 'Specialenheden for behandling af livstruende sygdomme',
    });
    const exported = await page.request.get('/kontakter.csv');
    const lines = (await exported.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const header = lines[0] ?? '';
    const [first = '', second = ''] = lines.slice(1);
    // One row as exported (unchanged), one with a new title (updated), one new contact.
    const renamed = second.replace(/^([^;]*;[^;]*;[^;]*;)[^;]*/, '$1Ny titel fra filen');
    const added = first.replace(/^[^;]*/, 'importeret-fra-fil').replace(/[^;@]+@/, 'importeret-fra-fil@');
    const dir = mkdtempSync(join(tmpdir(), 'kk-import-'));
    const file = join(dir, 'kontakter.csv');
    writeFileSync(file, `\uFEFF${[header, first, renamed, added].join('\r\n')}\r\n`);

    await page.goto('/kontakter/import');
    await page.getByLabel('CSV-fil').setInputFiles(file);
    await page.getByRole('button', { name: 'Importér' }).click();
    const status = await page.getByRole('status').textContent();
    expect(status).toContain('3 rækker læst');
    expect(status).toContain('1 nye, 1 opdateret, 1 uændret.');
  });
});
