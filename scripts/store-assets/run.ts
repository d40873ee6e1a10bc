// `npm run store-assets`: the images the store forms ask for, taken from the built extension
// (run `npm run build` first) in Chromium against the replica portal, in light mode, written to
// docs/store/images/ (list: images.ts). Then checks the icon set in public/icon and every
// written image against the stores' rules, and exits 1 naming each problem.
//
// The options screenshot needs an organisation policy: as root, it writes a Chromium managed
// policy file (/etc/chromium/policies/managed/) for that one browser and removes it again.
// Starts browsers: run it under `flock /tmp/pg-browser.lock` where other browser runs share the machine.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROME_EXTENSION_ID } from '../../lib/extension-ids';
import { chromiumArgs, hostRules } from '../../tests/support/browser-options.mjs';
import { startPortalServer, type PortalServer } from '../../tests/support/portal-server.mjs';
import { iconOnCanvas, popupOverPage, promoTile } from './compose';
import { iconSetProblems, MANIFEST_ICON_SIZES, paddingProblem, STORE_ICON_PADDING } from './icon-rules';
import { STORE_IMAGES, STORE_IMAGES_DIR } from './images';
import { writeChromiumPolicy } from './policy-file';
import { decodePng, pngSize } from './png';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const EXTENSION = resolve(ROOT, '.output/chrome-mv3');
const OUT = resolve(ROOT, STORE_IMAGES_DIR);
const EXTENSION_URL = `chrome-extension://${CHROME_EXTENSION_ID}`;
const SIZE = { width: 1280, height: 800 };
const DIALOG_ZOOM = 0.68;

// The demo portal's form, filled in through the replica's `tf_` pre-fill: a P1 whose
// description tells Support some of what it needs, so the dialog shows found and missing.
const DEMO_FORM =
  'https://support.puppet.com/hc/en-us/requests/new?' +
  new URLSearchParams({
    tf_anonymous_requester_email: 'ops@example.com',
    tf_subject: 'Agent runs fail on every node',
    tf_description:
      'Since 09:10 UTC every agent run fails with a server error from the primary server. Nothing was changed on our side.',
    tf_priority: 'urgent',
    tf_360077: '2023.8.1',
  }).toString();
// The plain replica form the popup hands its result to.
const POPUP_FORM = 'https://support.puppet.com/hc/en-us/requests/new?fixture=zendesk-select';
const NAME = 'Priority Guard';
const PROMO_LINE = 'Check the Priority 1 definition before a P1 ticket goes in.';

const problems: string[] = [];
const save = (file: string, png: Buffer) => {
  writeFileSync(join(OUT, file), png);
  console.log(`Saved ${STORE_IMAGES_DIR}/${file}`);
};

async function withChromium<T>(portal: PortalServer, use: (context: BrowserContext) => Promise<T>): Promise<T> {
  const profile = mkdtempSync(join(tmpdir(), 'pg-store-assets-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: SIZE,
    deviceScaleFactor: 1,
    colorScheme: 'light',
    args: chromiumArgs({ extensionDir: EXTENSION, hostRules: hostRules(['support.puppet.com', 'portal.perforce.com'], portal.port) }),
  });
  try {
    return await use(context);
  } finally {
    await context.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  }
}

