// Firefox with the built extension (puppeteer-core over WebDriver BiDi, same prefs as
// tests/e2e/harness/firefox.ts): every https:// request goes through the replica's CONNECT
// proxy, so pages keep their real origin.
import puppeteer from 'puppeteer-core';
import { firefoxPrefs } from '../../tests/support/browser-options.mjs';
import { gotoWithoutLoad } from '../../tests/support/firefox-navigation.mjs';
import { onOneCpu } from './one-cpu.mjs';
import { mainThreadCpu } from './process-cpu.mjs';

export const GECKO_ID = 'priority-guard@support-tools';
export const FIREFOX_EXTENSION_UUID = '5d0c9a3e-7b41-4f6a-9c2e-1e8b6f4d2a70';

/** oneCpu: run all of Firefox on one CPU (row 6, docs/performance.md); `pinnedTo` says if it could. */
export async function launchFirefox({ extensionDir, portal, executablePath = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr', oneCpu = false, prefs = {} }) {
  const pinned = oneCpu ? onOneCpu(executablePath) : null;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: pinned?.script ?? executablePath,
    headless: true,
    acceptInsecureCerts: true,
    defaultViewport: { width: 1280, height: 800 },
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      ...firefoxPrefs({ geckoId: GECKO_ID, extensionUuid: FIREFOX_EXTENSION_UUID, proxyPort: portal.proxyPort }),
      // Full-resolution performance.now() (by default Firefox rounds it to 1 ms in pages
      // that are not cross-origin isolated): the pages time sub-millisecond bursts.
      'privacy.reduceTimerPrecision': false,
      ...prefs,
    },
  }).catch((error) => {
    pinned?.remove();
    throw error;
  });
  try {
    const id = await browser.installExtension(extensionDir);
    if (id !== GECKO_ID) throw new Error(`Firefox installed the extension as ${id}, expected ${GECKO_ID}`);
  } catch (error) {
    await browser.close().catch(() => undefined);
    pinned?.remove();
    throw error;
  }
  return {
    name: 'firefox',
    version: await browser.version(),
    browser,
    pinnedTo: pinned ? pinned.cpu : null,
    /** Main-thread CPU time (ns) of each of Firefox's processes (Linux), or null. */
    mainThreadCpu: () => mainThreadCpu(browser.process()?.pid),
    popupUrl: `moz-extension://${FIREFOX_EXTENSION_UUID}/popup.html`,
    async newTab() {
      return wrapPuppeteerPage(await browser.newPage());
    },
    async close() {
      try {
        await browser.close();
      } catch {
        // already gone
      } finally {
        pinned?.remove();
      }
    },
  };
}

/** The small page surface the browser-neutral measurements use (Puppeteer flavour). */
export function wrapPuppeteerPage(page) {
  return {
    raw: page,
    async goto(url, { waitUntil = 'load', timeout = 30_000, settle = false } = {}) {
      if (!url.startsWith('moz-extension:')) return page.goto(url, { waitUntil, timeout });
      // Firefox never reports `load` for moz-extension:// documents over BiDi. settle: the
      // caller polls itself later (nothing is evaluated in the page while it loads).
      if (settle) {
        page.goto(url, { waitUntil, timeout }).catch(() => undefined);
        return null;
      }
      await gotoWithoutLoad(page, url, { timeout, complete: true, every: 20 });
      return null;
    },
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    waitForFunction: (fn, arg, { timeout = 10_000, polling = 'raf' } = {}) => page.waitForFunction(fn, { timeout, polling }, arg),
    press: (key) => page.keyboard.press(key),
    front: () => page.bringToFront(),
    close: () => page.close(),
  };
}
