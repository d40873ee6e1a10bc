// What Chromium does with a policy for Priority Guard: for one managed schema and one
// policy file, what chrome://policy shows (over time, from the browser's start), what reaches
// chrome.storage.managed.get(), and what the extension then reports on its options page.
import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { CHROME_EXTENSION_ID } from '../../lib/extension-ids';
import { readPolicySection, sectionText, showUnset, type PolicySection } from './chrome-policy-page';
import { listedProblems, OPTIONS_RENDERED } from './listed-problems';
import { trackPolicyFile } from './policy-files';

export const CHROMIUM_POLICY_DIRS = {
  mandatory: '/etc/chromium/policies/managed',
  recommended: '/etc/chromium/policies/recommended',
} as const;
export type PolicyLevel = keyof typeof CHROMIUM_POLICY_DIRS;

export interface ChromiumResult {
  /** False when Chromium did not load the extension (e.g. a schema it refuses). */
  loaded: boolean;
  /** chrome://policy's table for the extension, default view, once settled. */
  policyPage: string;
  /** The same with "Show policies with no value set" ticked. */
  policyPageWithUnset: string;
  /** What a tab opened at start showed ("Show policies with no value set" ticked): each change, with its time after launch (ms). */
  timeline: { at: number; text: string }[];
  /** When chrome.storage.managed.get() first held the control value (ms after launch; 0: never). */
  managedAt: number;
  /** How long a chrome://policy tab opened once that had settled took to show the values (ms). */
  laterTook: number;
  /** chrome.storage.managed.get() once settled. */
  managed: unknown;
  /** The problems the options page lists (the background's report). */
  problems: { path: string; message: string }[];
  /** Anything Chromium logged about the extension or its schema. */
  log: string[];
}

/** Writes and removes the policy file; creates missing folders and removes them again. */
export function chromiumPolicyFile(level: PolicyLevel = 'mandatory') {
  const dir = CHROMIUM_POLICY_DIRS[level];
  const file = join(dir, 'priority-guard-measure.json');
  const created: string[] = [];
  let untrack: (() => void) | null = null;
  const self = {
    /**
     * The file is dated a minute back, as a file deployed earlier would be: Chromium re-reads
     * a policy file changed in the last seconds once more a little later.
     */
    write(policy: Record<string, unknown>, extra: Record<string, unknown> = {}) {
      for (let d: string = dir; !existsSync(d); d = dirname(d)) created.unshift(d);
      mkdirSync(dir, { recursive: true });
      writeFileSync(`${file}.tmp`, JSON.stringify({ ...extra, '3rdparty': { extensions: { [CHROME_EXTENSION_ID]: policy } } }, null, 2));
      const past = new Date(Date.now() - 60_000);
      utimesSync(`${file}.tmp`, past, past);
      renameSync(`${file}.tmp`, file);
      untrack ??= trackPolicyFile(() => self.remove());
    },
    remove() {
      untrack?.();
      untrack = null;
      rmSync(file, { force: true });
      for (const d of [...created].reverse()) {
        try {
          rmdirSync(d);
        } catch {
          // not empty
        }
      }
      created.length = 0;
    },
  };
  return self;
}

/** A copy of the built extension with another managed_schema.json (same key, so the same id). */
export function extensionWithSchema(buildDir: string, schema: unknown): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'pg-measure-ext-'));
  cpSync(buildDir, dir, { recursive: true });
  writeFileSync(join(dir, 'managed_schema.json'), `${JSON.stringify(schema, null, 2)}\n`);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function launch(extensionDir: string, executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium') {
  const profile = mkdtempSync(join(tmpdir(), 'pg-measure-chromium-'));
  const log = captureBrowserLog();
  const started = Date.now();
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--enable-logging=stderr',
      '--v=0',
    ],
  });
  return {
    context,
    started,
    log,
    async close() {
      await context.close().catch(() => undefined);
      log.stop();
      rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

/**
 * Chromium's own log lines (its stderr, which Playwright prints as "pw:browser" debug lines
 * when DEBUG includes pw:browser: run.ts sets it). Kept out of the terminal, kept here.
 */
function captureBrowserLog(): string[] & { stop(): void } {
  const lines = [] as unknown as string[] & { stop(): void };
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
    if (!text.includes('pw:browser')) return (write as (c: unknown, ...r: unknown[]) => boolean)(chunk, ...rest);
    for (const line of text.split('\n')) {
      const m = /\[err\] (?:\[[^\]]*\] )?(.*)$/.exec(line);
      if (m?.[1]) lines.push(m[1]);
    }
    return true;
  }) as typeof process.stderr.write;
  lines.stop = () => {
    process.stderr.write = write;
  };
  return lines;
}

async function extensionWorker(context: BrowserContext, timeout: number): Promise<Worker | null> {
  const ours = (w: Worker) => w.url().startsWith(`chrome-extension://${CHROME_EXTENSION_ID}/`);
  const found = context.serviceWorkers().find(ours);
  if (found) return found;
  return context.waitForEvent('serviceworker', { predicate: ours, timeout }).catch(() => null);
}