async function dialogShot(context: BrowserContext) {
  const page = await context.newPage();
  // The whole dialog, its buttons and hints included, is taller than 800 px: it is shown as at
  // DIALOG_ZOOM browser zoom, a larger window in CSS px that Chromium draws into 1280×800 pixels.
  const css = { width: SIZE.width / DIALOG_ZOOM, height: SIZE.height / DIALOG_ZOOM };
  const cdp = await context.newCDPSession(page);
  await page.setViewportSize({ width: Math.ceil(css.width), height: Math.ceil(css.height) });
  await cdp.send('Emulation.setDeviceMetricsOverride', {
    width: Math.ceil(css.width),
    height: Math.ceil(css.height),
    deviceScaleFactor: DIALOG_ZOOM,
    mobile: false,
  });
  await page.goto(DEMO_FORM);
  await page.waitForSelector('html[data-priority-guard="armed"]');
  await page.getByRole('button', { name: 'Submit' }).click();
  await page.waitForSelector('priority-guard-dialog dialog[open]');
  // After the dialog's fade-in, which a shot would otherwise catch half-way.
  await page.waitForFunction(() => {
    const dialog = document.querySelector('priority-guard-dialog')?.shadowRoot?.querySelector('dialog');
    return !!dialog && dialog.getAnimations().every((a) => a.playState === 'finished');
  });
  const cut = await page.evaluate(() => {
    const dialog = document.querySelector('priority-guard-dialog')!.shadowRoot!.querySelector('dialog')!;
    return dialog.scrollHeight - dialog.clientHeight;
  });
  if (cut > 1) problems.push(`screenshot-1-dialog.png: ${cut} CSS px of the dialog are scrolled out of view; lower DIALOG_ZOOM`);
  // CDP's own capture (Playwright's would measure the page in CSS pixels), clipped to the frame.
  const { data } = await cdp.send('Page.captureScreenshot', { format: 'png', clip: { x: 0, y: 0, ...css, scale: 1 } });
  save('screenshot-1-dialog.png', Buffer.from(data, 'base64'));
  await page.close();
}

/** The id of the tab showing the armed replica form, asked from an extension page. */
async function armedTabId(extensionPage: Page): Promise<number> {
  return extensionPage.evaluate(async () => {
    for (const tab of await chrome.tabs.query({})) {
      if (tab.id === undefined) continue;
      const answer = await chrome.tabs.sendMessage(tab.id, { type: 'get-status' }).catch(() => undefined);
      if (answer?.armed) return tab.id;
    }
    throw new Error('The replica form did not answer the popup');
  });
}

async function popupShots(context: BrowserContext) {
  const form = await context.newPage();
  await form.goto(POPUP_FORM);
  await form.waitForSelector('html[data-priority-guard="armed"]');
  const formPng = await form.screenshot();

  const popup = await context.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(`${EXTENSION_URL}/popup.html`);
  await popup.waitForSelector('.pg-popup');
  const tabId = await armedTabId(popup);
  await popup.goto(`${EXTENSION_URL}/popup.html?tabId=${tabId}`);
  await popup.waitForSelector('.pg-tab-status-armed');
  const startOver = popup.locator('.pg-panel:not([hidden]) [data-action="start-over"]');
  if (await startOver.count()) await startOver.click();
  // Something is wrong, in production, impaired, with no workaround: Priority 2.
  for (const [question, key] of [['question', '2'], ['production', '1'], ['severity', '2'], ['workaround', '2']] as const) {
    await popup.waitForSelector(`.pg-step[data-question="${question}"]`);
    await popup.keyboard.press(key);
    await popup.keyboard.press('Enter');
  }
  await popup.waitForSelector('[data-action="use-level"]');
  // As the browser shows it: a popup is at most 600 px tall, and the rest of the result (what the
  // ticket tells Support) is scrolled to.
  await composePopup(context, 'screenshot-2-popup-result.png', formPng, await popup.screenshot());

  await popup.click('#pg-tab-definitions');
  await popup.waitForSelector('#pg-panel-definitions:not([hidden]) .pg-level');
  await composePopup(context, 'screenshot-3-quick-reference.png', formPng, await popup.screenshot({ fullPage: true }));
  await popup.close();
  await form.close();
}

async function composePopup(context: BrowserContext, file: string, pagePng: Buffer, popupPng: Buffer) {
  // The frame shows the whole popup, scaled down a little if it is taller than the frame.
  const { height } = pngSize(popupPng);
  if (height > (SIZE.height - 32) * 1.15) problems.push(`${file}: the popup is ${height} px tall, too tall for the 1280×800 frame`);
  save(file, await render(context, popupOverPage(pagePng, popupPng), SIZE));
}

