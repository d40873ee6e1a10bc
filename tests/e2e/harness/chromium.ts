// Chromium with the built extension, through playwright-core (Chrome DevTools Protocol).
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROME_EXTENSION_ID } from '../../../lib/extension-ids';
import { chromiumArgs, hostRules } from '../../support/browser-options.mjs';
import { closeTab } from '../../support/chromium-close-tab.mjs';
import { cleanUp, executablePath, extensionDir, headed, replicaHosts, tempDir } from './env';
import type { BrowserUnderTest, GotoOptions, LaunchOptions, PageUnderTest, Portal, WaitOptions } from './types';

const DEFAULT_WAIT = 10_000;

export async function launchChromium(portal: Portal, options: LaunchOptions = {}): Promise<BrowserUnderTest> {
  const dir = extensionDir('chromium', options.extensionDir);
  const executable = executablePath('chromium');
  // Every replica host resolves to the local HTTPS replica, port included, so pages keep
  // their real origin (https://support.puppet.com) and the shipped match patterns apply.
  const rules = hostRules(await replicaHosts(), portal.port);
  const profile = options.profileDir ? { path: options.profileDir, remove: () => undefined } : tempDir('pg-e2e-chromium-');
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile.path, {
      executablePath: executable,
      headless: !headed(options.headed),
      ignoreHTTPSErrors: true,
      args: [...chromiumArgs({ extensionDir: dir, hostRules: rules }), ...(options.locale ? [`--lang=${options.locale}`] : [])],
      // On Linux Chromium takes its UI language from LANGUAGE before --lang.
      ...(options.locale ? { env: { ...process.env, LANGUAGE: options.locale.replace('-', '_') } } : {}),
    });
    const id = await extensionId(context);
    if (id !== CHROME_EXTENSION_ID) {
      throw new Error(`Chromium loaded the extension as ${id}, expected ${CHROME_EXTENSION_ID}: is the manifest "key" right?`);
    }
  } catch (error) {
    await cleanUp([() => context?.close(), profile.remove]);
    throw error;
  }

  const ctx = context;
  let closed = false;
  return {
    name: 'chromium',
    extensionUrl: (path) => `chrome-extension://${CHROME_EXTENSION_ID}/${path.replace(/^\//, '')}`,
    newPage: async () => wrapPage(await ctx.newPage()),
    // Playwright's CSS engine pierces open shadow roots on its own.
    deep: (host, inner) => `${host} ${inner}`,
    submissions: () => portal.submissions,
    async close() {
      if (closed) return;
      closed = true;
      await cleanUp([() => ctx.close(), profile.remove]);
    },
  };
}

/** The extension id is the host of its service worker's URL. */
async function extensionId(context: BrowserContext): Promise<string> {
  const isExtension = (url: string) => url.startsWith('chrome-extension://');
  let worker = context.serviceWorkers().find((w) => isExtension(w.url()));
  worker ??= await context.waitForEvent('serviceworker', {
    predicate: (w) => isExtension(w.url()),
    timeout: 15_000,
  });
  return new URL(worker.url()).host;
}

function wrapPage(page: Page): PageUnderTest {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return {
    errors,
    async goto(url: string, options: GotoOptions = {}) {
      await page.goto(url, { waitUntil: options.until ?? 'load', timeout: options.timeout ?? 30_000 });
    },
    async waitFor(selector: string, options: WaitOptions = {}) {
      await page.locator(selector).first().waitFor({
        state: options.state ?? 'attached',
        timeout: options.timeout ?? DEFAULT_WAIT,
      });
    },
    async click(selector: string) {
      await page.locator(selector).first().click({ timeout: DEFAULT_WAIT });
    },
    async press(key: string) {
      await page.keyboard.press(key);
    },
    async type(selector: string, text: string) {
      await page.locator(selector).first().click({ timeout: DEFAULT_WAIT });
      await page.keyboard.type(text);
    },
    async texts(selector: string) {
      return page.locator(selector).allTextContents();
    },
    async evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
      // Playwright's overloads cannot express an optional argument generically.
      const run = page.evaluate.bind(page) as unknown as (f: typeof fn, a: A | undefined) => Promise<R>;
      return run(fn, arg);
    },
    async screenshot(path: string) {
      await page.screenshot({ path });
    },
    url: async () => page.url(),
    async close() {
      await closeTab(page);
    },
  };
}
