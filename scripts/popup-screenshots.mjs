// Screenshots of the popup's result view for the README, light and dark:
//   npm run build && node scripts/popup-screenshots.mjs
// Opens the built popup page (380 px wide) in Chromium beside the replica ticket form, walks
// to a Priority 2 and saves docs/screenshots/popup-result-{light,dark}.png. Set
// EXTENSION_DIR to use another build than .output/chrome-mv3.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startPortalServer } from '../tests/support/portal-server.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const EXTENSION = resolve(process.env.EXTENSION_DIR ?? '.output/chrome-mv3');
const EXTENSION_ID = 'hfhpnmcfbmnkleljegpbajcphgcanpho'; // lib/extension-ids.ts
const FORM = 'https://support.puppet.com/hc/en-us/requests/new?fixture=zendesk-select';
const OUT = resolve('docs/screenshots');

const portal = await startPortalServer();
const profile = mkdtempSync(join(tmpdir(), 'pg-shots-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless: true,
  ignoreHTTPSErrors: true,
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--ignore-certificate-errors',
    `--host-resolver-rules=MAP support.puppet.com 127.0.0.1:${portal.port}`,
    `--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`,
  ],
});
try {
  const form = await context.newPage();
  await form.goto(FORM);
  await form.waitForSelector('html[data-priority-guard="armed"]');

  const popup = await context.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(`chrome-extension://${EXTENSION_ID}/popup.html`);
  await popup.waitForSelector('.pg-popup');
  const tabId = await popup.evaluate(async () => {
    for (const tab of await chrome.tabs.query({})) {
      const answer = await chrome.tabs.sendMessage(tab.id, { type: 'get-status' }).catch(() => undefined);
      if (answer?.armed) return tab.id;
    }
    throw new Error('The replica form did not answer');
  });
  mkdirSync(OUT, { recursive: true });
  for (const scheme of ['light', 'dark']) {
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.goto(`chrome-extension://${EXTENSION_ID}/popup.html?tabId=${tabId}`);
    await popup.click('.pg-panel:not([hidden]) [data-action="start-over"]');
    await popup.waitForSelector('.pg-tab-status-armed');
    // Something is wrong, in production, impaired, with no workaround: Priority 2.
    for (const [question, key] of [['question', '2'], ['production', '1'], ['severity', '2'], ['workaround', '2']]) {
      await popup.waitForSelector(`.pg-step[data-question="${question}"]`);
      await popup.keyboard.press(key);
      await popup.keyboard.press('Enter');
    }
    await popup.waitForSelector('[data-action="use-level"]');
    const file = join(OUT, `popup-result-${scheme}.png`);
    await popup.screenshot({ path: file, fullPage: true });
    console.log(`Saved ${file}`);
  }
} finally {
  await context.close().catch(() => {});
  await portal.close();
  rmSync(profile, { recursive: true, force: true });
}
