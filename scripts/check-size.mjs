#!/usr/bin/env node
// Size budgets of the built extension (docs/performance.md). Deterministic: it reads the
// files `npm run build` wrote, minifies each with Vite's esbuild (a no-op for code that is
// already minified), gzips it at level 9 and compares with the budget. 1 KB = 1024 bytes.
//
//   content script: guard.js                 ≤ 20 KB
//   guard UI: guard-ui.js (injected only on pages with a     ≤ 24 KB
//     priority field; see lib/guard/ui.ts)
//   popup JavaScript: every script popup.html loads, with    ≤ 40 KB
//     their static imports (dynamic import() is not counted: it loads later, if ever)
//
// Checks the Chrome and the Firefox build. Prints a table; exits 1 if a budget is exceeded
// or a build is missing. `node scripts/check-size.mjs --json` prints the figures as JSON
// (used by the benchmark). Run `npm run build` first.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { parseAst, transformWithEsbuild } from 'vite';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const KB = 1024;

export const SIZE_BUDGETS = {
  contentScript: 20 * KB,
  guardUi: 24 * KB,
  popupJs: 40 * KB,
};

export const BUILDS = [
  { browser: 'chrome', dir: '.output/chrome-mv3' },
  { browser: 'firefox', dir: '.output/firefox-mv2' },
];

async function minifiedGzipBytes(file, format) {
  const code = readFileSync(file, 'utf8');
  const minified = (await transformWithEsbuild(code, file, { minify: true, format, target: 'es2022', sourcemap: false }))
    .code;
  return {
    raw: Buffer.byteLength(code),
    // Whichever is smaller: the file as shipped, or re-minified (esbuild may add a few bytes
    // to code another minifier already squeezed).
    gzip: Math.min(gzipSync(code, { level: 9 }).length, gzipSync(minified, { level: 9 }).length),
  };
}

/** Static module specifiers of an ES module: import … from, export … from, import '…'. */
function staticImports(code) {
  const ast = parseAst(code);
  const specifiers = [];
  for (const node of ast.body) {
    if (
      (node.type === 'ImportDeclaration' || node.type === 'ExportAllDeclaration' || node.type === 'ExportNamedDeclaration') &&
      node.source
    ) {
      specifiers.push(node.source.value);
    }
  }
  return specifiers;
}

/** Local file of a URL a page of the extension refers to (absolute to the extension root, or relative). */
function localFile(buildDir, fromFile, url) {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return null; // another origin: not ours to count
  const path = url.split(/[?#]/)[0];
  return path.startsWith('/') ? join(buildDir, path) : resolve(dirname(fromFile), path);
}

/** Every JavaScript file a page loads up front: its script tags, module preloads, and their static imports. */
export function pageScripts(buildDir, htmlName) {
  const htmlFile = join(buildDir, htmlName);
  const html = readFileSync(htmlFile, 'utf8');
  const queue = [];
  for (const match of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = /\bsrc\s*=\s*["']([^"']+)["']/i.exec(match[0])?.[1];
    if (!src) continue;
    const module = /\btype\s*=\s*["']module["']/i.test(match[0]);
    queue.push({ file: localFile(buildDir, htmlFile, src), module });
  }
  for (const match of html.matchAll(/<link\b[^>]*>/gi)) {
    if (!/\brel\s*=\s*["']modulepreload["']/i.test(match[0])) continue;
    const href = /\bhref\s*=\s*["']([^"']+)["']/i.exec(match[0])?.[1];
    if (href) queue.push({ file: localFile(buildDir, htmlFile, href), module: true });
  }
  if (/<script\b(?![^>]*\bsrc\s*=)[^>]*>\s*\S/i.test(html)) {
    throw new Error(`${htmlName} has an inline script: the extension's CSP would refuse it`);
  }
  const seen = new Map();
  while (queue.length) {
    const { file, module } = queue.shift();
    if (!file || seen.has(file)) continue;
    if (!existsSync(file)) throw new Error(`${htmlName} loads ${relative(buildDir, file)}, which is not in the build`);
    seen.set(file, module);
    if (!module) continue;
    for (const spec of staticImports(readFileSync(file, 'utf8'))) {
      const next = localFile(buildDir, file, spec);
      if (next) queue.push({ file: next, module: true });
    }
  }
  return [...seen].map(([file, module]) => ({ file, module }));
}

/** The size figures of one build: { contentScript, guardUi, popupJs } each { gzip, raw, files }. */
export async function measureBuild(dir) {
  const buildDir = resolve(ROOT, dir);
  if (!existsSync(join(buildDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${dir} (manifest.json missing): run \`npm run build\` first.`);
  }
  const [guard, ui] = ['guard.js', 'guard-ui.js'].map((name) => {
    const file = join(buildDir, name);
    if (!existsSync(file)) throw new Error(`${dir}/${name} is missing`);
    return file;
  });
  const content = await minifiedGzipBytes(guard, 'iife');
  const guardUi = await minifiedGzipBytes(ui, 'iife');
  const popupFiles = pageScripts(buildDir, 'popup.html');
  let gzip = 0;
  let raw = 0;
  for (const { file, module } of popupFiles) {
    const size = await minifiedGzipBytes(file, module ? 'esm' : 'iife');
    gzip += size.gzip;
    raw += size.raw;
  }
  return {
    contentScript: { gzip: content.gzip, raw: content.raw, files: [relative(buildDir, guard)] },
    guardUi: { gzip: guardUi.gzip, raw: guardUi.raw, files: [relative(buildDir, ui)] },
    popupJs: { gzip, raw, files: popupFiles.map(({ file }) => relative(buildDir, file)) },
  };
}

export function formatKB(bytes) {
  return `${(bytes / KB).toFixed(2)} KB`;
}

async function main() {
  const json = process.argv.includes('--json');
  const rows = [];
  let failed = false;
  for (const { browser, dir } of BUILDS) {
    let sizes;
    try {
      sizes = await measureBuild(dir);
    } catch (error) {
      console.error(`check-size: ${browser}: ${error.message}`);
      failed = true;
      continue;
    }
    for (const [key, label] of [
      ['contentScript', 'content script (min+gzip)'],
      ['guardUi', 'guard UI, forms only (min+gzip)'],
      ['popupJs', 'popup JavaScript (min+gzip)'],
    ]) {
      const { gzip, raw, files } = sizes[key];
      const budget = SIZE_BUDGETS[key];
      const pass = gzip <= budget;
      failed ||= !pass;
      rows.push({ browser, what: label, key, gzip, raw, budget, pass, files });
    }
  }
  if (json) {
    console.log(JSON.stringify({ rows, failed }, null, 2));
  } else {
    const table = [
      ['build', 'what', 'gzip', 'budget', 'headroom', 'raw', 'result', 'files'],
      ...rows.map((r) => [
        r.browser,
        r.what,
        formatKB(r.gzip),
        formatKB(r.budget),
        formatKB(r.budget - r.gzip),
        formatKB(r.raw),
        r.pass ? 'pass' : 'FAIL',
        r.files.join(' '),
      ]),
    ];
    const widths = table[0].map((_, i) => Math.max(...table.map((row) => String(row[i]).length)));
    for (const row of table) console.log(row.map((cell, i) => String(cell).padEnd(widths[i])).join('  ').trimEnd());
    console.log(failed ? 'check-size: FAIL - a size budget is exceeded (see docs/performance.md)' : 'check-size: ok');
  }
  process.exit(failed ? 1 : 0);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
