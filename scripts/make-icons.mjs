// Renders scripts/icon.svg to the PNG sizes the stores and browsers want, with Debian's Chromium.
// Run by hand after changing the SVG: node scripts/make-icons.mjs
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';

const svg = readFileSync(new URL('./icon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
// The 128 px icon is 96 px of artwork in 16 px of transparent padding, as the Chrome Web Store
// asks (it is also the store icon); the smaller ones use their whole square.
const PADDING = { 128: 16 };
for (const size of [16, 32, 48, 96, 128]) {
  const pad = PADDING[size] ?? 0;
  const art = size - 2 * pad;
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{width:${art}px;height:${art}px;display:block;margin:${pad}px}</style>${svg}`,
  );
  await page.screenshot({ path: `public/icon/${size}.png`, omitBackground: true });
  await page.close();
}
await browser.close();
