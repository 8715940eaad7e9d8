/**
 * Shared setup for the browser tests: the whole local system (in memory, no scheduler) and a headless
 * Debian Chromium driven by playwright-core, with one signed-out page.
 */
import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { type LocalRuntime, startLocal } from '../../local/runtime.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A user listed on /local/demo-users. */
export interface DemoUser {
  email: string;
  name: string;
}

export interface BrowserSession {
  runtime: LocalRuntime;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /**
   * Signs in through /local/demo-users and waits until the header shows the user's name.
   * `beforeConfirm` runs on the confirmation page, before its "Log ind" button is pressed.
   */
  signInAs(user: DemoUser, beforeConfirm?: () => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

/** Starts the local runtime and a browser; call `close()` afterwards (it is safe to call once in afterAll). */
export async function startBrowserSession(): Promise<BrowserSession> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install it with: apt-get update && apt-get install -y chromium`,
    );
  }
  let runtime: LocalRuntime | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  const close = async () => {
    await context?.close();
    await browser?.close();
    await runtime?.close();
  };
  try {
    runtime = await startLocal({ dataDir: undefined, timeScale: 1, scheduler: false });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    context = await browser.newContext({ baseURL: runtime.url, locale: 'da-DK' });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();

    const signInAs: BrowserSession['signInAs'] = async (user, beforeConfirm) => {
      await page.goto('/local/demo-users');
      await page
        .locator(`tr[data-email="${user.email}"]`)
        .getByRole('link', { name: `Log ind som ${user.name}` })
        .click();
      // The link only shows a confirmation; signing in takes a deliberate POST.
      const confirm = page.getByRole('button', { name: 'Log ind', exact: true });
      await confirm.waitFor();
      await beforeConfirm?.();
      await confirm.click();
      await expect.poll(() => page.locator('.kk-user').textContent()).toContain(user.name);
    };

    return { runtime, browser, context, page, signInAs, close };
  } catch (error) {
    await close();
    throw error;
  }
}
