/**
 * Shared setup for the browser tests: the whole local system (in memory, no scheduler) and a headless
 * Debian Chromium driven by playwright-core, with one signed-out page.
 */
import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
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
  /** A fresh browser context (its own cookies), signed in as `user` when given; close it when done. */
  signedInContext(user?: DemoUser): Promise<BrowserContext>;
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
    const newContext = async () => {
      const created = await (browser as Browser).newContext({
        baseURL: (runtime as LocalRuntime).url,
        locale: 'da-DK',
      });
      created.setDefaultTimeout(15_000);
      return created;
    };
    context = await newContext();
    const page = await context.newPage();

    const signIn = async (on: Page, user: DemoUser, beforeConfirm?: () => Promise<void>) => {
      // In Danish whatever the last page chose: the links are found by their Danish names.
      await on.goto('/local/demo-users?lang=da');
      await on
        .locator(`tr[data-email="${user.email}"]`)
        .getByRole('link', { name: `Log ind som ${user.name}` })
        .click();
      // The link only shows a confirmation; signing in takes a deliberate POST.
      const confirm = on.getByRole('button', { name: 'Log ind', exact: true });
      await confirm.waitFor();
      await beforeConfirm?.();
      await confirm.click();
      await on.locator('.kk-user', { hasText: user.name }).waitFor();
    };
    const signInAs: BrowserSession['signInAs'] = (user, beforeConfirm) => signIn(page, user, beforeConfirm);
    const signedInContext: BrowserSession['signedInContext'] = async (user) => {
      const fresh = await newContext();
      if (user) {
        const on = await fresh.newPage();
        await signIn(on, user);
        await on.close();
      }
      return fresh;
    };

    return { runtime, browser, context, page, signInAs, signedInContext, close };
  } catch (error) {
    await close();
    throw error;
  }
}
