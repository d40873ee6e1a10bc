// npm run measure-policy [-- --browser chromium|firefox] [--variant id,...|setups] [--case id,...]
//
// Measures, in the real browsers installed here, what each policy of cases.ts becomes:
// Chromium: what chrome://policy shows, what reaches chrome.storage.managed.get() and what
// Priority Guard lists as ignored, for the shipped managed schema and looser variants of it
// (schema-variants.ts); Firefox: what about:policies shows and what reaches
// browser.storage.managed.get(). Writes system policy files, so it needs root; every file
// written is removed afterwards (an existing /etc/firefox/policies/policies.json is put back).
// Needs the built extension (npm run build). Results: stdout (Markdown) and
// .output/policy-measure.json. docs/enterprise.md quotes them.
import { accessSync, constants, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CASES, CHROMIUM_SETUPS } from './cases';
import { removeWrittenPolicies } from './policy-files';
import type { ChromiumResult } from './chromium';
import type { FirefoxResult } from './firefox';
import { schemaVariants } from './schema-variants';

// Chromium's stderr (e.g. why it refused to load the extension) comes through Playwright's
// debug log, which reads DEBUG when it is first loaded: set it before that.
process.env.DEBUG = [process.env.DEBUG, 'pw:browser'].filter(Boolean).join(',');
const { extensionWithSchema, measureChromium } = await import('./chromium');
const { measureFirefox } = await import('./firefox');

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

try {
  accessSync('/etc', constants.W_OK);
} catch {
  console.error('measure-policy writes policy files under /etc: run it as root.');
  process.exit(1);
}
// Interrupted: the policy files still go (each measurement removes its own in a finally).
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    removeWrittenPolicies();
    process.exit(130);
  });
}

function arg(name: string): string[] | null {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]!.split(',') : null;
}

const browsers = arg('browser') ?? ['chromium', 'firefox'];
const onlyVariants = arg('variant');
const onlyCases = arg('case');
const cases = CASES.filter((c) => !onlyCases || onlyCases.includes(c.id));

const json = (v: unknown) => `\`${JSON.stringify(v)}\``;
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

const results: Record<string, unknown> = {};

if (browsers.includes('chromium')) {
  const build = join(root, '.output/chrome-mv3');
  for (const variant of schemaVariants(root).filter((v) => !onlyVariants || onlyVariants.includes(v.id))) {
    const ext = extensionWithSchema(build, variant.schema);
    const rows: string[] = [];
    const out: Record<string, ChromiumResult> = {};
    try {
      for (const c of cases.filter((c) => !variant.cases || variant.cases.includes(c.id))) {
        process.stderr.write(`chromium ${variant.id} ${c.id}…\n`);
        const r = await measureChromium(ext.dir, c.policy);
        out[c.id] = r;
        const first = r.timeline.find((t) => /guardMode: note/.test(t.text));
        rows.push(
          `| ${cell(c.what)} | ${r.loaded ? cell(r.policyPage) : 'extension not loaded'} | ${cell(r.policyPageWithUnset)} | ${first ? `${(first.at / 1000).toFixed(1)} s` : 'never'} | ${r.loaded ? json(r.managed) : '—'} | ${cell(r.problems.map((p) => `${p.path}: ${p.message}`).join(' / ') || 'nothing')} |`,
        );
      }
    } finally {
      ext.remove();
    }
    results[`chromium:${variant.id}`] = out;
    console.log(`\n### Chromium, schema "${variant.id}": ${variant.what}\n`);
    console.log('| policy | chrome://policy | … with "Show policies with no value set" | settled after | storage.managed.get() | options page lists |');
    console.log('|---|---|---|---|---|---|');
    console.log(rows.join('\n'));
    for (const [id, r] of Object.entries(out)) {
      const show = (list: { at: number; text: string }[]) => list.map((t) => `${(t.at / 1000).toFixed(1)} s: ${t.text}`).join(' → ');
      console.log(`\n${id}: chrome://policy opened at start: ${show(r.timeline)}; a tab opened after that showed the values after ${(r.laterTook / 1000).toFixed(1)} s; storage.managed had them ${r.managedAt ? `${(r.managedAt / 1000).toFixed(1)} s after launch` : 'never'}`);
      if (!r.loaded) console.log(`\n${id}: Chromium said: ${r.log.slice(0, 5).join(' / ') || 'nothing'}`);
    }
  }
}

if (browsers.includes('chromium') && (!onlyVariants || onlyVariants.includes('setups'))) {
  const build = join(root, '.output/chrome-mv3');
  const rows: string[] = [];
  const out: Record<string, ChromiumResult> = {};
  for (const c of CHROMIUM_SETUPS.filter((c) => !onlyCases || onlyCases.includes(c.id))) {
    process.stderr.write(`chromium setup ${c.id}…\n`);
    const r = await measureChromium(build, c.policy, { extra: c.extra, level: c.level });
    out[c.id] = r;
    rows.push(
      `| ${cell(c.what)} | ${r.loaded ? 'yes' : `no (${cell(r.log.join('; '))})`} | ${cell(r.policyPage)} | ${r.loaded ? json(r.managed) : '—'} |`,
    );
  }
  results['chromium:setups'] = out;
  console.log('\n### Chromium: the level, and Chrome\'s own extension policies\n');
  console.log('| policy | extension loaded | chrome://policy (its table) | storage.managed.get() |');
  console.log('|---|---|---|---|');
  console.log(rows.join('\n'));
}

if (browsers.includes('firefox')) {
  const rows: string[] = [];
  const out: Record<string, FirefoxResult> = {};
  for (const c of cases) {
    process.stderr.write(`firefox ${c.id}…\n`);
    const r = await measureFirefox(join(root, '.output/firefox-mv2'), c.policy);
    out[c.id] = r;
    rows.push(
      `| ${cell(c.what)} | ${cell(r.aboutPolicies)}${r.aboutPoliciesErrors ? ` (Errors tab: ${cell(r.aboutPoliciesErrors)})` : ''} | ${json(r.managed)} | ${cell(r.problems.map((p) => `${p.path}: ${p.message}`).join(' / ') || 'nothing')} |`,
    );
  }
  results.firefox = out;
  console.log('\n### Firefox\n');
  console.log('| policy | about:policies | storage.managed.get() | options page lists |');
  console.log('|---|---|---|---|');
  console.log(rows.join('\n'));
}

writeFileSync(join(root, '.output/policy-measure.json'), `${JSON.stringify(results, null, 2)}\n`);
