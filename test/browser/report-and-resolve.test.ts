/**
 * A department coordinator reports a capacity problem in a real (headless) browser and later
 * resolves it from the link in her receipt e-mail — the whole local system, no mocks.
 *
 * Screenshots for people to look at (not asserted): /tmp/kk-indberet-fejl.png,
 * /tmp/kk-indberet.png, /tmp/kk-kvittering.png, /tmp/kk-loest.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, startBrowserSession } from './harness.ts';

const METTE = {
  email: 'mette.holm@regionsjaelland.example',
  name: 'Mette Holm',
  department: 'suh-brystkirurgi',
};

let session: BrowserSession;
let page: Page;

/** The whole flow shares one browser session; each step records what the next one needs. */
const flow: { reference?: string; problemPath?: string; linkPath?: string } = {};

beforeAll(async () => {
  session = await startBrowserSession();
  page = session.page;
});

afterAll(() => session?.close());

/** Reloads the outbox until a message to `to` whose subject starts with `prefix` appears. */
async function findMail(to: string, prefix: string, reference: string) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    await page.goto(`/local/outbox?to=${encodeURIComponent(to)}`);
    const mail = page
      .locator(`article.kk-mail[data-to*="${to}"]`)
      .filter({ has: page.locator('h2', { hasText: prefix }) })
      .filter({ hasText: reference });
    if ((await mail.count()) > 0) return mail.first();
    if (Date.now() > deadline) {
      throw new Error(`No e-mail "${prefix} … ${reference}" to ${to} in /local/outbox within 20 s`);
    }
    await new Promise((ok) => setTimeout(ok, 250));
  }
}