async function optionsShot(context: BrowserContext) {
  const page = await context.newPage();
  await page.goto(`${EXTENSION_URL}/options.html`);
  await page.waitForSelector('.pg-opt-banner[data-managed]', { timeout: 20_000 });
  save('screenshot-4-options-policy.png', await page.screenshot());
  await page.close();
}

async function render(context: BrowserContext, html: string, viewport: { width: number; height: number }, transparent = false) {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  await page.setContent(html);
  await page.evaluate(() => document.fonts.ready);
  const png = await page.screenshot({ omitBackground: transparent });
  await page.close();
  return png;
}

async function brandImages(context: BrowserContext) {
  const svg = readFileSync(resolve(ROOT, 'scripts/icon.svg'), 'utf8');
  save('promo-small-440x280.png', await render(context, promoTile(svg, NAME, PROMO_LINE), { width: 440, height: 280 }));
  save('store-icon-128.png', await render(context, iconOnCanvas(svg, 128, 128 - 2 * STORE_ICON_PADDING), { width: 128, height: 128 }, true));
  save('logo-300.png', await render(context, iconOnCanvas(svg, 300, 260), { width: 300, height: 300 }, true));
}

function checkImages() {
  const icons = new Map(
    MANIFEST_ICON_SIZES.map((size) => {
      const file = resolve(ROOT, `public/icon/${size}.png`);
      return [size, existsSync(file) ? readFileSync(file) : undefined] as const;
    }),
  );
  problems.push(...iconSetProblems(icons, 'public/icon'));
  for (const image of STORE_IMAGES) {
    const file = join(OUT, image.file);
    if (!existsSync(file)) {
      problems.push(`${STORE_IMAGES_DIR}/${image.file} was not written`);
      continue;
    }
    const png = readFileSync(file);
    const { width, height } = pngSize(png);
    if (width !== image.width || height !== image.height) {
      problems.push(`${STORE_IMAGES_DIR}/${image.file} is ${width}×${height}, not ${image.width}×${image.height}`);
    }
    if (image.file === 'store-icon-128.png') {
      const padding = paddingProblem(decodePng(png), STORE_ICON_PADDING);
      if (padding) problems.push(`${STORE_IMAGES_DIR}/${image.file}: ${padding}`);
    }
  }
}

if (!existsSync(join(EXTENSION, 'manifest.json'))) {
  console.error('store-assets: no Chrome build in .output/chrome-mv3: run `npm run build` first.');
  process.exit(1);
}
if (!existsSync(CHROMIUM)) {
  console.error('store-assets: Chromium is missing: install it with `sudo apt-get install -y chromium` (or set CHROMIUM_PATH).');
  process.exit(1);
}
mkdirSync(OUT, { recursive: true });

const portal = await startPortalServer();
try {
  await withChromium(portal, async (context) => {
    await dialogShot(context);
    await popupShots(context);
    await brandImages(context);
  });
  // The organisation policy an admin would deploy (docs/policy-templates), for this browser only.
  const policy = JSON.parse(readFileSync(resolve(ROOT, 'docs/policy-templates/example-policy.json'), 'utf8'));
  let policyFile;
  try {
    policyFile = writeChromiumPolicy(CHROME_EXTENSION_ID, policy);
  } catch (error) {
    problems.push(`screenshot-4-options-policy.png: could not write the Chromium policy file (run as root): ${(error as Error).message}`);
  }
  if (policyFile) {
    try {
      await withChromium(portal, optionsShot);
    } finally {
      policyFile.remove();
    }
  }
} finally {
  await portal.close();
}

checkImages();
if (problems.length) {
  console.error(`\nstore-assets: ${problems.length} problem(s):`);
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}
console.log(`\nstore-assets: ${STORE_IMAGES.length} images in ${STORE_IMAGES_DIR}; icons and sizes meet the stores' rules.`);
