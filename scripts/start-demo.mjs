// `npm start`: builds the extension for both browsers, serves the demo portal (a replica of
// Puppet's "Submit a request" page at its real address) and opens it in Chromium with the
// extension loaded. Without a display it says how to load the extension by hand, and runs
// the demo headless once to save a screenshot of the guard at work.
import { execSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, hostRules } from '../tests/support/browser-options.mjs';
import { startPortalServer } from '../tests/support/portal-server.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const EXTENSION = resolve('.output/chrome-mv3');
const DEMO_URL = 'https://support.puppet.com/hc/en-us/requests/new';

if (!existsSync(CHROMIUM)) {
  console.error(`Chromium is missing: install it with \`sudo apt-get install -y chromium\` (or set CHROMIUM_PATH).`);
  process.exit(1);
}

execSync('npm run build', { stdio: 'inherit' });
const portal = await startPortalServer({ port: Number(process.env.DEMO_PORT ?? 0) });
const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const profile = mkdtempSync(join(tmpdir(), 'pg-demo-'));

const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless,
  viewport: headless ? { width: 1280, height: 900 } : null,
  args: chromiumArgs({
    extensionDir: EXTENSION,
    hostRules: hostRules(['support.puppet.com', 'portal.perforce.com'], portal.port),
  }),
});
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(DEMO_URL);

const shutdown = async () => {
  await context.close().catch(() => {});
  await portal.close();
  rmSync(profile, { recursive: true, force: true });
};

if (!headless) {
  console.log(`\nThe demo portal is open in Chromium at ${DEMO_URL} (served locally).`);
  console.log('Choose Priority "Urgent" and press Submit to see the guard. Close the browser to stop.\n');
  context.on('close', async () => {
    await portal.close();
    rmSync(profile, { recursive: true, force: true });
    process.exit(0);
  });
} else {
  console.log(`
There is no display here, so Chromium cannot open a window.
To try the extension by hand on a machine with a display:
  Chrome/Chromium: open chrome://extensions, turn on Developer mode, "Load unpacked" → ${EXTENSION}
  Firefox:         open about:debugging#/runtime/this-firefox, "Load Temporary Add-on…" → ${resolve('.output/firefox-mv2/manifest.json')}
Running the demo headless instead, to show the guard at work…`);
  await page.locator('[data-garden-id="dropdowns.combobox.field"] [role="combobox"]').first().click();
  await page.getByRole('option', { name: 'Urgent' }).click();
  await page.fill('[name="request[subject]"]', 'Puppet Server down on all compilers');
  await page.getByRole('button', { name: 'Submit' }).click();
  await page.waitForSelector('priority-guard-dialog dialog[open]');
  const shot = resolve('.output/demo-dialog.png');
  // animations: 'disabled' ends the dialog's 120 ms fade-in, which the shot would catch half-way.
  await page.screenshot({ path: shot, animations: 'disabled' });
  console.log(`The guard stopped a Priority 1 submission and asked first. Screenshot: ${shot}`);
  await shutdown();
}
