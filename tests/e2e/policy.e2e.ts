// Enterprise policy in real browsers: a managed policy file on disk, read by Chromium
// (/etc/chromium/policies/managed/ and recommended/) and Firefox
// (/etc/firefox/policies/policies.json), as an admin would deploy it. Every claim of
// docs/enterprise.md that a Linux machine can check is shown here:
//   - the admin's P1 wording reaches the guard's dialog; the P1 phone number shows once the
//     checklist is ticked; set values are locked on the options page;
//   - the organisation's wording for the browser's UI language (wording.byLanguage) wins over
//     its wording for every language, field by field, in the dialog, the note and the options page;
//   - what reaches the extension is reported there in plain words (unknown keys with the key
//     they look like), and the popup counts it and opens the list;
//   - what Chrome drops before the extension sees it (a wrong type, JSON text for an object,
//     an unknown top-level key, unknown keys inside wording and portals), how chrome://policy
//     shows it ("Not set." at first; then nothing, no error), and that Firefox hands all of
//     it over; that a recommended-level value never reaches the extension in Chromium;
//   - a changed policy applies live in Chromium, and a removed one gives users their own
//     settings back; Firefox reads its policy at start only;
//   - guard mode "off" lets a P1 through; a portal on another site runs only once the user
//     allows it, and "Remove access" gives the access back (granted and registered at run
//     time: Firefox, which has a pref to answer the permission prompt);
//   - in Chromium, ExtensionSettings runtime_blocked_hosts over a portal stops the guard
//     there; blocked_permissions ["scripting"], and the sample's force-install entry beside
//     an unpacked copy of the same id, keep the extension from loading at all.
//
// Writes system policy files, so it needs root (CI runs as root); every file written is
// removed afterwards, also on failure, and an existing policies.json is put back.
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_EXTENSION_ID, GECKO_ID } from '../../lib/extension-ids';
import { readPolicySection, sectionText, showUnset, type PolicySection } from '../../scripts/policy-measure/chrome-policy-page';
import { chromiumArgs, hostRules } from '../support/browser-options.mjs';
import { closeTab } from '../support/chromium-close-tab.mjs';
import { catalogueWords } from '../support/i18n-catalogue';
import { UI_LANGUAGES } from '../support/ui-languages.mjs';
import { executablePath, extensionDir, REPO_ROOT, replicaHosts } from './harness/env';
import { gotoExtensionPage } from './guard-helpers';
import { BROWSERS, launch, useBrowser, usePortal, type BrowserName, type BrowserUnderTest, type PageUnderTest } from './harness/setup';

const FORM = 'https://support.puppet.com/hc/en-us/requests/new?fixture=zendesk-select';
const PRIORITY = 'select[name="request[priority]"]';
const SUBMIT = 'input[type=submit][name=commit]';
const DIALOG = 'priority-guard-dialog';

const ADMIN_P1 = 'ACME: a Priority 1 means production Puppet is down for the whole company. Call the ACME service desk first.';
const ADMIN_P1_LIVE = 'ACME, changed live: only a company-wide outage is a Priority 1.';
const ADMIN_P4_LIVE = 'ACME, changed live: a Priority 4 is a question.';
const USER_P4 = 'Mine: a Priority 4 is a question or a wish.';
const USER_ESSENTIALS = ['Mine: the error message', 'Mine: when it started'];
const ADMIN_ESSENTIALS = ['ACME: the outage ticket number'];
const ORG_PHONE = '+1 555 0100 ext. 42';
const ENGLISH_P1 = 'ACME (English wording): a Priority 1 is a company-wide production outage.';
const GERMAN_P1 = 'ACME (deutsche Formulierung): Ein P1 ist ein unternehmensweiter Produktionsausfall.';
const EVERY_LANGUAGE_CRITICAL = 'ACME: the whole company cannot work.';
const GERMAN_CRITICAL = 'Deutsch: kritisch.';
/** Wording for every language, with its own for English and German (wording.byLanguage). */
const LANGUAGE_WORDING_POLICY = {
  wording: {
    definitions: { 1: ADMIN_P1 },
    checklist: { critical: EVERY_LANGUAGE_CRITICAL },
    byLanguage: {
      en: { definitions: { 1: ENGLISH_P1 } },
      de: { definitions: { 1: GERMAN_P1 }, checklist: { critical: GERMAN_CRITICAL } },
    },
  },
};
const HTML_TEXT = '<img src=x onerror="document.title=\'pwned\'">';

type Policy = Record<string, unknown>;

/**
 * Set values, and what an admin gets wrong: a malformed match pattern, a list with an unknown
 * entry, a misspelt checklist key holding HTML, and unknown keys in the wording and a portal.
 */
function organisationPolicy(browser: BrowserName, overrides: Policy = {}): Policy {
  const wording = {
    definitions: { 1: ADMIN_P1 },
    checklist: { no_workaround: HTML_TEXT },
    footer: 'Call the ACME service desk first.',
  };
  return {
    plan: 'premium',
    guardMode: 'dialog',
    // Firefox hands 3rdparty values over as they are: deliver this one as JSON text, as a
    // Windows GPO would. (Chromium would drop text where its managed schema says object.)
    wording: browser === 'firefox' ? JSON.stringify(wording) : wording,
    p1Phone: ORG_PHONE,
    portals: [{ matches: ['support.acme.example'], newTicketUrl: 'https://support.acme.example/hc/new', colour: 'red' }],
    popupViews: ['triage', 'sideways'],
    ...overrides,
  };
}

// --- policy files ------------------------------------------------------------

/** docs/policy-templates/chrome-linux.json, the sample policy file for Chromium on Linux. */
function chromeLinuxSample(): { ExtensionSettings: Policy } {
  return JSON.parse(readFileSync(join(REPO_ROOT, 'docs/policy-templates/chrome-linux.json'), 'utf8'));
}

const CHROMIUM_POLICY_DIRS = { mandatory: '/etc/chromium/policies/managed', recommended: '/etc/chromium/policies/recommended' };
const FIREFOX_POLICY = '/etc/firefox/policies/policies.json';

interface PolicyFile {
  /** Writes the extension's policy, and Chrome policies beside it (`extra`, e.g. ExtensionSettings). */
  write(policy: Policy, extra?: Policy): void;
  remove(): void;
}

