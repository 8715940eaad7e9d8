/**
 * Specialenheden uploads a region's pathway extract on /overvaagning in a real (headless)
 * browser: the page registers the upload, PUTs the file straight to the presigned URL (the
 * embedded S3 engine, another origin), shows the ingest's result, and the table shows the figures.
 * A file with an error shows the errors by line and column, and nothing is counted.
 *
 * Screenshot for people to look at (not asserted): /tmp/kk-overvaagning.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, startBrowserSession } from './harness.ts';

const SECRETARIAT = {
  email: 'specialenheden@specialenheden.example',
  name: 'Specialenheden for behandling af livstruende sygdomme',
};
const HEADER =
  'forloeb_id;region;kraeftform;forloebstype;modtaget;start;aarsag;henvisning_tilbudt;standard_dage';

let session: BrowserSession;
let page: Page;

beforeAll(async () => {
  session = await startBrowserSession();
  page = session.page;
});

afterAll(() => session?.close());

async function uploadFile(name: string, text: string) {
  await page.locator('#upload-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  await page.getByRole('button', { name: 'Upload' }).click();
}

describe('monitoring page: upload an extract and see the table', () => {
  it('signs in as Specialenheden and opens the page for 2023 (no figures yet)', async () => {
    await session.signInAs(SECRETARIAT);
    await page.goto('/overvaagning?aar=2023');
    expect(await page.locator('h1').textContent()).toContain('Overvågning af maksimale ventetider');
    expect(await page.locator('#landsplan').textContent()).toContain('Hele 2023');
  });

  it('shows the errors of a bad file by line and column, counting nothing', async () => {
    await uploadFile('forkert.csv', `${HEADER}\r\nb1;fyn;brystkraeft;udredning;2023-05-02;2023-05-10;;;\r\n`);
    const status = page.locator('#upload-status');
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toContain('Filen blev afvist');
    const cells = await status.locator('tbody tr td').allTextContents();
    expect(cells.slice(0, 2)).toEqual(['2', 'region']);
    expect(cells[2]).toContain('Ukendt region');
  });

  it('uploads a good file and sees its figures in the national table', async () => {
    const rows = [
      'a1;hovedstaden;brystkraeft;udredning;2023-01-02;2023-01-16;;;',
      'a2;1085;brystkraeft;udredning;2023-01-02;2023-01-20;kapacitet;ja;',
      'a3;hovedstaden;lungekraeft;behandling;2023-02-01;2023-02-25;helbred;;',
      'a4;hovedstaden;brystkraeft;pakkeforloeb;2023-02-01;2023-02-20;;;30',
    ];
    await uploadFile('region-2023.csv', `${HEADER}\r\n${rows.join('\r\n')}\r\n`);
    const status = page.locator('#upload-status');
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toContain('Filen er godkendt');
    expect(await status.textContent()).toContain('4 forløb indlæst');
    await status.getByRole('link', { name: 'Vis de opdaterede tal' }).click();
    const table = page.locator('#landsplan');
    await table.waitFor();
    const totals = await table.locator('tbody tr').first().locator('td').allTextContents();
    expect(totals).toEqual(['3', '0', '0', '0', '3']); // Q1 … Q4, year
    const within = await table.locator('tbody tr').nth(1).locator('td').first().textContent();
    expect(within).toContain('33,33 %');
    expect(await page.locator('#pakkeforloeb tr[data-region="national"]').textContent()).toContain(
      '100,00 %',
    );
    await page.screenshot({ path: '/tmp/kk-overvaagning.png', fullPage: true });
  });

  it('filters by cancer type and offers the tables as CSV', async () => {
    await page.selectOption('#kraeftform', 'lungekraeft');
    await page.getByRole('button', { name: 'Vis' }).click();
    await page.waitForURL(/kraeftform=lungekraeft/);
    const totals = await page.locator('#landsplan tbody tr').first().locator('td').allTextContents();
    expect(totals).toEqual(['1', '0', '0', '0', '1']);
    const href = await page.getByRole('link', { name: 'Hent tabellerne som CSV' }).getAttribute('href');
    const csv = await page.request.get(href as string);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect(await csv.text()).toContain('2023;Hele landet;1;0;0,00;1;100,00');
  });
});
