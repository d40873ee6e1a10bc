#!/usr/bin/env node
// Lints the Firefox build (.output/firefox-mv2) with web-ext / addons-linter, as
// addons.mozilla.org would. Fails on any error, and on any warning except the one we
// accept: UNSAFE_VAR_ASSIGNMENT from Preact's own `dangerouslySetInnerHTML` support
// (verified at the reported position, so an innerHTML write of our own still fails).
// Notices are printed but do not fail. Run `npm run build` first.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import webExt from 'web-ext';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const sourceDir = resolve(ROOT, process.argv[2] ?? '.output/firefox-mv2');
const shownDir = relative(ROOT, sourceDir).startsWith('..') ? sourceDir : relative(ROOT, sourceDir) || '.';

/** Warning codes that may pass, each with the check that it really is the accepted case. */
const ALLOWED_WARNINGS = {
  UNSAFE_VAR_ASSIGNMENT: isPreactInnerHtml,
};

/** True if the flagged code is Preact's `dom.innerHTML = props.dangerouslySetInnerHTML.__html`. */
function isPreactInnerHtml(warning) {
  if (!warning.file || !warning.line) return false;
  let text;
  try {
    text = readFileSync(join(sourceDir, warning.file), 'utf8');
  } catch {
    return false;
  }
  const line = text.split('\n')[warning.line - 1] ?? '';
  const at = Math.max(0, (warning.column ?? 1) - 1);
  const here = line.slice(Math.max(0, at - 40), at + 120);
  const before = line.slice(Math.max(0, at - 1500), at);
  return /[\w$]+\.innerHTML\s*=\s*[\w$]+\.__html/.test(here) && before.includes('dangerouslySetInnerHTML');
}

function describe(item) {
  const where = item.file ? ` ${item.file}${item.line ? `:${item.line}${item.column ? `:${item.column}` : ''}` : ''}` : '';
  const detail = item.description ? `\n      ${String(item.description).replace(/\s+/g, ' ').trim()}` : '';
  return `${item.code}${where}: ${item.message}${detail}`;
}

if (!existsSync(join(sourceDir, 'manifest.json'))) {
  console.error(`lint-firefox: no built extension in ${shownDir} (manifest.json missing): run \`npm run build\` first.`);
  process.exit(1);
}

const result = await webExt.cmd.lint(
  {
    sourceDir,
    output: 'none', // addons-linter's own report is silenced: every finding is printed below
    boring: true,
    selfHosted: false,
    privileged: false,
    warningsAsErrors: false,
  },
  { shouldExitProgram: false },
);

const errors = result.errors ?? [];
const warnings = result.warnings ?? [];
const notices = result.notices ?? [];
const accepted = [];
const refused = [];
for (const w of warnings) (ALLOWED_WARNINGS[w.code]?.(w) ? accepted : refused).push(w);

for (const e of errors) console.log(`error   ${describe(e)}`);
for (const w of refused) console.log(`warning ${describe(w)}`);
for (const w of accepted) console.log(`warning ${describe(w)}  [accepted: Preact's dangerouslySetInnerHTML]`);
for (const n of notices) console.log(`notice  ${describe(n)}`);

const failed = errors.length > 0 || refused.length > 0;
console.log(
  `web-ext lint ${shownDir}: ${failed ? 'FAIL' : 'ok'} - ${errors.length} error(s), ` +
    `${warnings.length} warning(s) (${accepted.length} accepted, ${refused.length} not allowed), ${notices.length} notice(s)`,
);
process.exit(failed ? 1 : 0);