async function section(page: Page): Promise<PolicySection> {
  return page.evaluate(readPolicySection, CHROME_EXTENSION_ID);
}

export interface MeasureOptions {
  /** Chrome policies in the same file (e.g. ExtensionSettings). */
  extra?: Record<string, unknown>;
  /** Which folder the file goes into: managed/ (mandatory, default) or recommended/. */
  level?: PolicyLevel;
}

/** Measures one policy with one extension build: see ChromiumResult. */
export async function measureChromium(
  extensionDir: string,
  policy: Record<string, unknown>,
  { extra, level }: MeasureOptions = {},
): Promise<ChromiumResult> {
  const file = chromiumPolicyFile(level);
  file.write(policy, extra);
  const browser = await launch(extensionDir);
  try {
    const { context, started } = browser;
    // chrome://policy at once, as an admin opens it right after start, "Show policies with
    // no value set" ticked; watched (not reloaded) until the control value (guardMode) shows,
    // and 3 s more.
    const first = context.pages()[0] ?? (await context.newPage());
    await first.goto('chrome://policy');
    await first.evaluate(showUnset);
    const worker = extensionWorker(context, 10_000);
    const timeline: { at: number; text: string }[] = [];
    const control = (text: string | undefined) => /guardMode: note/.test(text ?? '');
    let shownAt = 0;
    let managedAt = 0;
    const sw0 = await worker;
    while (Date.now() - started < 30_000 && (!shownAt || !managedAt || Date.now() - Math.max(shownAt, managedAt) < 3_000)) {
      const text = sectionText(await section(first));
      if (timeline.at(-1)?.text !== text) timeline.push({ at: Date.now() - started, text });
      if (control(text) && !shownAt) shownAt = Date.now();
      if (!managedAt && sw0) {
        const got = await sw0.evaluate(() => (globalThis as unknown as { chrome: typeof chrome }).chrome.storage.managed.get()).catch(() => ({}));
        if ((got as { guardMode?: string }).guardMode === 'note') managedAt = Date.now();
      }
      if (!sw0) break; // not loaded: nothing will come
      await sleep(200);
    }
    const policyPageWithUnset = timeline.at(-1)?.text ?? '';
    // Then a tab opened now, default view: what an admin sees once the browser has settled.
    const later = await context.newPage();
    const opened = Date.now();
    await later.goto('chrome://policy');
    let policyPage = '';
    while (Date.now() - opened < 10_000) {
      policyPage = sectionText(await section(later));
      if (control(policyPage) || !sw0) break;
      await sleep(200);
    }
    const laterTook = Date.now() - opened;

    const sw = await worker;
    if (!sw) {
      // How "not loaded" shows: its pages refuse to open, chrome://extensions-internals does not list it.
      const probe = await context.newPage();
      const pageError = await probe
        .goto(`chrome-extension://${CHROME_EXTENSION_ID}/options.html`)
        .then(() => 'opens')
        .catch((error: unknown) => /net::[A-Z_]+/.exec(String(error))?.[0] ?? String(error));
      await probe.close().catch(() => undefined);
      const internals = await context.newPage();
      await internals.goto('chrome://extensions-internals');
      await sleep(1_000);
      const listed = (await internals.evaluate(() => document.body.innerText)).includes(CHROME_EXTENSION_ID);
      const log = [...browser.log.filter(relevant), `options.html: ${pageError}`, `chrome://extensions-internals lists it: ${listed ? 'yes' : 'no'}`];
      return { loaded: false, policyPage, policyPageWithUnset, timeline, laterTook, managedAt: 0, managed: null, problems: [], log };
    }
    // The background writes its report once it has read the policy; give it time.
    let managed: unknown = null;
    let problems: { path: string; message: string }[] = [];
    const end = Date.now() + 8_000;
    while (Date.now() < end) {
      const read = await sw
        .evaluate(async () => {
          const c = (globalThis as unknown as { chrome: typeof chrome }).chrome;
          const report = (await c.storage.local.get('effectiveConfig')).effectiveConfig as object | undefined;
          return { managed: await c.storage.managed.get(), report: report ?? null };
        })
        .catch(() => null);
      if (read?.report) {
        managed = read.managed;
        if (Object.keys(managed as object).length > 0 || Date.now() > end - 4_000) break;
      }
      await sleep(250);
    }
    const options = await context.newPage();
    await options.goto(`chrome-extension://${CHROME_EXTENSION_ID}/options.html`);
    await options.waitForSelector(OPTIONS_RENDERED, { timeout: 10_000 }).catch(() => undefined);
    problems = await options.evaluate(listedProblems).catch(() => []);
    return { loaded: true, policyPage, policyPageWithUnset, timeline, laterTook, managedAt: managedAt > 0 ? managedAt - started : 0, managed, problems, log: browser.log.filter(relevant) };
  } finally {
    await browser.close();
    file.remove();
  }
}

function relevant(line: string): boolean {
  return /extension|schema|managed|policy/i.test(line) && !/DevTools listening|dbus|bluez/i.test(line);
}