interface PolicyOptions {
  /** Chromium: the folder, managed/ (mandatory, default) or recommended/. */
  level?: 'mandatory' | 'recommended';
  /** Chrome policies in the same file, e.g. ExtensionSettings. */
  extra?: Policy;
}

/** Creates missing parent directories and remembers them, to remove them again when empty. */
function ensureDir(dir: string, created: string[]) {
  const missing: string[] = [];
  for (let d = dir; !existsSync(d); d = dirname(d)) missing.unshift(d);
  for (const d of missing) {
    mkdirSync(d);
    created.unshift(d);
  }
}

function policyFile(browser: BrowserName, level: PolicyOptions['level'] = 'mandatory'): PolicyFile {
  const path = browser === 'chromium' ? join(CHROMIUM_POLICY_DIRS[level], 'priority-guard-test.json') : FIREFOX_POLICY;
  const backup = `${path}.priority-guard-backup`;
  const created: string[] = [];
  let hadOriginal = false;
  let written = false;
  const wrap = (policy: Policy, extra: Policy) =>
    browser === 'chromium'
      ? { ...extra, '3rdparty': { extensions: { [CHROME_EXTENSION_ID]: policy } } }
      : { policies: { ...extra, '3rdparty': { Extensions: { [GECKO_ID]: policy } } } };
  return {
    write(policy, extra = {}) {
      if (!written) {
        ensureDir(dirname(path), created);
        // Firefox's policies.json may be the machine's own: keep it aside. Chromium's file is
        // this test's own name: whatever is there is a leftover of this test, never kept.
        if (browser === 'firefox' && existsSync(path)) {
          renameSync(path, backup);
          hadOriginal = true;
        }
      }
      written = true;
      writeFileSync(`${path}.tmp`, JSON.stringify(wrap(policy, extra), null, 2));
      // Dated a minute back, as a file deployed earlier would be: Chromium reads a file changed
      // in the last seconds once more a little later, and its page would flicker meanwhile.
      const past = new Date(Date.now() - 60_000);
      utimesSync(`${path}.tmp`, past, past);
      renameSync(`${path}.tmp`, path); // whole file at once: the browser's watcher never sees half of it
    },
    remove() {
      if (!written) return;
      written = false;
      rmSync(path, { force: true });
      if (hadOriginal) renameSync(backup, path);
      for (const d of created) {
        try {
          rmdirSync(d);
        } catch {
          // not empty: someone else put something there
        }
      }
      created.length = 0;
    },
  };
}

const files: PolicyFile[] = [];
// No test policy may outlive this file: every later test file's browser would read it.
afterAll(() => files.forEach((f) => f.remove()));
// Last resort if the run is killed between hooks.
process.once('exit', () => files.forEach((f) => f.remove()));

function trackedPolicyFile(browser: BrowserName, level?: PolicyOptions['level']): PolicyFile {
  const file = policyFile(browser, level);
  files.push(file);
  return file;
}

/** Writes the policy before the browser of the same describe launches; removes it after it closed. */
function usePolicy(browser: BrowserName, policy: Policy, { level, extra }: PolicyOptions = {}): PolicyFile {
  const file = trackedPolicyFile(browser, level);
  beforeAll(() => file.write(policy, extra));
  afterAll(() => file.remove());
  return file;
}

