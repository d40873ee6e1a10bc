// Firefox with the built extension, through puppeteer-core over WebDriver BiDi.
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../../lib/extension-ids';
import { firefoxPrefs } from '../../support/browser-options.mjs';
import { gotoWithoutLoad } from '../../support/firefox-navigation.mjs';
import { cleanUp, executablePath, extensionDir, headed } from './env';
import type { BrowserUnderTest, GotoOptions, LaunchOptions, PageUnderTest, Portal, WaitOptions } from './types';

/** The moz-extension:// host the tests pin for the extension (pref extensions.webextensions.uuids). */
export const FIREFOX_EXTENSION_UUID = '5d0c9a3e-7b41-4f6a-9c2e-1e8b6f4d2a70';

const DEFAULT_WAIT = 10_000;

export async function launchFirefox(portal: Portal, options: LaunchOptions = {}): Promise<BrowserUnderTest> {
  const dir = extensionDir('firefox', options.extensionDir);
  const executable = executablePath('firefox');
  let browser: Browser | undefined;
  try {
    // Puppeteer makes a temporary profile with these prefs and removes it on close (unless
    // the caller gives one to keep: then the extension, installed again at each start as a
    // temporary add-on, keeps its storage).
    const keep = options.profileDir
      ? { 'extensions.webextensions.keepStorageOnUninstall': true, 'extensions.webextensions.keepUuidOnUninstall': true }
      : {};
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: executable,
      headless: !headed(options.headed),
      acceptInsecureCerts: true,
      args: ['--remote-allow-system-access'],
      ...(options.profileDir ? { userDataDir: options.profileDir } : {}),
      extraPrefsFirefox: {
        ...firefoxPrefs({ geckoId: GECKO_ID, extensionUuid: FIREFOX_EXTENSION_UUID, proxyPort: portal.proxyPort }),
        ...keep,
        ...(options.locale ? uiLocalePrefs(options.locale) : {}),
      },
    });
    const id = await browser.installExtension(dir);
    if (id !== GECKO_ID) throw new Error(`Firefox installed the extension as ${id}, expected ${GECKO_ID}.`);
  } catch (error) {
    await cleanUp([() => browser?.close()]);
    throw error;
  }

  const b = browser;
  let closed = false;
  return {
    name: 'firefox',
    extensionUrl: (path) => `moz-extension://${FIREFOX_EXTENSION_UUID}/${path.replace(/^\//, '')}`,
    newPage: async () => wrapPage(await b.newPage()),
    // Puppeteer's `>>>` descends into open shadow roots (its ::-p-aria selectors do not).
    deep: (host, inner) => `${host} >>> ${inner}`,
    submissions: () => portal.submissions,
    async close() {
      if (closed) return;
      closed = true;
      await b.close();
    },
  };
}

/**
 * Firefox's UI language: the distribution's language packs (Debian's firefox-esr-l10n-*, in
 * the application's browser/extensions) enabled, and the locale requested.
 */
function uiLocalePrefs(locale: string): Record<string, unknown> {
  return {
    'intl.locale.requested': locale,
    'extensions.autoDisableScopes': 0,
    'extensions.enabledScopes': 15,
  };
}

function wrapPage(page: Page): PageUnderTest {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error instanceof Error ? error.message : String(error)));
  return {
    errors,
    async goto(url: string, options: GotoOptions = {}) {
      const timeout = options.timeout ?? 30_000;
      if (!url.startsWith('moz-extension:') && options.until !== 'commit') {
        await page.goto(url, { waitUntil: 'load', timeout });
        return;
      }
      // Firefox never reports `load` for moz-extension:// documents over BiDi, and Puppeteer
      // has no "commit".
      await gotoWithoutLoad(page, url, { timeout });
    },
    async waitFor(selector: string, options: WaitOptions = {}) {
      const state = options.state ?? 'attached';
      await page.waitForSelector(selector, {
        timeout: options.timeout ?? DEFAULT_WAIT,
        visible: state === 'visible',
        hidden: state === 'hidden',
      });
    },
    async click(selector: string) {
      await page.locator(selector).setTimeout(DEFAULT_WAIT).click();
    },
    async press(key: string) {
      await page.keyboard.press(key as Parameters<Page['keyboard']['press']>[0]);
    },
    async type(selector: string, text: string) {
      await page.locator(selector).setTimeout(DEFAULT_WAIT).click();
      await page.keyboard.type(text);
    },
    async texts(selector: string) {
      return page.$$eval(selector, (elements) => elements.map((e) => e.textContent ?? ''));
    },
    async evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
      // Puppeteer's generic signature is stricter than ours; the runtime contract is the same.
      const run = page.evaluate.bind(page) as unknown as (f: typeof fn, a: A | undefined) => Promise<R>;
      return run(fn, arg);
    },
    async screenshot(path: string) {
      await page.screenshot({ path: path as `${string}.png` });
    },
    // page.url() stays about:blank after a moz-extension:// navigation: ask the document.
    url: () => page.evaluate(() => location.href),
    async close() {
      if (!page.isClosed()) await page.close();
    },
  };
}
