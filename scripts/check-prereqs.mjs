#!/usr/bin/env node
// Checks the programs the tests need outside node_modules: the two browsers the end-to-end
// tests drive, able to show the extension's languages (tests/support/ui-languages.mjs) with a
// Japanese font, and openssl (the replica portal makes its TLS certificate with it).
// Exits 1 with an install hint for each one missing. CHROMIUM_PATH / FIREFOX_PATH override
// the browser locations, exactly as the e2e harness (tests/e2e/harness) reads them.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { missingUiLanguages } from '../tests/support/ui-languages.mjs';

const PREREQS = [
  { label: 'Chromium', env: 'CHROMIUM_PATH', path: '/usr/bin/chromium', apt: 'chromium', browser: 'chromium' },
  { label: 'Firefox ESR', env: 'FIREFOX_PATH', path: '/usr/bin/firefox-esr', apt: 'firefox-esr', browser: 'firefox' },
  { label: 'OpenSSL', command: 'openssl', apt: 'openssl', versionArgs: ['version'] },
];

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(command) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, command))) return join(dir, command);
  }
  return undefined;
}

function version(file, args = ['--version']) {
  const result = spawnSync(file, args, { encoding: 'utf8', timeout: 15_000 });
  return result.status === 0 ? result.stdout.trim().split('\n')[0] : 'version unknown';
}

let missing = 0;
for (const p of PREREQS) {
  const override = p.env ? process.env[p.env] : undefined;
  const file = p.command ? onPath(p.command) : override || p.path;
  if (file && isExecutable(file)) {
    console.log(`ok: ${p.label} at ${file} (${version(file, p.versionArgs)})`);
    const languages = p.browser ? missingUiLanguages(p.browser, file) : [];
    if (languages.length > 0) {
      missing++;
      const packages = [...new Set(languages.map((l) => l.apt))].join(' ');
      console.error(
        `${p.label} cannot show ${languages.map((l) => l.language).join(', ')} (the end-to-end tests start it in each language): install \`sudo apt-get install -y ${packages}\`.`,
      );
    }
    continue;
  }
  missing++;
  const where = override ? ` (${p.env}=${override} is not an executable file)` : '';
  const alternative = p.env && !override ? `, or point ${p.env} at it` : '';
  console.error(`${p.label} is missing${where}: install it with \`sudo apt-get install -y ${p.apt}\`${alternative}.`);
}

// Japanese text laid out in boxes of missing-glyph squares would not test the Japanese layout.
const japanese = spawnSync('fc-list', [':lang=ja', 'family'], { encoding: 'utf8' });
if (japanese.status === 0 && japanese.stdout.trim()) {
  console.log(`ok: a Japanese font (${japanese.stdout.trim().split('\n')[0]})`);
} else {
  missing++;
  console.error('No Japanese font (the end-to-end tests lay out the UI in Japanese): install it with `sudo apt-get install -y fonts-noto-cjk`.');
}

if (missing) process.exit(1);