function canWritePolicies(): boolean {
  try {
    accessSync('/etc', constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

// --- Firefox prefs the harness does not set -----------------------------------

// The harness has no option for extra Firefox prefs. This file needs one: Firefox's own
// test pref that grants an extension's optional permissions without the doorhanger, so a
// click on "Allow on …" can complete headless. Wrapping puppeteer's launch (used by the
// harness) adds it for the browsers this file launches, and nothing else.
const EXTRA_FIREFOX_PREFS = { 'extensions.webextOptionalPermissionPrompts': false };
{
  const pp = puppeteer as unknown as { launch(options?: Record<string, unknown>): Promise<unknown> };
  const launchFirefox = pp.launch.bind(puppeteer);
  pp.launch = (options = {}) =>
    launchFirefox({ ...options, extraPrefsFirefox: { ...(options.extraPrefsFirefox as object | undefined), ...EXTRA_FIREFOX_PREFS } });
}

// --- page helpers ------------------------------------------------------------

async function until<T>(what: string, read: () => Promise<T>, ok: (value: T) => boolean, timeout = 15_000): Promise<T> {
  const end = Date.now() + timeout;
  let last: T | undefined;
  for (;;) {
    try {
      last = await read();
      if (ok(last)) return last;
    } catch {
      // the page may be navigating
    }
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}; last seen: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Opens the options page once the background has applied the policy (the "managed" banner shows). */
async function openOptions(browser: BrowserUnderTest): Promise<PageUnderTest> {
  const page = await browser.newPage();
  await gotoExtensionPage(browser, page, 'options.html');
  await page.waitFor('main.pg-opt [data-managed]', { timeout: 20_000 });
  return page;
}

interface OptionsState {
  managed: string | null;
  guardMode: { value: string; checked: boolean; disabled: boolean }[];
  plan: { value: string; checked: boolean; disabled: boolean }[];
  p1: { value: string; disabled: boolean };
  p4: { value: string; disabled: boolean };
  essentials: { value: string; disabled: boolean };
  phone: { value: string; disabled: boolean };
  problems: { source: string; path: string; text: string }[];
}

/** What the options page shows: the banner, the choices, the wording, the phone and the problems. */
async function optionsState(page: PageUnderTest): Promise<OptionsState> {
  return page.evaluate(() => {
    const radios = (name: string) =>
      [...document.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)].map((r) => ({
        value: r.value,
        checked: r.checked,
        disabled: r.matches(':disabled'),
      }));
    const field = (selector: string) => {
      const el = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;
      return { value: el.value, disabled: el.disabled };
    };
    return {
      managed: document.querySelector<HTMLElement>('[data-managed]')?.dataset.managed ?? null,
      guardMode: radios('guardMode'),
      plan: radios('plan'),
      p1: field('#wording-definitions-1'),
      p4: field('#wording-definitions-4'),
      essentials: field('#wording-ticketEssentials'),
      phone: field('#p1Phone'),
      problems: [...document.querySelectorAll<HTMLElement>('.pg-opt-problems li')].map((li) => ({
        source: li.dataset.source ?? '',
        path: li.dataset.path ?? '',
        text: li.textContent ?? '',
      })),
    };
  });
}

const checked = (radios: OptionsState['plan']) => radios.find((r) => r.checked)?.value;

async function chooseUrgentAndSubmit(page: PageUnderTest) {
  await page.waitFor('html[data-priority-guard="armed"]', { timeout: 10_000 });
  await page.evaluate((selector: string) => {
    const select = document.querySelector<HTMLSelectElement>(selector)!;
    select.value = 'urgent';
    select.dispatchEvent(new Event('input', { bubbles: true }));
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }, PRIORITY);
  await page.click(SUBMIT);
}

/** Submits the replica form as Priority 1 in `page`: the submissions before, and the P1 definition the dialog shows. */
async function submitP1(browser: BrowserUnderTest, page: PageUnderTest): Promise<{ before: number; p1: string }> {
  await page.goto(FORM);
  const before = browser.submissions().length;
  await chooseUrgentAndSubmit(page);
  const definition = browser.deep(DIALOG, '.pg-level-1 .pg-level-definition');
  await page.waitFor(definition, { state: 'visible' });
  return { before, p1: (await page.texts(definition)).join(' ') };
}

async function expectSubmittedAsUrgent(browser: BrowserUnderTest, before: number) {
  const submissions = await until('the replica portal to record the submission', async () => browser.submissions().length, (n) => n > before);
  expect(submissions).toBe(before + 1);
  const last = browser.submissions().at(-1)!;
  expect(last.fields.find((f) => f.name === 'request[priority]')?.value).toBe('urgent');
}

/** chrome://policy's table for the extension, as readPolicySection reads it. */
async function policySection(page: PageUnderTest): Promise<PolicySection> {
  return page.evaluate(readPolicySection, CHROME_EXTENSION_ID);
}

/** The popup page in a tab of its own; resolves once it has rendered. */
async function openPopup(browser: BrowserUnderTest): Promise<PageUnderTest> {
  const page = await browser.newPage();
  try {
    await gotoExtensionPage(browser, page, 'popup.html');
  } catch {
    // Firefox: the navigation goes on (see popup.e2e.ts); wait for the page instead.
  }
  await page.waitFor('.pg-step, .pg-result', { state: 'visible', timeout: 30_000 });
  return page;
}

// --- the tests ---------------------------------------------------------------

const portal = usePortal();
const root = canWritePolicies();
// CI runs as root: there these tests must run, never be skipped.
if (!root && process.env.CI) throw new Error('policy.e2e: /etc is not writable, but CI must run the managed-policy tests as root.');
if (!root) console.warn('policy.e2e: /etc is not writable (not root): the managed-policy tests are skipped (the run summary lists them).');

(root ? describe : describe.skip).each(BROWSERS)('managed policy: %s', (name) => {
  describe('an organisation policy with its own P1 wording and malformed values', () => {
    const file = usePolicy(name, organisationPolicy(name));
    const browser = useBrowser(name, portal);

    it("shows the organisation's P1 wording in the guard's dialog, despite the malformed values", async () => {
      await (await openOptions(browser())).close();
      const page = await browser().newPage();
      try {
        const { before, p1 } = await submitP1(browser(), page);
        expect(p1).toContain(ADMIN_P1);
        // The other levels keep the built-in wording.
        expect((await page.texts(browser().deep(DIALOG, '.pg-level-4 .pg-level-definition'))).join(' ')).toContain(
          'Puppet functioning and performing as normal.',
        );
        expect(browser().submissions().length).toBe(before); // held by the dialog
        expect(page.errors).toEqual([]);
      } finally {
        await page.close();
      }
    });

    it("shows the organisation's P1 phone number (Premium) only once every checklist statement is ticked", async () => {
      const page = await browser().newPage();
      try {
        await page.goto(FORM);
        await chooseUrgentAndSubmit(page);
        const boxes = browser().deep(DIALOG, 'input[name="checklist"]');
        await page.waitFor(boxes, { state: 'visible' });
        const phone = browser().deep(DIALOG, '.pg-phone');
        const values = await page.evaluate(
          (host: string) => [...document.querySelector(host)!.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="checklist"]')].map((i) => i.value),
          DIALOG,
        );
        expect(values).toHaveLength(3);
        for (const [i, value] of values.entries()) {
          expect(await page.texts(phone), `before statement ${i + 1} is ticked`).toEqual([]);
          await page.click(browser().deep(DIALOG, `input[name="checklist"][value="${value}"]`));
        }
        await page.waitFor(phone, { state: 'visible' });
        expect((await page.texts(phone)).join(' ')).toContain(ORG_PHONE);
      } finally {
        await page.close();
      }
    });

    it('shows the set values locked on the options page, and every ignored value it received in plain words', async () => {
      const page = await openOptions(browser());
      try {
        const state = await optionsState(page);
        const extra = await page.evaluate(() => ({
          planLegend: document.querySelector('fieldset[data-setting="plan"] legend')?.textContent ?? '',
          p1Label: document.querySelector('label[for="wording-definitions-1"]')?.textContent ?? '',
          markupInProblems: document.querySelectorAll('.pg-opt-problems img, .pg-opt-problems script').length,
          title: document.title,
        }));
        expect(state.managed).toBe('some');
        expect(state.plan.every((r) => r.disabled)).toBe(true);
        expect(checked(state.plan)).toBe('premium');
        expect(extra.planLegend).toContain('Set by your organisation');
        expect(state.guardMode.every((r) => r.disabled)).toBe(true);
        expect(state.p1).toEqual({ disabled: true, value: ADMIN_P1 });
        expect(extra.p1Label).toContain('Set by your organisation');
        expect(state.phone).toEqual({ disabled: true, value: ORG_PHONE });
        // Not set by the policy: still the user's to change.
        expect(state.p4.disabled).toBe(false);

        const paths = state.problems.map((p) => p.path);
        expect(paths).toEqual(expect.arrayContaining(['portals[0].matches[0]', 'popupViews[1]', 'wording.checklist.no_workaround']));
        expect(state.problems.every((p) => p.source === 'policy')).toBe(true);
        expect(state.problems.find((p) => p.path === 'portals[0].matches[0]')!.text).toContain('"support.acme.example"');
        // An unknown key, named with the key it looks like; what was given is shown as text, never as markup.
        const misspelt = state.problems.find((p) => p.path === 'wording.checklist.no_workaround')!;
        expect(misspelt.text).toContain('Not a setting Priority Guard knows: did you mean "no-workaround"?');
        expect(misspelt.text).toContain('<img src=x');
        expect(extra.markupInProblems).toBe(0);
        expect(extra.title).not.toBe('pwned');
        expect(page.errors).toEqual([]);
      } finally {
        await page.close();
      }
    });

    if (name === 'chromium') {
      it('Chrome removes unknown keys inside wording and a portal before the extension sees them: chrome://policy shows the values without them, and the options page cannot list them', async () => {
        const options = await openOptions(browser());
        const paths = (await optionsState(options)).problems.map((p) => p.path);
        await options.close();
        expect(paths).not.toContain('wording.footer');
        expect(paths).not.toContain('portals[0].colour');
        const page = await browser().newPage();
        try {
          await page.goto('chrome://policy');
          const section = await until('chrome://policy to show the wording', () => policySection(page), (s) => s.rows.some((r) => r.name === 'wording'));
          const wording = section.rows.find((r) => r.name === 'wording')!;
          // Shown as received, without the unknown key, marked OK: no warning about it.
          expect(wording.cells[0]).toContain('"no_workaround"'); // a text key in an all-text object passes
          expect(wording.cells[0]).not.toContain('footer');
          expect(wording.cells).toContain('OK');
          const portals = section.rows.find((r) => r.name === 'portals')!;
          expect(portals.cells[0]).toContain('support.acme.example');
          expect(portals.cells[0]).not.toContain('colour');
        } finally {
          await page.close();
        }
      });
    }

    if (name === 'firefox') {
      it('Firefox hands unknown keys over as they are: the options page lists wording.footer and portals[0].colour', async () => {
        const page = await openOptions(browser());
        try {
          const problems = (await optionsState(page)).problems;
          expect(problems.find((p) => p.path === 'wording.footer')?.text).toMatch(/^Organisation policy wording\.footer: Not a setting Priority Guard knows \(here it knows "definitions", /);
          expect(problems.find((p) => p.path === 'portals[0].colour')?.text).toContain('Not a setting Priority Guard knows (here it knows "name", "matches"');
        } finally {
          await page.close();
        }
      });
    }

    it('the toolbar popup says how many organisation settings were ignored, and "See which in the settings" opens the list', async () => {
      const options = await openOptions(browser());
      const count = (await optionsState(options)).problems.filter((p) => p.source === 'policy').length;
      await options.close();
      expect(count).toBeGreaterThan(1);
      const popup = await openPopup(browser());
      try {
        await popup.waitFor(`.pg-ignored-settings[data-count="${count}"]`, { state: 'visible' });
        const line = (await popup.texts('.pg-ignored-settings')).join(' ');
        expect(line).toContain(`${count} organisation settings were ignored.`);
        await popup.click('.pg-ignored-settings button');
        // The options page opens in a tab of its own, at its list of ignored settings.
        const opened = await until(
          'the options page to open at its list',
          () =>
            popup.evaluate(() => {
              const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
              return api.extension.getViews({ type: 'tab' }).map((w) => w.location.href);
            }),
          (urls) => urls.some((u) => u.endsWith('/options.html#problems')),
        );
        expect(opened.some((u) => u.endsWith('/options.html#problems'))).toBe(true);
      } finally {
        await popup.close();
      }
    });

    it('the build asks for at least Chrome 116 / Firefox 140, as the guide says', async () => {
      const page = await openOptions(browser());
      try {
        const versions = await page.evaluate(() => {
          const manifest = ((globalThis as { browser?: typeof chrome }).browser ?? chrome).runtime.getManifest() as chrome.runtime.Manifest & {
            browser_specific_settings?: { gecko?: { strict_min_version?: string } };
          };
          return { chrome: manifest.minimum_chrome_version ?? null, firefox: manifest.browser_specific_settings?.gecko?.strict_min_version ?? null };
        });
        if (name === 'chromium') expect(versions.chrome).toBe('116');
        else expect(versions.firefox).toBe('140.0');
      } finally {
        await page.close();
      }
    });

    // Chromium only (Firefox reads policies at start: see below); defined, not skipped, where it applies.
    if (name === 'chromium') {
      it('applies a changed policy live, without a restart; allowUserSettings false locks everything; a removed policy gives users their own settings back', async () => {
        // The user words Priority 4 and the P1 ticket essentials their own way (not set by the policy, so theirs to change).
        const options = await openOptions(browser());
        try {
          await options.evaluate(() => {
            const box = document.querySelector<HTMLTextAreaElement>('#wording-definitions-4')!;
            box.focus();
          });
          // One field at a time, each after the page has taken in the last, as typing would.
          for (const [id, text] of [['#wording-definitions-4', USER_P4], ['#wording-ticketEssentials', USER_ESSENTIALS.join('\n')]] as const) {
            await options.evaluate(
              async ({ selector, value }: { selector: string; value: string }) => {
                const box = document.querySelector<HTMLTextAreaElement>(selector)!;
                box.value = value;
                box.dispatchEvent(new Event('input', { bubbles: true }));
                await new Promise((r) => setTimeout(r, 100)); // the page re-renders with it
              },
              { selector: id, value: text },
            );
          }
          await options.click('#wording button[type="submit"]');
          await until('the options page to save the wording', async () => (await options.texts('.pg-opt-status')).join(''), (t) => t.includes('Wording saved.'));

          // The organisation changes its policy: guard mode "off", its own P1 and P4 wording.
          file.write(
            organisationPolicy(name, {
              guardMode: 'off',
              wording: { definitions: { 1: ADMIN_P1_LIVE, 4: ADMIN_P4_LIVE }, ticketEssentials: ADMIN_ESSENTIALS },
            }),
          );
          const live = await until(
            'the options page to show the new policy',
            async () => {
              await options.goto(browser().extensionUrl('options.html'));
              await options.waitFor('#guardMode-off');
              return optionsState(options);
            },
            (s) => checked(s.guardMode) === 'off',
            45_000,
          );
          expect(live.p1).toEqual({ value: ADMIN_P1_LIVE, disabled: true });
          expect(live.p4).toEqual({ value: ADMIN_P4_LIVE, disabled: true }); // the user's own P4 is kept, not shown
          // A list is replaced whole: the organisation's items only, none of the user's.
          expect(live.essentials).toEqual({ value: ADMIN_ESSENTIALS.join('\n'), disabled: true });
        } finally {
          await options.close();
        }
        const page = await browser().newPage();
        try {
          await page.goto(FORM);
          const before = browser().submissions().length;
          await chooseUrgentAndSubmit(page);
          await expectSubmittedAsUrgent(browser(), before);
          expect(await page.evaluate(() => document.querySelector('priority-guard-dialog'))).toBeNull();
        } finally {
          await page.close();
        }

        // The organisation locks everything: the user's own P4 is ignored (kept, not shown).
        file.write({ allowUserSettings: false, plan: 'premium' });
        const all = await browser().newPage();
        try {
          const state = await until(
            'the options page to show every setting locked',
            async () => {
              await gotoExtensionPage(browser(), all, 'options.html');
              await all.waitFor('#guardMode-off');
              return optionsState(all);
            },
            (s) => s.managed === 'all',
            45_000,
          );
          expect([...state.guardMode, ...state.plan].every((r) => r.disabled)).toBe(true);
          expect(checked(state.plan)).toBe('premium');
          expect(checked(state.guardMode)).toBe('dialog'); // the default, not the user's
          expect(state.p4.disabled).toBe(true);
          expect(state.p4.value).not.toBe(USER_P4);
          expect(state.phone.disabled).toBe(true);
        } finally {
          await all.close();
        }

        // The policy is removed: nothing is locked, and the user's own P4 applies again.
        file.remove();
        const after = await browser().newPage();
        try {
          const state = await until(
            'the options page to show no policy',
            async () => {
              await gotoExtensionPage(browser(), after, 'options.html');
              await after.waitFor('#guardMode-off');
              return optionsState(after);
            },
            (s) => s.managed === null,
            45_000,
          );
          expect(state.guardMode.every((r) => !r.disabled)).toBe(true);
          expect(checked(state.guardMode)).toBe('dialog'); // the default: the user never chose one
          expect(state.p4).toEqual({ value: USER_P4, disabled: false });
          expect(state.essentials).toEqual({ value: USER_ESSENTIALS.join('\n'), disabled: false });
          expect(state.p1.disabled).toBe(false);
          expect(state.p1.value).not.toBe(ADMIN_P1_LIVE);
          expect(state.problems).toEqual([]);
        } finally {
          await after.close();
        }
      }, 150_000);
    }
  });

  describe('values Chrome drops before the extension sees them: a wrong type, one wrong list item or deep value, JSON text for an object, an unknown top-level key', () => {
    const JSON_P1 = 'ACME, as JSON text: a Priority 1 is a company-wide outage.';
    const RECOMMENDED_PHONE = '+1 555 0199';
    // Chromium: Chrome's runtime_blocked_hosts over a built-in portal in the same file (tested below).
    const blockHosts = { ExtensionSettings: { [CHROME_EXTENSION_ID]: { runtime_blocked_hosts: ['*://support.puppet.com'] } } };
    usePolicy(
      name,
      {
        plan: 5,
        wording: JSON.stringify({ definitions: { 1: JSON_P1 } }),
        allowUsersettings: false,
        guardMode: 'note',
        // One wrong item: Chrome drops the whole list.
        popupViews: ['triage', 5],
        // A level as text deep inside: Chrome drops every portal; Firefox hands it over, and Priority Guard reads "1" as 1.
        portals: [{ name: 'ACME', matches: ['https://support.acme.example/hc/*'], newTicketUrl: 'https://support.acme.example/hc/new', labels: { 'Sev A': '1' } }],
      },
      name === 'chromium' ? { extra: blockHosts } : {},
    );
    // Chromium: a value at the recommended level too (Firefox has no such level for extensions).
    if (name === 'chromium') usePolicy(name, { p1Phone: RECOMMENDED_PHONE }, { level: 'recommended' });
    const browser = useBrowser(name, portal);

    if (name === 'chromium') {
      it('chrome://policy shows every key as "Not set." until Chrome has applied the policy, then only what fits the schema, with no error for the rest', async () => {
        // Opened at once, as an admin would right after starting the browser.
        const page = await browser().newPage();
        const started = Date.now();
        try {
          await page.goto('chrome://policy');
          await until('the "Show policies with no value set" box', () => page.evaluate(showUnset), Boolean);
          const first = await until('chrome://policy to list the extension', () => policySection(page), (s) => s.rows.length > 0);
          const seen: string[] = [sectionText(first)];
          const applied = await until(
            'chrome://policy to show the policy',
            async () => {
              const section = await policySection(page);
              if (seen.at(-1) !== sectionText(section)) seen.push(sectionText(section));
              return section;
            },
            (s) => s.rows.some((r) => r.name === 'guardMode' && r.cells[0] === 'note'),
            30_000,
          );
          console.log(`chrome://policy after start: ${seen.join(' → ')} (the values ${((Date.now() - started) / 1000).toFixed(1)} s after it opened)`);
          // Until then, every key is "Not set." (unless Chrome was quicker than this page).
          if (!first.rows.some((r) => r.name === 'guardMode' && r.cells[0] === 'note')) {
            expect(first.rows.map((r) => r.name).sort()).toEqual(['allowUserSettings', 'guardMode', 'p1Phone', 'plan', 'popupViews', 'portals', 'wording']);
            expect(first.rows.every((r) => r.cells.join(' ') === 'Not set.')).toBe(true);
          }
          const row = (key: string) => applied.rows.find((r) => r.name === key);
          expect(row('guardMode')!.cells).toEqual(['note', 'Platform', 'Machine', 'Mandatory', 'OK']);
          // Dropped without a word: the wrong type and the JSON text are "Not set.", the unknown key is not there at all.
          expect(row('plan')!.cells).toEqual(['Not set.']);
          expect(row('wording')!.cells).toEqual(['Not set.']);
          expect(row('popupViews')!.cells).toEqual(['Not set.']);
          expect(row('portals')!.cells).toEqual(['Not set.']);
          expect(applied.rows.map((r) => r.name)).not.toContain('allowUsersettings');
          expect(sectionText(applied)).not.toMatch(/error|warning/i);
          // A recommended value is shown as such.
          expect(row('p1Phone')!.cells).toEqual([RECOMMENDED_PHONE, 'Platform', 'Machine', 'Recommended', 'OK']);
        } finally {
          await page.close();
        }
      });

      it('the extension gets none of them, nor the recommended values: the options page shows them as not set and lists nothing, the popup counts nothing', async () => {
        const page = await openOptions(browser());
        try {
          const state = await optionsState(page);
          expect(state.guardMode.every((r) => r.disabled)).toBe(true);
          expect(checked(state.guardMode)).toBe('note');
          // plan: 5 was dropped: not set, the user's to choose.
          expect(state.plan.every((r) => !r.disabled)).toBe(true);
          expect(checked(state.plan)).toBe('unknown');
          expect(state.p1.disabled).toBe(false);
          expect(state.p1.value).not.toBe(JSON_P1);
          // The recommended phone number never arrives.
          expect(state.phone).toEqual({ value: '', disabled: false });
          expect(state.problems).toEqual([]);
          expect(await page.texts('[data-portal="ACME"]')).toEqual([]);
          const managed = await page.evaluate(() => chrome.storage.managed.get());
          expect(managed).toEqual({ guardMode: 'note' });
        } finally {
          await page.close();
        }
        const popup = await openPopup(browser());
        try {
          expect(await popup.texts('.pg-ignored-settings')).toEqual([]);
        } finally {
          await popup.close();
        }
      });
    }

    // Chrome's ExtensionSettings runtime_blocked_hosts (in the same policy file, Chromium only).
    if (name === 'chromium') {
      it('ExtensionSettings runtime_blocked_hosts over a built-in portal stops the guard there, content script included: no mark on the page, a P1 goes through', async () => {
        await (await openOptions(browser())).close(); // the policy has arrived
        const page = await browser().newPage();
        try {
          await page.goto(FORM);
          await page.waitFor('#new_request');
          await new Promise((r) => setTimeout(r, 500));
          expect(await page.evaluate(() => document.documentElement.getAttribute('data-priority-guard'))).toBeNull();
          const before = browser().submissions().length;
          await page.evaluate((selector: string) => {
            document.querySelector<HTMLSelectElement>(selector)!.value = 'urgent';
          }, PRIORITY);
          await page.click(SUBMIT);
          await expectSubmittedAsUrgent(browser(), before);
        } finally {
          await page.close();
        }
      });
    }

    if (name === 'firefox') {
      it('Firefox hands every value over: the options page lists the wrong type and the unknown key, and reads the JSON text', async () => {
        const page = await openOptions(browser());
        try {
          const state = await optionsState(page);
          expect(checked(state.guardMode)).toBe('note');
          expect(state.p1).toEqual({ value: JSON_P1, disabled: true });
          expect(state.plan.every((r) => !r.disabled)).toBe(true);
          const listed = state.problems.map((p) => [p.path, p.text.replace(/^Organisation policy \S+: /, '')]);
          expect(listed.sort(([a], [b]) => a!.localeCompare(b!))).toEqual([
            ['allowUsersettings', 'Not a setting Priority Guard knows: did you mean "allowUserSettings"? Given: false. Ignored.'],
            ['plan', 'Expected "standard", "premium", or "unknown". Given: 5. Ignored.'],
            ['popupViews[1]', 'Expected "triage" or "definitions". Given: 5. Ignored.'],
          ]);
          // The portal applies, its level given as text read as a number.
          expect((await page.texts('[data-portal="ACME"]')).join(' ')).toContain('ACME');
        } finally {
          await page.close();
        }
        const popup = await openPopup(browser());
        try {
          await popup.waitFor('.pg-ignored-settings[data-count="3"]', { state: 'visible' });
        } finally {
          await popup.close();
        }
      });

      it('about:policies shows the values under 3rdparty → Extensions → priority-guard@support-tools, as given', async () => {
        const page = await browser().newPage();
        try {
          await page.goto('about:policies', { until: 'commit' });
          const rows = await until(
            'about:policies to list the policy',
            () =>
              page.evaluate(() =>
                [...document.querySelectorAll('#activeContent tr')].map((tr) =>
                  [...tr.children].map((td) => (td.textContent ?? '').replace(/\s+/g, ' ').trim()).filter(Boolean).join(' '),
                ),
              ),
            (r) => r.some((line) => line.includes('allowUsersettings')),
          );
          const text = rows.join(' / ');
          expect(text).toContain('3rdparty Extensions priority-guard@support-tools');
          expect(text).toContain('plan 5');
          expect(text).toContain('allowUsersettings false');
          expect(text).toContain('guardMode "note"');
        } finally {
          await page.close();
        }
      });
    }
  });

  describe('a portal on another site, added by policy', () => {
    // www.example.org is served by the replica too, but is not in the manifest.
    const OTHER = 'https://www.example.org/hc/en-us/requests/new?fixture=zendesk-select';
    usePolicy(name, {
      portals: [{ name: 'Example portal', matches: ['https://www.example.org/hc/*'], newTicketUrl: 'https://www.example.org/hc/en-us/requests/new' }],
      wording: { definitions: { 1: ADMIN_P1 } },
    });
    const browser = useBrowser(name, portal);

    it('does not run there before the user allows it, and the options page offers "Allow on www.example.org"', async () => {
      const options = await openOptions(browser());
      try {
        await options.waitFor('button[data-origin="https://www.example.org/*"]', { state: 'visible' });
        expect((await options.texts('button[data-origin="https://www.example.org/*"]'))[0]).toBe('Allow on www.example.org');
        expect((await options.texts('[data-portal="Example portal"]')).join(' ')).toContain('Not allowed yet on www.example.org');
      } finally {
        await options.close();
      }
      const page = await browser().newPage();
      try {
        await page.goto(OTHER);
        await page.waitFor('#new_request');
        await new Promise((r) => setTimeout(r, 500));
        expect(await page.evaluate(() => document.documentElement.hasAttribute('data-priority-guard'))).toBe(false);
      } finally {
        await page.close();
      }
    });

    // Chromium asks in browser UI that automation cannot answer; Firefox has a pref for it.
    if (name === 'firefox') it('runs there once allowed: the content script is registered at run time', async () => {
      const options = await openOptions(browser());
      try {
        await options.click('button[data-origin="https://www.example.org/*"]');
        await until(
          'the options page to show the access granted',
          async () => (await options.texts('[data-portal="Example portal"]')).join(' '),
          (text) => text.includes('Allowed on www.example.org'),
        );
      } finally {
        await options.close();
      }
      const page = await browser().newPage();
      try {
        await page.goto(OTHER);
        const before = browser().submissions().length;
        await chooseUrgentAndSubmit(page);
        const definition = browser().deep(DIALOG, '.pg-level-1 .pg-level-definition');
        await page.waitFor(definition, { state: 'visible' });
        expect((await page.texts(definition)).join(' ')).toContain(ADMIN_P1);
        expect(browser().submissions().length).toBe(before);
      } finally {
        await page.close();
      }
    });

    if (name === 'firefox') it('lists the site under "Site access" with "Remove access", which gives the access back', async () => {
      const options = await openOptions(browser());
      try {
        const site = 'li.pg-opt-site[data-origin="https://www.example.org/*"]';
        await options.waitFor(site, { state: 'visible' });
        expect((await options.texts(site)).join(' ')).toContain('used by Example portal');
        await options.click(`${site} button`);
        await until('the access to be given back', async () => (await options.texts('.pg-opt-status')).join(''), (t) =>
          t.includes('Priority Guard no longer has access to www.example.org'),
        );
        await until('the portal to wait for "Allow" again', async () => (await options.texts('[data-portal="Example portal"]')).join(' '), (t) =>
          t.includes('Not allowed yet on www.example.org'),
        );
      } finally {
        await options.close();
      }
      const page = await browser().newPage();
      try {
        await page.goto(OTHER);
        await page.waitFor('#new_request');
        await new Promise((r) => setTimeout(r, 500));
        expect(await page.evaluate(() => document.documentElement.hasAttribute('data-priority-guard'))).toBe(false);
      } finally {
        await page.close();
      }
    });
  });

  describe('guard mode "off" set by policy', () => {
    usePolicy(name, { guardMode: 'off', plan: 'standard' });
    const browser = useBrowser(name, portal);

    it('lets a Priority 1 through: the portal receives the submission', async () => {
      await (await openOptions(browser())).close();
      const page = await browser().newPage();
      try {
        await page.goto(FORM);
        const before = browser().submissions().length;
        await chooseUrgentAndSubmit(page);
        await expectSubmittedAsUrgent(browser(), before);
        await page.waitFor('#submitted', { timeout: 10_000 });
        expect(page.errors).toEqual([]);
      } finally {
        await page.close();
      }
    });

    it('shows guard mode "off" locked on the options page, with no problems listed', async () => {
      const page = await openOptions(browser());
      try {
        const state = await page.evaluate(() => ({
          off: document.querySelector<HTMLInputElement>('#guardMode-off')!.checked,
          disabled: document.querySelector<HTMLFieldSetElement>('fieldset[data-setting="guardMode"]')!.disabled,
          problems: document.querySelectorAll('.pg-opt-problems li').length,
          wordingLocked: document.querySelector<HTMLTextAreaElement>('#wording-definitions-1')!.disabled,
        }));
        expect(state).toEqual({ off: true, disabled: true, problems: 0, wordingLocked: false });
      } finally {
        await page.close();
      }
    });
  });

  // The organisation's wording per language (wording.byLanguage). The harness launches
  // browsers whose UI is English, so an "en" block over the top level shows that the guard
  // chooses by the UI language; "de" must not apply here.
  describe('wording per language: the UI language\'s wording over the wording for every language', () => {
    usePolicy(name, LANGUAGE_WORDING_POLICY);
    const browser = useBrowser(name, portal);

    it("shows the English block's P1, marked as the organisation's, the top level's checklist and the built-in reassurance", async () => {
      await (await openOptions(browser())).close();
      const page = await browser().newPage();
      try {
        const { before, p1 } = await submitP1(browser(), page);
        expect(p1).toContain(ENGLISH_P1);
        expect(p1).toContain("(your organisation's wording)");
        expect(p1).not.toContain(ADMIN_P1);
        expect(p1).not.toContain(GERMAN_P1);
        const checklist = (await page.texts(browser().deep(DIALOG, '.pg-checklist'))).join(' ');
        expect(checklist).toContain(EVERY_LANGUAGE_CRITICAL);
        expect(checklist).not.toContain('Deutsch');
        expect((await page.texts(browser().deep(DIALOG, '.pg-reassurance'))).join(' ')).toContain('99.4%');
        // The note by the field speaks the same wording.
        expect((await page.texts(browser().deep('priority-guard-note', '.pg-note'))).join(' ')).toContain(ENGLISH_P1);
        expect(browser().submissions().length).toBe(before); // held by the dialog
        expect(page.errors).toEqual([]);
      } finally {
        await page.close();
      }
    });

    it('shows that P1 on the options page, locked as set by the organisation, with no problems listed', async () => {
      const page = await openOptions(browser());
      try {
        const state = await optionsState(page);
        expect(state.p1).toEqual({ disabled: true, value: ENGLISH_P1 });
        expect(state.p4.disabled).toBe(false);
        expect(state.problems).toEqual([]);
      } finally {
        await page.close();
      }
    });
  });

  // The same policy in browsers whose UI is German (its block applies) and Brazilian
  // Portuguese (no block for pt-BR or pt: the top level applies, in a Portuguese dialog).
  describe.each([
    { catalogue: 'de', p1: GERMAN_P1, critical: GERMAN_CRITICAL, not: [ADMIN_P1, ENGLISH_P1] },
    { catalogue: 'pt_BR', p1: ADMIN_P1, critical: EVERY_LANGUAGE_CRITICAL, not: [GERMAN_P1, ENGLISH_P1] },
  ])('wording per language, the browser in $catalogue', (language) => {
    usePolicy(name, LANGUAGE_WORDING_POLICY);
    const browser = useBrowser(name, portal, { locale: UI_LANGUAGES.find((l) => l.catalogue === language.catalogue)![name] });

    it("the dialog shows that language's wording, or the top level's, marked as the organisation's in that language", async () => {
      const words = await catalogueWords(language.catalogue);
      await (await openOptions(browser())).close();
      const page = await browser().newPage();
      try {
        const { before, p1 } = await submitP1(browser(), page);
        expect(p1).toContain(language.p1);
        expect(p1).toContain(words('level.mark.replaced'));
        for (const other of language.not) expect(p1).not.toContain(other);
        expect((await page.texts(browser().deep(DIALOG, '#pg-dialog-title'))).join('')).toBe(words('dialog.title'));
        expect((await page.texts(browser().deep(DIALOG, '.pg-checklist'))).join(' ')).toContain(language.critical);
        expect(browser().submissions().length).toBe(before); // held by the dialog
        expect(page.errors).toEqual([]);
      } finally {
        await page.close();
      }
    });
  });

  // Firefox reads policies.json at start only: a change waits for the next start. Three starts
  // with one profile (the extension keeps its storage across them).
  if (name === 'firefox') {
    describe('Firefox reads the policy at start; a removed policy gives users their own settings back', () => {
      const file = usePolicy(name, { plan: 'premium' });
      let profile = '';
      beforeAll(() => {
        profile = mkdtempSync(join(tmpdir(), 'pg-e2e-firefox-profile-'));
      });
      afterAll(() => rmSync(profile, { recursive: true, force: true, maxRetries: 3 }));

      it('applies a change at the next start, not before; once the policy is removed, the user\'s own choice applies again', async () => {
        const start = () => launch(name, portal(), { profileDir: profile });
        let b = await start();
        try {
          const page = await openOptions(b);
          expect(checked((await optionsState(page)).plan)).toBe('premium');
          // The user chooses guard mode "note" (theirs to choose: the policy does not set it).
          await page.click('#guardMode-note');
          await until('the choice to be saved', async () => (await page.texts('.pg-opt-status')).join(''), (t) => t.includes('Guard mode saved.'));
          // The organisation sets guard mode "off" while Firefox runs: nothing changes yet.
          file.write({ plan: 'premium', guardMode: 'off' });
          await new Promise((r) => setTimeout(r, 3_000));
          await gotoExtensionPage(b, page, 'options.html');
          await page.waitFor('#guardMode-note');
          const running = await optionsState(page);
          expect(checked(running.guardMode)).toBe('note');
          expect(running.guardMode.every((r) => !r.disabled)).toBe(true);
        } finally {
          await b.close();
        }
        b = await start();
        try {
          const page = await openOptions(b);
          const restarted = await until('the new policy', () => optionsState(page), (s) => checked(s.guardMode) === 'off');
          expect(restarted.guardMode.every((r) => r.disabled)).toBe(true);
        } finally {
          await b.close();
        }
        file.remove();
        b = await start();
        try {
          const page = await b.newPage();
          const state = await until(
            'the options page without a policy',
            async () => {
              await gotoExtensionPage(b, page, 'options.html');
              await page.waitFor('#guardMode-note');
              return optionsState(page);
            },
            (s) => s.managed === null && checked(s.guardMode) === 'note',
            20_000,
          );
          expect(state.guardMode.every((r) => !r.disabled)).toBe(true);
          expect(checked(state.plan)).toBe('unknown');
          expect(state.plan.every((r) => !r.disabled)).toBe(true);
        } finally {
          await b.close();
        }
      }, 120_000);
    });
  }

  // Chrome's own extension policies that keep the extension from loading at all. Defined
  // for Chromium only: Firefox has no such policies for an extension's permissions.
  if (name === 'chromium') {
    const blocked: [string, Policy][] = [
      ['ExtensionSettings blocked_permissions ["scripting"]', { [CHROME_EXTENSION_ID]: { blocked_permissions: ['scripting'] } }],
      // The sample's force-install entry, as shipped (docs/enterprise.md: not beside an unpacked copy of the same id).
      ["chrome-linux.json's force-install entry, with an unpacked copy of the same id", chromeLinuxSample().ExtensionSettings],
    ];
    describe.each(blocked)('%s', (_what, extensionSettings) => {
      usePolicy(name, { guardMode: 'dialog' }, { extra: { ExtensionSettings: extensionSettings } });
      let context: BrowserContext | undefined;
      let profile = '';
      beforeAll(async () => {
        profile = mkdtempSync(join(tmpdir(), 'pg-e2e-chromium-blocked-'));
        const dir = extensionDir('chromium');
        context = await chromium.launchPersistentContext(profile, {
          executablePath: executablePath('chromium'),
          headless: process.env.E2E_HEADED !== '1',
          ignoreHTTPSErrors: true,
          args: chromiumArgs({ extensionDir: dir, hostRules: hostRules(await replicaHosts(), portal().port) }),
        });
      });
      afterAll(async () => {
        await context?.close();
        rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
      });

      it('Chromium does not load the extension at all: its pages are blocked, it has no policy table, the portal page has no mark, a P1 goes through', async () => {
        const ctx = context!;
        /** Each step in a fresh tab, within 20 s: a step that hangs is named. */
        const open = async <T>(what: string, use: (page: Awaited<ReturnType<BrowserContext['newPage']>>) => Promise<T>): Promise<T> => {
          let timer: ReturnType<typeof setTimeout> | undefined;
          const timeout = new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error(`${what}: no answer within 20 s`)), 20_000);
          });
          const step = (async () => {
            const page = await ctx.newPage();
            page.setDefaultTimeout(15_000);
            try {
              return await use(page);
            } catch (error) {
              throw new Error(`${what}: ${String(error)}`);
            } finally {
              await closeTab(page);
            }
          })();
          try {
            return await Promise.race([step, timeout]);
          } finally {
            clearTimeout(timer);
          }
        };
        // chrome://policy: no table for Priority Guard once the extension would have loaded.
        await open('chrome://policy', async (page) => {
          await page.goto('chrome://policy');
          await new Promise((r) => setTimeout(r, 2_000));
          expect((await page.evaluate(readPolicySection, CHROME_EXTENSION_ID)).present).toBe(false);
        });
        expect(ctx.serviceWorkers().filter((w) => w.url().includes(CHROME_EXTENSION_ID))).toEqual([]);
        await open('its options page', async (page) => {
          await expect(page.goto(`chrome-extension://${CHROME_EXTENSION_ID}/options.html`)).rejects.toThrow(/ERR_BLOCKED_BY_CLIENT/);
        });
        await open('chrome://extensions-internals', async (page) => {
          await page.goto('chrome://extensions-internals');
          expect(await page.evaluate(() => document.body.innerText)).not.toContain(CHROME_EXTENSION_ID);
        });
        await open('the portal page', async (page) => {
          const messages: string[] = [];
          page.on('console', (m) => messages.push(m.text()));
          await page.goto(FORM);
          await page.waitForSelector('#new_request');
          await new Promise((r) => setTimeout(r, 500));
          expect(await page.evaluate(() => document.documentElement.getAttribute('data-priority-guard'))).toBeNull();
          const before = portal().submissions.length;
          await page.selectOption(PRIORITY, 'urgent');
          await page.click(SUBMIT);
          await until('the replica portal to record the submission', async () => portal().submissions.length, (n) => n > before);
          expect(portal().submissions.at(-1)!.fields.find((f) => f.name === 'request[priority]')?.value).toBe('urgent');
          expect(messages.filter((line) => /priority guard/i.test(line))).toEqual([]);
        });
      });
    });
  }
});