describe('a department reports a capacity problem and resolves it from the e-mail link', () => {
  it('signs in as Mette Holm through the demo users page', async () => {
    // The link only shows a confirmation naming her; signing in takes a deliberate POST.
    await session.signInAs(METTE, async () => {
      expect(await page.locator('main').textContent()).toContain(METTE.name);
    });
  });

  it('shows Danish field errors and keeps the values when the report has mistakes', async () => {
    await page.goto('/indberet');
    expect(await page.locator('h1').textContent()).toContain('Indberet kapacitetsproblem');
    expect(await page.locator('#departmentId').inputValue()).toBe(METTE.department);

    await page.locator('#cancerType').selectOption('brystkraeft');
    await page.locator('#pw-behandling').check();
    await page.locator('#mod-kirurgi').check();
    await page.locator('#patientsAtRisk').fill('');
    await page.locator('#scope-hospital').check();
    await page.locator('#description').fill('Patient 010190-1234 venter på operation.');
    await page.getByRole('button', { name: 'Indberet' }).click();

    // Re-rendered form, with the messages next to the fields they concern.
    const patientsError = page.locator('#patientsAtRisk-fejl');
    await patientsError.waitFor();
    expect((await patientsError.textContent())?.trim()).not.toBe('');
    expect(await page.locator('#description-fejl').textContent()).toContain('CPR-nummer');
    expect(await page.locator('#patientsAtRisk').getAttribute('aria-describedby')).toBe(
      'patientsAtRisk-fejl',
    );

    // Nothing she entered is lost.
    expect(await page.locator('#departmentId').inputValue()).toBe(METTE.department);
    expect(await page.locator('#cancerType').inputValue()).toBe('brystkraeft');
    expect(await page.locator('#pw-behandling').isChecked()).toBe(true);
    expect(await page.locator('#pw-udredning').isChecked()).toBe(false);
    expect(await page.locator('#mod-kirurgi').isChecked()).toBe(true);
    expect(await page.locator('#scope-hospital').isChecked()).toBe(true);
    expect(await page.locator('#description').inputValue()).toContain('010190-1234');
    expect(await page.locator('#from').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    await page.screenshot({ path: '/tmp/kk-indberet-fejl.png', fullPage: true });
  });

  it('accepts the corrected report and shows a receipt with a reference', async () => {
    await page.locator('#patientsAtRisk').fill('12');
    const description = 'Mangel på operationstider pga. sygdom blandt kirurger.';
    await page.locator('#description').fill(description);
    // The counter follows the typing (the content-hashed static/felter.js ran under the page's CSP).
    await expect
      .poll(() => page.locator('#description-taeller').textContent())
      .toBe(`${[...description].length} af 2000 tegn`);
    await page.screenshot({ path: '/tmp/kk-indberet.png', fullPage: true });
    await page.getByRole('button', { name: 'Indberet' }).click();

    const reference = page.locator('#reference');
    await reference.waitFor();
    const ref = (await reference.textContent())?.trim() ?? '';
    expect(ref).toMatch(/^KK-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(await page.locator('main').textContent()).toContain('Brystkræft');

    const caseLink = page.getByRole('link', { name: 'Se sagen og tidslinjen' });
    const problemPath = await caseLink.getAttribute('href');
    expect(problemPath).toMatch(/^\/problemer\/[^/]+$/);

    flow.reference = ref;
    flow.problemPath = problemPath ?? undefined;
    await page.screenshot({ path: '/tmp/kk-kvittering.png', fullPage: true });
  });

  it('asks level 1 for help by e-mail, as the receipt promises ("de første e-mails er sendt")', async () => {
    expect(flow.problemPath, 'the report step must have passed').toBeDefined();
    const problemId = (flow.problemPath as string).split('/').pop() as string;

    const deadline = Date.now() + 20_000;
    let levelOneMails = 0;
    while (levelOneMails === 0 && Date.now() < deadline) {
      await page.goto(`/local/outbox?problem=${encodeURIComponent(problemId)}`);
      levelOneMails = await page
        .locator(`article.kk-mail[data-problem="${problemId}"][data-level="1"]`)
        .filter({ hasNotText: '[Kræftkapacitet] Kvittering for' })
        .count();
      if (levelOneMails === 0) await new Promise((ok) => setTimeout(ok, 250));
    }
    expect(levelOneMails, 'level-1 e-mails for the problem in /local/outbox').toBeGreaterThan(0);

    // The problem page lists who was contacted.
    await page.goto(flow.problemPath as string);
    expect(await page.locator('main').textContent()).not.toContain('Ingen er kontaktet endnu.');
  });

  it('sends her a receipt e-mail whose link opens the problem without changing it', async () => {
    expect(flow.reference, 'the report step must have passed').toBeDefined();
    const reference = flow.reference as string;

    const mail = await findMail(METTE.email, '[Kræftkapacitet] Kvittering for', reference);
    expect((await mail.locator('h2').textContent())?.trim()).toMatch(
      /^\[Kræftkapacitet\] Kvittering for KK-[A-Z0-9-]+: [^:]+$/,
    );
    const link = mail.locator('a[href^="/svar/"]').first();
    flow.linkPath = (await link.getAttribute('href')) ?? undefined;
    await link.click();

    await page.waitForURL(/\/svar\//);
    expect(await page.locator('h1').textContent()).toContain(reference);
    const resolveButton = page.getByRole('button', { name: 'Markér som løst' });
    await resolveButton.waitFor();

    // Opening the link (a GET) is not an answer: the problem is still open, also on a reload.
    const badge = page.locator('.kk-summary .kk-badge');
    expect(await badge.textContent()).not.toContain('Løst');
    await page.reload();
    expect(await page.locator('.kk-summary .kk-badge').textContent()).not.toContain('Løst');
    expect(await page.locator('.kk-timeline li[data-kind="resolved"]').count()).toBe(0);
    expect(await resolveButton.count()).toBe(1);
  });

  it('marks the problem as resolved, and the page and timeline say so', async () => {
    expect(flow.linkPath, 'the e-mail step must have passed').toBeDefined();

    await page.getByRole('button', { name: 'Markér som løst' }).click();

    await page.getByText('Sagen er markeret som løst.').waitFor();
    expect((await page.locator('.kk-summary .kk-badge').textContent())?.trim()).toBe('Løst');
    expect(await page.locator('.kk-timeline li[data-kind="resolved"]').count()).toBeGreaterThanOrEqual(1);
    expect(await page.getByRole('button', { name: 'Markér som løst' }).count()).toBe(0);
    await page.screenshot({ path: '/tmp/kk-loest.png', fullPage: true });

    // The signed-in problem page agrees.
    await page.goto(flow.problemPath as string);
    expect((await page.locator('.kk-summary .kk-badge').textContent())?.trim()).toBe('Løst');
    const resolution = page.locator('.kk-timeline li[data-kind="resolved"]');
    expect(await resolution.count()).toBeGreaterThanOrEqual(1);
  });
});
