// What Firefox does with a policy for Priority Guard: /etc/firefox/policies/policies.json →
// 3rdparty → Extensions → priority-guard@support-tools, what about:policies shows, what
// reaches browser.storage.managed.get(), and what the extension reports on its options page.
import { existsSync, mkdirSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import puppeteer, { type Page } from 'puppeteer-core';
import { listedProblems, OPTIONS_RENDERED } from './listed-problems';
import { GECKO_ID } from '../../lib/extension-ids';
import { gotoWithoutLoad } from '../../tests/support/firefox-navigation.mjs';
import { trackPolicyFile } from './policy-files';

export const FIREFOX_POLICY = '/etc/firefox/policies/policies.json';
const EXTENSION_UUID = '5d0c9a3e-7b41-4f6a-9c2e-1e8b6f4d2a70';

export interface FirefoxResult {
  /** about:policies, "Active" tab: the rows under 3rdparty for the extension. */
  aboutPolicies: string;
  /** about:policies, "Errors" tab (empty when it has none). */
  aboutPoliciesErrors: string;
  managed: unknown;
  problems: { path: string; message: string }[];
}

/** Writes and removes policies.json; an existing one is moved aside and put back. */
export function firefoxPolicyFile() {
  const backup = `${FIREFOX_POLICY}.priority-guard-backup`;
  const created: string[] = [];
  let hadOriginal = false;
  let written = false;
  let untrack: (() => void) | null = null;
  const self = {
    write(policies: Record<string, unknown>) {
      if (!written) {
        for (let d = dirname(FIREFOX_POLICY); !existsSync(d); d = dirname(d)) created.unshift(d);
        mkdirSync(dirname(FIREFOX_POLICY), { recursive: true });
        if (existsSync(FIREFOX_POLICY)) {
          renameSync(FIREFOX_POLICY, backup);
          hadOriginal = true;
        }
        written = true;
      }
      writeFileSync(`${FIREFOX_POLICY}.tmp`, JSON.stringify({ policies }, null, 2));
      renameSync(`${FIREFOX_POLICY}.tmp`, FIREFOX_POLICY);
      untrack ??= trackPolicyFile(() => self.remove());
    },
    remove() {
      if (!written) return;
      written = false;
      untrack?.();
      untrack = null;
      rmSync(FIREFOX_POLICY, { force: true });
      if (hadOriginal) renameSync(backup, FIREFOX_POLICY);
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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function evaluateSoon<T>(page: Page, fn: () => T | Promise<T>, timeout = 15_000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      return await page.evaluate(fn);
    } catch (error) {
      if (Date.now() > end) throw error;
      await sleep(250);
    }
  }
}

/**
 * about:policies as an admin reads it: the rows of its "Active" tab and of its "Errors" tab
 * (a tab Firefox shows only when there are errors). A privileged page: BiDi reads it with
 * --remote-allow-system-access. Firefox never reports `load` for it over BiDi.
 */
async function aboutPolicies(page: Page): Promise<{ active: string; errors: string }> {
  await gotoWithoutLoad(page, 'about:policies', { complete: true });
  await sleep(300);
  return evaluateSoon(page, () => {
    const rows = (id: string) =>
      [...document.querySelectorAll(`#${id} tr`)]
        .map((tr) => [...tr.children].map((td) => (td.textContent ?? '').replace(/\s+/g, ' ').trim()).filter(Boolean).join(' '))
        .filter(Boolean)
        .join(' / ');
    const errorsShown = !(document.querySelector('#category-errors') as HTMLElement | null)?.hidden;
    return { active: rows('activeContent'), errors: errorsShown ? rows('errorsContent') : '' };
  });
}

export async function measureFirefox(
  extensionDir: string,
  policy: Record<string, unknown>,
  executablePath = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr',
): Promise<FirefoxResult> {
  const file = firefoxPolicyFile();
  file.write({ '3rdparty': { Extensions: { [GECKO_ID]: policy } } });
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }) },
  });
  try {
    await browser.installExtension(extensionDir);
    const page = await browser.newPage();
    const shown = await aboutPolicies(page);
    // The options page: the extension's own view of the policy and what it reports.
    await gotoWithoutLoad(page, `moz-extension://${EXTENSION_UUID}/options.html`);
    let managed: unknown = null;
    let problems: { path: string; message: string }[] = [];
    const end = Date.now() + 15_000;
    while (Date.now() < end) {
      const read = await page
        .evaluate(async () => {
          const b = (globalThis as unknown as { browser: typeof chrome }).browser;
          const report = (await b.storage.local.get('effectiveConfig')).effectiveConfig as object | undefined;
          let managedNow: unknown;
          try {
            managedNow = await b.storage.managed.get();
          } catch (error) {
            managedNow = `throws: ${String(error)}`;
          }
          return { managed: managedNow, report: report ?? null };
        })
        .catch(() => null);
      if (read?.report) {
        managed = read.managed;
        break;
      }
      await sleep(250);
    }
    await page.waitForSelector(OPTIONS_RENDERED, { timeout: 10_000 }).catch(() => undefined);
    problems = await page.evaluate(listedProblems).catch(() => []);
    return { aboutPolicies: shown.active, aboutPoliciesErrors: shown.errors, managed, problems };
  } finally {
    await browser.close().catch(() => undefined);
    file.remove();
  }
}
