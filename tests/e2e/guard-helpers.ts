// Helpers for the guard's end-to-end tests (guard-*.e2e.ts): the replica pages, a driver
// per priority widget that chooses a level the way a user does (real clicks and keys), the
// guard's DOM contract (dialog, note, page mark), and what the harness does not expose
// (viewport, colour scheme, Shift+Tab, console messages), reached through the browser the
// harness launched.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { chromium, type BrowserContext, type Page as PwPage } from 'playwright-core';
import puppeteer, { type Browser as PpBrowser, type Page as PpPage } from 'puppeteer-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { REPO_ROOT } from './harness/env';
import {
  useBrowser,
  type BrowserName,
  type BrowserUnderTest,
  type LaunchOptions,
  type PageUnderTest,
  type Portal,
  type Submission,
} from './harness/setup';

export type Level = 1 | 2 | 3 | 4;
export type FieldData = Record<string, string | string[]>;

export const ARTIFACTS = join(REPO_ROOT, 'tests/e2e/.artifacts');

// ---------------------------------------------------------------------------------------
// Reaching the browser the harness launched
// ---------------------------------------------------------------------------------------

// The harness keeps Playwright's context and Puppeteer's browser to itself. Both libraries
// are plain Node modules shared with the harness, so wrapping their launch functions lets
// these tests see what was launched without changing the harness.
// Each library object is wrapped once (marked on itself); what was launched is kept on
// globalThis, so it does not matter whether a later test file in the same worker gets fresh
// copies of the libraries or of this module.
const launched = ((globalThis as { __pgLaunched?: { chromium?: BrowserContext; firefox?: PpBrowser } }).__pgLaunched ??= {});
{
  const pw = chromium as unknown as { __pgHooked?: true; launchPersistentContext: (...a: unknown[]) => Promise<BrowserContext> };
  if (!pw.__pgHooked) {
    pw.__pgHooked = true;
    const pwLaunch = pw.launchPersistentContext.bind(chromium);
    pw.launchPersistentContext = async (...args) => (launched.chromium = await pwLaunch(...args));
  }
  const pp = puppeteer as unknown as { __pgHooked?: true; launch: (...a: unknown[]) => Promise<PpBrowser> };
  if (!pp.__pgHooked) {
    pp.__pgHooked = true;
    const ppLaunch = pp.launch.bind(puppeteer);
    pp.launch = async (...args) => (launched.firefox = await ppLaunch(...args));
  }
}

/** What the tests need beyond PageUnderTest, for one tab. */
export interface RawPage {
  setViewport(width: number, height: number): Promise<void>;
  /** prefers-color-scheme emulation (Chromium; Firefox over BiDi may refuse). */
  colorScheme(scheme: 'light' | 'dark'): Promise<void>;
  /** Shift+Tab, as real key events. */
  shiftTab(): Promise<void>;
  /** A key pressed with a modifier held, as real key events: chord('Control', 'z') is undo. */
  chord(modifier: 'Control' | 'Shift', key: string): Promise<void>;
  /** console.error / console.warn text seen in this tab (page and content scripts). */
  readonly console: { type: string; text: string }[];
  /** Chromium only: the accessibility tree's dialogs (role, name) via CDP. */
  axDialogs?(): Promise<{ role: string; name: string }[]>;
  /** Screenshot of the visible viewport. */
  screenshot(path: string): Promise<void>;
  /** Makes this tab the active one (after another tab was opened in front of it). */
  bringToFront(): Promise<void>;
  /** A real mouse click at viewport coordinates (CSS pixels). */
  clickAt(x: number, y: number): Promise<void>;
  /** Chromium only: Playwright's page and context, for what only CDP can do. */
  chromium?: { page: PwPage; context: BrowserContext };
}

function rawPlaywright(page: PwPage, ctx: BrowserContext): RawPage {
  const messages: { type: string; text: string }[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') messages.push({ type: m.type(), text: m.text() });
  });
  return {
    console: messages,
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    colorScheme: (scheme) => page.emulateMedia({ colorScheme: scheme }),
    shiftTab: () => page.keyboard.press('Shift+Tab'),
    chord: (modifier, key) => page.keyboard.press(`${modifier}+${key}`),
    async axDialogs() {
      const session = await ctx.newCDPSession(page);
      try {
        const { nodes } = (await session.send('Accessibility.getFullAXTree')) as {
          nodes: { role?: { value?: string }; name?: { value?: string }; ignored?: boolean }[];
        };
        return nodes
          .filter((n) => !n.ignored && n.role?.value === 'dialog')
          .map((n) => ({ role: n.role?.value ?? '', name: n.name?.value ?? '' }));
      } finally {
        await session.detach();
      }
    },
    async screenshot(path) {
      mkdirSync(dirname(path), { recursive: true });
      // caret: 'initial': hiding the caret adds a style to open shadow roots, and the guard
      // rebuilds a dialog that anything else writes into (scrolled back to its top).
      await page.screenshot({ path, caret: 'initial' });
    },
    bringToFront: () => page.bringToFront(),
    clickAt: (x, y) => page.mouse.click(x, y),
    chromium: { page, context: ctx },
  };
}

function rawPuppeteer(page: PpPage): RawPage {
  const messages: { type: string; text: string }[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warn') messages.push({ type: m.type(), text: m.text() });
  });
  return {
    console: messages,
    setViewport: (width, height) => page.setViewport({ width, height }),
    colorScheme: (scheme) => page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]),
    shiftTab() {
      return this.chord('Shift', 'Tab');
    },
    async chord(modifier, key) {
      await page.keyboard.down(modifier);
      await page.keyboard.press(key as Parameters<PpPage['keyboard']['press']>[0]);
      await page.keyboard.up(modifier);
    },
    async screenshot(path) {
      mkdirSync(dirname(path), { recursive: true });
      await page.screenshot({ path: path as `${string}.png` });
    },
    bringToFront: () => page.bringToFront(),
    clickAt: (x, y) => page.mouse.click(x, y),
  };
}

/**
 * useBrowser() plus a way to open tabs with RawPage access. The built extension is the
 * default one, or the directory in $E2E_EXTENSION_DIR_CHROMIUM / $E2E_EXTENSION_DIR_FIREFOX
 * (used to prove the tests fail against a build without a working guard).
 */
export function useGuardBrowser(name: BrowserName, portal: () => Portal, options: LaunchOptions = {}) {
  const override = process.env[`E2E_EXTENSION_DIR_${name.toUpperCase()}`];
  const browser = useBrowser(name, portal, override ? { ...options, extensionDir: override } : options);
  let ctx: BrowserContext | undefined;
  let ff: PpBrowser | undefined;
  const open: GuardPage[] = [];
  beforeAll(() => {
    if (name === 'chromium') ctx = launched.chromium;
    else ff = launched.firefox;
    launched[name] = undefined;
    if (!ctx && !ff) throw new Error(`guard-helpers: could not reach the ${name} the harness launched`);
  });
  afterAll(async () => {
    for (const page of open.splice(0)) await page.page.close().catch(() => undefined);
  });

  async function newPage(): Promise<GuardPage> {
    const b = browser();
    let raw: RawPage;
    let page: PageUnderTest;
    if (ctx) {
      const before = new Set(ctx.pages());
      page = await b.newPage();
      const created = ctx.pages().find((p) => !before.has(p));
      if (!created) throw new Error('guard-helpers: new Chromium tab not found');
      raw = rawPlaywright(created, ctx);
    } else {
      const before = new Set(await ff!.pages());
      page = await b.newPage();
      const created = (await ff!.pages()).find((p) => !before.has(p));
      if (!created) throw new Error('guard-helpers: new Firefox tab not found');
      raw = rawPuppeteer(created);
    }
    const g = new GuardPage(b, page, raw);
    open.push(g);
    return g;
  }

  /** One tab reused by the tests of the enclosing describe (each test navigates it). */
  let shared: GuardPage | undefined;
  async function sharedPage(): Promise<GuardPage> {
    if (!shared || shared.closed) shared = await newPage();
    shared.raw.console.length = 0;
    return shared;
  }
  return { browser, newPage, sharedPage };
}

// ---------------------------------------------------------------------------------------
// Small utilities
// ---------------------------------------------------------------------------------------

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls check() until it returns something truthy; throws with `what` after timeout. */
export async function until<T>(check: () => T | Promise<T>, what: string, timeout = 10_000, every = 50): Promise<Exclude<T, null | undefined | false | 0 | ''>> {
  const end = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as Exclude<T, null | undefined | false | 0 | ''>;
    } catch (error) {
      last = error;
    }
    if (Date.now() > end) throw new Error(`Timed out after ${timeout} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
    await sleep(every);
  }
}

/**
 * Reads until ok(value) or the timeout, and returns the last value read either way: for an
 * expect() afterwards that shows what the page looked like, rather than a bare timeout.
 */
export async function settle<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeout: number, every = 50): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    let value: T | undefined;
    let failed = false;
    try {
      value = await read();
    } catch {
      failed = true; // the page may be navigating
    }
    if (!failed && ok(value as T)) return value as T;
    if (Date.now() > end) {
      if (failed) return read();
      return value as T;
    }
    await sleep(every);
  }
}

/** How long a "nothing happens" check waits for something that should not happen. */
export const SETTLE_MS = 250;

/** A submission's fields the way window.__fixture.fields() reports a form (repeats as arrays). */
export function submittedData(sub: Submission): FieldData {
  const out: FieldData = {};
  for (const { name, value } of sub.fields) {
    const prev = out[name];
    if (prev === undefined) out[name] = value;
    else if (Array.isArray(prev)) prev.push(value);
    else out[name] = [prev, value];
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// The replica pages
// ---------------------------------------------------------------------------------------

export function fixtureUrl(fixture: string, extra = ''): string {
  if (fixture === 'salesforce-lwr') return `https://portal.perforce.com/s/contactsupport?fixture=salesforce-lwr${extra}`;
  if (fixture === 'salesforce-bare') return `https://portal.perforce.com/s/contactsupport?fixture=salesforce-bare${extra}`;
  return `https://support.puppet.com/hc/en-us/requests/new?fixture=${fixture}${extra}`;
}
export const ARTICLE_URL = 'https://support.puppet.com/hc/en-us/articles/360035198994?fixture=article';
export const NOT_A_PORTAL_URL = 'https://www.example.org/hc/en-us/requests/new?fixture=zendesk-select';

/** The data the tests put into a form before submitting (besides the priority). */
export interface FillSpec {
  /** name → value for inputs, textareas and selects (looked up through open shadow roots). */
  values: Record<string, string>;
  /** name of a file input → file name to attach. */
  files: Record<string, string>;
  /** name → value for widgets the page owns (Garden, react-select, nesty, lightning-combobox). */
  widgets: Record<string, string>;
}

// Text with characters a careless re-encoding would damage (no newlines: browsers send CRLF).
const SUBJECT = 'Agent runs fail on pe-compiler-01 — "ünïcödé" & <tags>';
const DESCRIPTION = 'Since 09:40 UTC every agent run fails with a 500 from the compiler; nothing changed on our side.';

const LEGACY_FILL: FillSpec = {
  values: {
    'request[anonymous_requester_email]': 'ada@example.com',
    'request[subject]': SUBJECT,
    'request[description]': DESCRIPTION,
    'request[custom_fields][360022222]': '2023.8.1',
  },
  files: { 'request[attachments][]': 'support-bundle.tar.gz' },
  widgets: { 'request[custom_fields][360011111]': 'bolt' },
};

// ---------------------------------------------------------------------------------------
// One driver per priority widget
// ---------------------------------------------------------------------------------------

export type FormKind = 'legacy' | 'copenhagen' | 'radio' | 'jsm' | 'salesforce';

export interface Widget {
  fixture: string;
  kind: FormKind;
  /** The field's value for each level (what the page submits). */
  values: Record<Level, string>;
  /** The option label the widget shows for each level. */
  labels: Record<Level, string>;
  /** The priority's name in fields() and at the server. */
  priorityName: string;
  fill: FillSpec;
  /** Selector path (through shadow roots) of the submit button. */
  submit: string[];
  /** Selector path of the subject text field. */
  subject: string[];
  /** Selector path of where the description is typed. */
  description: string[];
  /** The priority field's wrapper: the P1 note goes right after it. */
  wrapper: string;
  /** Selector path of the element that should have focus after "Change to Priority N". */
  focusAfterChange(level: Level): string[];
  /** Chooses the level as a user does: real clicks and key presses on the widget. */
  choose(g: GuardPage, level: Level): Promise<void>;
}

const ZENDESK_VALUES: Record<Level, string> = { 1: 'urgent', 2: 'high', 3: 'normal', 4: 'low' };
const ZENDESK_LABELS: Record<Level, string> = { 1: 'Urgent', 2: 'High', 3: 'Normal', 4: 'Low' };

/** A native <select>: click its label (focuses it without opening it), then type-ahead. */
function nativeSelect(
  fixture: string,
  id: string,
  values: Record<Level, string>,
  labels: Record<Level, string>,
  keys: Record<Level, string[]>,
): Widget {
  return {
    fixture,
    kind: 'legacy',
    values,
    labels,
    priorityName: fixture === 'zendesk-custom-select' ? 'request[custom_fields][360012345]' : 'request[priority]',
    fill: LEGACY_FILL,
    submit: ['form#new_request input[type="submit"][name="commit"]'],
    subject: ['#request_subject'],
    description: ['#request_description'],
    wrapper: `.form-field:has(> select#${id})`,
    focusAfterChange: () => [`select#${id}`],
    async choose(g, level) {
      await g.page.click(`label[for="${id}"]`);
      for (const key of keys[level]) await g.page.press(key);
      await g.expectPriority(this, level);
    },
  };
}

const selectKeys: Record<Level, string[]> = { 1: ['u'], 2: ['h'], 3: ['n'], 4: ['l'] };
export const zendeskSelect = (fixture = 'zendesk-select') => nativeSelect(fixture, 'request_priority', ZENDESK_VALUES, ZENDESK_LABELS, selectKeys);

export const zendeskCustomSelect = nativeSelect(
  'zendesk-custom-select',
  'request_custom_fields_360012345',
  { 1: 'priority_1', 2: 'priority_2', 3: 'priority_3', 4: 'priority_4' },
  { 1: 'P1 - Critical', 2: 'P2 - High', 3: 'P3 - Normal', 4: 'P4 - Question' },
  { 1: ['p', '1'], 2: ['p', '2'], 3: ['p', '3'], 4: ['p', '4'] },
);

export const zendeskNesty: Widget = {
  fixture: 'zendesk-nesty',
  kind: 'legacy',
  values: ZENDESK_VALUES,
  labels: ZENDESK_LABELS,
  priorityName: 'request[priority]',
  fill: LEGACY_FILL,
  submit: ['form#new_request input[type="submit"][name="commit"]'],
  subject: ['#request_subject'],
  description: ['#request_description'],
  wrapper: '.form-field.request_priority',
  focusAfterChange: () => ['a#request_priority_nesty'],
  async choose(g, level) {
    await g.page.click('a#request_priority_nesty');
    await g.page.click(`.request_priority .nesty-panel li[data-value="${ZENDESK_VALUES[level]}"]`);
    await g.expectPriority(this, level);
  },
};

const GARDEN_PRIORITY = '[data-garden-id="dropdowns.combobox.field"]:has(input[name="request[priority]"])';
/** Garden options in order: -, Low, Normal, High, Urgent. */
const GARDEN_INDEX: Record<Level, number> = { 1: 5, 2: 4, 3: 3, 4: 2 };

export const zendeskCopenhagen = (fixture = 'zendesk-copenhagen'): Widget => ({
  fixture,
  kind: 'copenhagen',
  values: ZENDESK_VALUES,
  labels: ZENDESK_LABELS,
  priorityName: 'request[priority]',
  fill: {
    values: {
      'request[anonymous_requester_email]': 'ada@example.com',
      'request[subject]': SUBJECT,
      'request[description]': DESCRIPTION,
      'request[custom_fields][360077]': '2023.8.1',
    },
    files: { 'request[attachments][]': 'support-bundle.tar.gz' },
    widgets: { 'request[custom_fields][360099]': 'bolt' },
  },
  submit: ['#new-request-form form button[type="submit"]'],
  subject: ['#new-request-form input[name="request[subject]"]'],
  description: ['#new-request-form textarea[name="request[description]"]'],
  wrapper: GARDEN_PRIORITY,
  focusAfterChange: () => [`${GARDEN_PRIORITY} [role="combobox"]`],
  async choose(g, level) {
    await g.page.click(`${GARDEN_PRIORITY} [role="combobox"]`);
    await g.page.click(`${GARDEN_PRIORITY} li[role="option"]:nth-child(${GARDEN_INDEX[level]})`);
    await g.expectPriority(this, level);
  },
});

export const radioGroup: Widget = {
  fixture: 'radio-group',
  kind: 'radio',
  values: { 1: 'sev1', 2: 'sev2', 3: 'sev3', 4: 'sev4' },
  labels: { 1: 'Sev 1 \u2013 Production down', 2: 'Sev 2 \u2013 Production impaired', 3: 'Sev 3 \u2013 Workaround in use', 4: 'Sev 4 \u2013 Question' },
  priorityName: 'severity',
  fill: {
    values: {
      'request[anonymous_requester_email]': 'ada@example.com',
      'request[subject]': SUBJECT,
      'request[description]': DESCRIPTION,
      'request[custom_fields][360011111]': 'bolt',
      'request[custom_fields][360022222]': '2023.8.1',
    },
    files: { 'request[attachments][]': 'support-bundle.tar.gz' },
    widgets: {},
  },
  submit: ['form#support-ticket button[type="submit"]'],
  subject: ['#ticket_subject'],
  description: ['#ticket_description'],
  wrapper: 'fieldset.severity',
  focusAfterChange: (level) => [`input#severity_sev${level}`],
  async choose(g, level) {
    await g.page.click(`label[for="severity_sev${level}"]`);
    await g.expectPriority(this, level);
  },
};

export const ariaCombobox: Widget = {
  fixture: 'aria-combobox',
  kind: 'jsm',
  values: { 1: '10000', 2: '10001', 3: '10002', 4: '10003' },
  labels: { 1: 'Blocker', 2: 'Critical', 3: 'Major', 4: 'Minor' },
  priorityName: 'priority',
  fill: {
    values: {
      email: 'ada@example.com',
      'request[subject]': SUBJECT,
      'request[description]': DESCRIPTION,
      customfield_10060: '2023.8.1',
    },
    files: { attachment: 'support-bundle.tar.gz' },
    widgets: { customfield_10050: '10102' },
  },
  submit: ['form#jsm-request-form button[type="submit"]'],
  subject: ['#summary'],
  description: ['#description'],
  wrapper: '[data-test-id="request-field-priority"]',
  focusAfterChange: () => ['[data-test-id="request-field-priority"] input[role="combobox"]'],
  async choose(g, level) {
    await g.page.click('[data-test-id="request-field-priority"] .react-select__control');
    await g.page.click(`.react-select__menu-portal [role="option"][data-index="${level - 1}"]`);
    await g.expectPriority(this, level);
  },
};

const SF_FORM = 'c-case-form';
const SF_PRIORITY = 'lightning-combobox[name="Priority"]';
export const salesforceLwr: Widget = {
  fixture: 'salesforce-lwr',
  kind: 'salesforce',
  values: { 1: '1', 2: '2', 3: '3', 4: '4' },
  labels: { 1: 'Sev 1 - Critical', 2: 'Sev 2 - High', 3: 'Sev 3 - Medium', 4: 'Sev 4 - Low' },
  priorityName: 'Priority',
  fill: {
    values: {
      SuppliedEmail: 'ada@example.com',
      Subject: SUBJECT,
      Description: DESCRIPTION,
      Version__c: '2023.8.1',
    },
    files: { Attachments: 'support-bundle.tar.gz' },
    widgets: { Product__c: 'Bolt' },
  },
  submit: [SF_FORM, 'lightning-button.submit-case', 'button'],
  subject: [SF_FORM, 'lightning-input[name="Subject"]', 'input'],
  description: [SF_FORM, 'lightning-textarea[name="Description"]', 'textarea'],
  // The field's wrapper the guard picks is the component's own .slds-form-element, inside
  // lightning-combobox's shadow root; the note goes right after it, in that shadow root.
  wrapper: '.slds-form-element:has(button[role="combobox"][name="Priority"])',
  focusAfterChange: () => [SF_FORM, SF_PRIORITY, 'button[role="combobox"]'],
  async choose(g, level) {
    await g.page.click(g.sel(SF_FORM, SF_PRIORITY, 'button[role="combobox"]'));
    await g.page.click(g.sel(SF_FORM, SF_PRIORITY, `[role="option"][data-value="${level}"]`));
    await g.expectPriority(this, level);
  },
};

/** salesforce-lwr's case form mounted straight into <body>: no <main>, no [role=main], no <form>; page buttons around it. */
export const salesforceBare: Widget = { ...salesforceLwr, fixture: 'salesforce-bare' };

/** The legacy form with a typeless "Add attachment" button, a "Preview" button and a typeless Submit. */
export const formButtons: Widget = { ...zendeskSelect('form-buttons'), submit: ['form#new_request button.button-large'] };

/** A legacy-style form whose Submit click handler checks for 400 ms, then calls form.requestSubmit(). */
export const asyncSubmit: Widget = { ...zendeskSelect('async-submit'), submit: ['form#new_request button[type="submit"]'] };

/** Every widget fixture, for the per-widget tests. */
export const WIDGETS: Widget[] = [
  zendeskSelect(),
  zendeskCustomSelect,
  zendeskNesty,
  zendeskCopenhagen(),
  radioGroup,
  ariaCombobox,
  salesforceLwr,
];

// ---------------------------------------------------------------------------------------
// The guard's DOM contract, and one tab
// ---------------------------------------------------------------------------------------

export const HOST = 'priority-guard-dialog';

/**
 * Every button and checkbox of the dialog, scrolled to: on screen and on top (not covered).
 * Runs in the page: `page.evaluate(dialogControlsReachable)`.
 */
export function dialogControlsReachable(): { what: string; inView: boolean; hit: boolean }[] {
  const root = document.querySelector('priority-guard-dialog')!.shadowRoot!;
  return [...root.querySelectorAll<HTMLElement>('button, input[type="checkbox"]')].map((el) => {
    el.scrollIntoView({ block: 'center' });
    const r = el.getBoundingClientRect();
    const hit = root.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return {
      what: el.getAttribute('data-action') ?? el.getAttribute('value') ?? '',
      inView: r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth,
      hit: !!hit && (hit === el || el.contains(hit) || (hit.localName === 'label' && hit.contains(el))),
    };
  });
}

export interface DialogState {
  present: boolean;
  open: boolean;
  modal: boolean;
  title: string;
  labelledBy: string;
  checks: Record<string, boolean>;
  confirmDisabled: boolean | null;
  /** Change buttons in order: level and visible text. */
  changes: { level: string; text: string; label: string }[];
}

export class GuardPage {
  closed = false;
  constructor(
    readonly b: BrowserUnderTest,
    readonly page: PageUnderTest,
    readonly raw: RawPage,
  ) {}

  get name(): BrowserName {
    return this.b.name;
  }

  /** A selector for a path through open shadow roots, in this browser's dialect. */
  sel(...path: string[]): string {
    return path.reduce((outer, inner) => this.b.deep(outer, inner));
  }
  /** A selector inside the dialog's shadow root. */
  inDialog(inner: string): string {
    return this.b.deep(HOST, inner);
  }

  async close() {
    this.closed = true;
    await this.page.close();
  }

  /** Opens url and waits for the fixture hook; also starts recording any dialog that appears. */
  async open(url: string) {
    await this.page.goto(url);
    await this.page.evaluate(() => {
      sessionStorage.removeItem('pg-e2e-dialog-seen');
      sessionStorage.removeItem('pg-e2e-dialog-insertions');
      const seen = (records: MutationRecord[]) => {
        if (document.querySelector('priority-guard-dialog')) sessionStorage.setItem('pg-e2e-dialog-seen', '1');
        // Every time a guard dialog host is put into the page (dialogInsertions()).
        let added = 0;
        for (const record of records) {
          for (const node of record.addedNodes) {
            if (!(node instanceof Element)) continue;
            if (node.localName === 'priority-guard-dialog') added += 1;
            added += node.querySelectorAll('priority-guard-dialog').length;
          }
        }
        if (added) sessionStorage.setItem('pg-e2e-dialog-insertions', String(Number(sessionStorage.getItem('pg-e2e-dialog-insertions') ?? 0) + added));
      };
      new MutationObserver(seen).observe(document.documentElement, { childList: true, subtree: true });
    });
  }

  /**
   * How many times a guard dialog was put into this tab's page since open() (survives
   * same-origin navigations). A dialog the guard re-attaches counts again.
   */
  dialogInsertions(): Promise<number> {
    return this.page.evaluate(() => Number(sessionStorage.getItem('pg-e2e-dialog-insertions') ?? 0));
  }

  /** True if a guard dialog appeared in this tab since open() (survives same-origin navigations). */
  dialogEverSeen(): Promise<boolean> {
    return this.page.evaluate(() => sessionStorage.getItem('pg-e2e-dialog-seen') === '1');
  }

  mark(): Promise<string | null> {
    return this.page.evaluate(() => document.documentElement.getAttribute('data-priority-guard'));
  }

  async waitArmed(timeout = 10_000) {
    await this.page.waitFor('html[data-priority-guard="armed"]', { timeout });
  }

  /** Opens the widget's fixture, waits for the guard to arm and fills the form. */
  async openForm(w: Widget, extra = '') {
    await this.open(fixtureUrl(w.fixture, extra));
    await this.waitArmed();
    await this.fill(w.fill);
  }

  /** openForm, then chooses P1 as a user; returns the data the form holds. */
  async openP1Form(w: Widget): Promise<FieldData> {
    await this.openForm(w);
    await w.choose(this, 1);
    return this.fields();
  }

  async fill(spec: FillSpec) {
    await this.page.evaluate((s: FillSpec) => {
      const deepAll = (root: Document | ShadowRoot, selector: string): Element[] => {
        const out: Element[] = [...root.querySelectorAll(selector)];
        for (const el of root.querySelectorAll('*')) if (el.shadowRoot) out.push(...deepAll(el.shadowRoot, selector));
        return out;
      };
      const one = (selector: string) => {
        const el = deepAll(document, selector)[0];
        if (!el) throw new Error(`fill: nothing matches ${selector}`);
        return el;
      };
      const fire = (el: Element, type: string) => el.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
      for (const [name, value] of Object.entries(s.values)) {
        const el = one(`input[name="${name}"], textarea[name="${name}"], select[name="${name}"]`) as HTMLInputElement;
        el.value = value;
        fire(el, 'input');
        fire(el, 'change');
      }
      for (const [name, file] of Object.entries(s.files)) {
        const input = one(`input[type="file"][name="${name}"]`) as HTMLInputElement;
        const transfer = new DataTransfer();
        transfer.items.add(new File(['replica attachment'], file, { type: 'application/gzip' }));
        input.files = transfer.files;
        fire(input, 'input');
        fire(input, 'change');
      }
      const fx = (window as unknown as { __fixture: Record<string, any> }).__fixture;
      for (const [name, value] of Object.entries(s.widgets)) {
        const app = fx.app && typeof fx.app === 'object' ? fx.app : null;
        const hidden = deepAll(document, `input[name="${name}"], select[name="${name}"]`)[0] as HTMLInputElement | undefined;
        const nesty = (fx.nesty as { input: HTMLInputElement; setValue(v: string): void }[] | undefined)?.find((w) => w.input.name === name);
        const lightning = deepAll(document, `lightning-combobox[name="${name}"]`)[0] as (Element & { value: string }) | undefined;
        if (nesty) nesty.setValue(value);
        else if (lightning) lightning.value = value;
        else if (app?.product?.input?.name === name) app.product.setValue(value);
        else if (fx.product?.hiddenInput?.name === name) fx.product.setValue(value);
        else if (hidden) {
          hidden.value = value;
          fire(hidden, 'change');
        } else throw new Error(`fill: no widget named ${name}`);
      }
    }, spec);
  }

  /** window.__fixture.fields(): the form's data as the page would submit it. */
  fields(): Promise<FieldData> {
    return this.page.evaluate(() => (window as unknown as { __fixture: { fields(): FieldData } }).__fixture.fields());
  }
  priorityValue(): Promise<string> {
    return this.page.evaluate(() => (window as unknown as { __fixture: { priorityValue(): string } }).__fixture.priorityValue());
  }
  submitCount(): Promise<number> {
    return this.page.evaluate(() => (window as unknown as { __fixture: { submitCount: number } }).__fixture.submitCount);
  }

  /** The priority as the page's DOM shows it: the control's value and the label it shows. */
  domPriority(w: Widget): Promise<{ value: string | null; shown: string }> {
    return this.page.evaluate(
      ({ kind, name }: { kind: FormKind; name: string }) => {
        const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
        if (kind === 'legacy') {
          const el = document.querySelector(`[name="${name}"]`) as HTMLInputElement | HTMLSelectElement;
          const nesty = el.closest('.form-field')?.querySelector('a.nesty-input');
          return { value: el.value, shown: nesty ? text(nesty) : text((el as HTMLSelectElement).selectedOptions?.[0]) };
        }
        if (kind === 'copenhagen') {
          const input = document.querySelector(`#new-request-form input[name="${name}"]`) as HTMLInputElement;
          const trigger = input.closest('[role="combobox"]');
          return { value: input.getAttribute('value'), shown: text(trigger?.querySelector('[data-garden-id="dropdowns.combobox.value"]')) };
        }
        if (kind === 'radio') {
          const radio = document.querySelector(`input[name="${name}"]:checked`) as HTMLInputElement | null;
          return { value: radio?.value ?? '', shown: text(radio?.labels?.[0]) };
        }
        if (kind === 'jsm') {
          const field = document.querySelector('[data-test-id="request-field-priority"]');
          return {
            value: (field?.querySelector(`input[type="hidden"][name="${name}"]`) as HTMLInputElement | null)?.value ?? null,
            shown: text(field?.querySelector('.react-select__single-value')),
          };
        }
        const combo = document.querySelector('c-case-form')?.shadowRoot?.querySelector(`lightning-combobox[name="${name}"]`);
        const button = combo?.shadowRoot?.querySelector('button[role="combobox"]');
        return { value: button?.getAttribute('data-value') ?? null, shown: text(button) };
      },
      { kind: w.kind, name: w.priorityName },
    );
  }

  async expectPriority(w: Widget, level: Level) {
    await until(async () => (await this.priorityValue()) === w.values[level], `${w.fixture} priority = ${w.values[level]}`, 5_000);
  }

  /** Clicks the widget's submit button (a real click). */
  async clickSubmit(w: Widget) {
    await this.page.click(this.sel(...w.submit));
  }

  // --- the dialog ---

  dialog(): Promise<DialogState> {
    return this.page.evaluate(() => {
      const host = document.querySelector('priority-guard-dialog');
      const root = host?.shadowRoot ?? null;
      const dialog = root?.querySelector('dialog') ?? null;
      const labelledBy = dialog?.getAttribute('aria-labelledby') ?? '';
      const title = labelledBy
        .split(/\s+/)
        .filter(Boolean)
        .map((id) => root?.getElementById(id)?.textContent ?? '')
        .join(' ')
        .trim();
      const checks: Record<string, boolean> = {};
      for (const box of root?.querySelectorAll<HTMLInputElement>('input[type="checkbox"][name="checklist"]') ?? []) checks[box.value] = box.checked;
      const confirm = root?.querySelector<HTMLButtonElement>('button[data-action="confirm"]') ?? null;
      return {
        present: !!host,
        open: !!dialog?.open,
        modal: !!dialog?.matches(':modal'),
        title,
        labelledBy,
        checks,
        confirmDisabled: confirm ? confirm.disabled : null,
        changes: [...(root?.querySelectorAll<HTMLButtonElement>('button[data-action="change"]') ?? [])].map((b) => ({
          level: b.dataset.level ?? '',
          text: (b.textContent ?? '').trim(),
          label: b.getAttribute('aria-label') ?? (b.textContent ?? '').trim(),
        })),
      };
    });
  }

  async waitDialog(timeout = 5_000) {
    try {
      await this.page.waitFor(this.inDialog('dialog.pg-dialog[open]'), { timeout, state: 'visible' });
      // Buttons are real once Preact rendered them.
      await this.page.waitFor(this.inDialog('button[data-action="back"]'), { timeout, state: 'visible' });
    } catch (error) {
      throw new Error(`The guard's dialog did not open. ${await this.diagnose()}`, { cause: error });
    }
  }

  /** What the page looks like now, for failure messages. */
  async diagnose(): Promise<string> {
    const page = await this.page
      .evaluate(() => {
        const fx = (window as unknown as { __fixture?: { priorityValue?(): string; submitCount?: number } }).__fixture;
        let priority: string | undefined;
        try {
          priority = fx?.priorityValue?.();
        } catch (error) {
          priority = `(threw ${String(error)})`;
        }
        return {
          url: location.href,
          mark: document.documentElement.getAttribute('data-priority-guard'),
          priority,
          submitCount: fx?.submitCount,
          dialogHost: !!document.querySelector('priority-guard-dialog'),
          note: !!document.querySelector('priority-guard-note'),
        };
      })
      .catch((error: unknown) => ({ evaluateFailed: String(error) }));
    const subs = this.b.submissions().slice(-3).map((s) => `${s.path} at ${new Date(s.at).toISOString()}`);
    return JSON.stringify({ page, lastSubmissions: subs, errors: this.page.errors, console: this.raw.console.slice(-5) });
  }

  async waitNoDialog(timeout = 5_000) {
    await until(async () => !(await this.dialog()).present, 'the dialog to close', timeout);
  }

  /** Ticks checklist items with real clicks. */
  async tick(...values: string[]) {
    for (const v of values) await this.page.click(this.inDialog(`input[type="checkbox"][name="checklist"][value="${v}"]`));
  }

  async clickConfirm() {
    await this.page.click(this.inDialog('button[data-action="confirm"]'));
  }
  /** Ticks every checklist item with real clicks, then presses "Submit as Priority 1". */
  async confirmP1() {
    await this.tick('production', 'critical', 'no-workaround');
    await this.clickConfirm();
  }
  async clickBack() {
    await this.page.click(this.inDialog('button[data-action="back"]'));
  }
  /** Clicks the first "change" button for level (the big suggestion when it is the suggestion). */
  async clickChange(level: Level) {
    await this.page.click(this.inDialog(`button[data-action="change"][data-level="${level}"]`));
  }

  // --- the note ---

  /** The P1 note: present, its role and text, and whether it sits right after `wrapper`. */
  note(wrapper = ''): Promise<{ present: boolean; role: string | null; text: string; afterWrapper: boolean }> {
    return this.page.evaluate((after: string) => {
      const deepAll = (root: Document | ShadowRoot): Element[] => {
        const out: Element[] = [...root.querySelectorAll('priority-guard-note')];
        for (const el of root.querySelectorAll('*')) if (el.shadowRoot && el.localName !== 'priority-guard-note') out.push(...deepAll(el.shadowRoot));
        return out;
      };
      const host = deepAll(document)[0];
      const note = host?.shadowRoot?.querySelector('.pg-note') ?? null;
      return {
        present: !!host,
        role: note?.getAttribute('role') ?? null,
        text: (note?.textContent ?? '').trim(),
        afterWrapper: !!after && !!host?.previousElementSibling?.matches(after),
      };
    }, wrapper);
  }

  // --- focus ---

  /** A description of the focused element, looking into open shadow roots. */
  focused(): Promise<{ path: string[]; inDialog: boolean; outline: string; tag: string; action: string | null; type: string | null; value: string | null }> {
    return this.page.evaluate(() => {
      const describe = (el: Element) =>
        `${el.localName}${el.id ? `#${el.id}` : ''}${el.getAttribute('name') ? `[name="${el.getAttribute('name')}"]` : ''}`;
      const path: string[] = [];
      let el: Element | null = document.activeElement;
      let last: Element | null = el;
      while (el) {
        path.push(describe(el));
        last = el;
        el = el.shadowRoot?.activeElement ?? null;
      }
      const style = last ? getComputedStyle(last) : null;
      return {
        path,
        inDialog: path[0] === 'priority-guard-dialog' && path.length > 1,
        outline: style ? `${style.outlineStyle} ${style.outlineWidth}` : '',
        tag: last?.localName ?? '',
        action: last?.getAttribute('data-action') ?? null,
        type: last?.getAttribute('type') ?? null,
        value: (last as HTMLInputElement | null)?.value ?? null,
      };
    });
  }

  /** Whether the element at the selector path (through shadow roots) has focus, and its caret is at the end of its text. */
  private focusAt(path: string[]): Promise<{ focused: boolean; atEnd: boolean }> {
    return this.page.evaluate((p: string[]) => {
      let root: Document | ShadowRoot = document;
      let target: Element | null = null;
      for (const selector of p) {
        target = root.querySelector(selector);
        if (!target) return { focused: false, atEnd: false };
        if (target.shadowRoot) root = target.shadowRoot;
      }
      let active: Element | null = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      const field = target as HTMLTextAreaElement;
      const end = typeof field.value === 'string' ? field.value.length : -1;
      return { focused: !!target && active === target, atEnd: field.selectionStart === end && field.selectionEnd === end };
    }, path);
  }

  /** True when the element at the selector path (through shadow roots) has focus. */
  async isFocused(path: string[]): Promise<boolean> {
    return (await this.focusAt(path)).focused;
  }

  /** Whether the text field at the selector path has focus with the caret at the end of its text. */
  async caretAtEnd(path: string[]): Promise<boolean> {
    const { focused, atEnd } = await this.focusAt(path);
    return focused && atEnd;
  }

  /** Focuses the element at a selector path with a real click. */
  async clickPath(path: string[]) {
    await this.page.click(this.sel(...path));
  }
}

// ---------------------------------------------------------------------------------------
// Submissions
// ---------------------------------------------------------------------------------------

/** Watches the replica server's submissions from now on. */
export function watchServer(b: BrowserUnderTest) {
  const all = b.submissions();
  const from = all.length;
  return {
    get list(): Submission[] {
      return all.slice(from);
    },
    /** Waits for n new submissions, then a little longer to catch an extra one. */
    async expect(n: number, timeout = 10_000): Promise<Submission[]> {
      if (n > 0) await until(() => all.length - from >= n, `${n} submission(s) at the replica server`, timeout);
      await sleep(SETTLE_MS);
      const got = all.slice(from);
      expect(got, `submissions at the server: ${JSON.stringify(got.map((s) => s.path))}`).toHaveLength(n);
      return got;
    },
  };
}

/** What the server should get for a form whose data was `before`, submitted by `how`. */
export function expectedData(w: Widget, before: FieldData, how: 'button' | 'enter' | 'requestSubmit', priority?: string): FieldData {
  const out: FieldData = { ...before };
  if (priority !== undefined) out[w.priorityName] = priority;
  // The legacy submit button is named: a button click or Enter (implicit submission) sends it.
  if (w.kind === 'legacy' && how !== 'requestSubmit') out.commit = 'Submit';
  // Copenhagen's own submit path adds the CSRF token: proof that the portal's path ran.
  if (w.kind === 'copenhagen') out.authenticity_token = 'replica-csrf-token';
  // A form without enctype="multipart/form-data" (the Jira-like one) sends a file's name only.
  if (w.kind === 'jsm') {
    for (const [k, v] of Object.entries(out)) if (typeof v === 'string' && v.startsWith('file:')) out[k] = v.slice('file:'.length);
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// The extension's own pages (for its APIs: storage, tabs, management)
// ---------------------------------------------------------------------------------------

/**
 * Shows one of the extension's pages in `page` and waits until its script has rendered.
 * Firefox over BiDi now and then fails while the moz-extension document commits: once more.
 */
export async function gotoExtensionPage(b: BrowserUnderTest, page: PageUnderTest, path: string): Promise<void> {
  const url = b.extensionUrl(path);
  for (let attempt = 0; ; attempt++) {
    try {
      await page.goto(url);
      break;
    } catch (error) {
      if (attempt > 0) throw error;
    }
  }
  await until(async () => (await page.url()) === url, `${url} to open`, 15_000);
  await page.waitFor('#app > *', { timeout: 15_000 });
}

/**
 * Opens one of the extension's pages (options.html by default) in a new tab, in front, and
 * waits until its script has rendered. Close it when done (the portal tab is then behind it:
 * bring that one to the front again).
 */
export async function openExtensionPage(b: BrowserUnderTest, path = 'options.html'): Promise<PageUnderTest> {
  const page = await b.newPage();
  await gotoExtensionPage(b, page, path);
  return page;
}

/**
 * The id of the tab showing `url` (the whole address, or a unique part of it), asked from an
 * extension page: tabs.query() gives the address of tabs on the extension's own hosts.
 */
export async function tabIdOf(extensionPage: PageUnderTest, url: string): Promise<number> {
  return until(
    () =>
      extensionPage.evaluate(async (wanted: string) => {
        const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
        const tab = (await api.tabs.query({})).find((t) => t.url?.includes(wanted));
        return tab?.id ?? null;
      }, url),
    `the tab showing ${url}`,
    10_000,
  );
}

/** The user's settings (storage.sync) from an extension page, then waits until the background stored the effective configuration. */
export async function setUserSettings(
  extensionPage: PageUnderTest,
  settings: Record<string, unknown>,
  applied: (effective: Record<string, unknown> | undefined) => boolean,
  remove: string[] = [],
): Promise<void> {
  await extensionPage.evaluate(
    async ({ set, drop }: { set: Record<string, unknown>; drop: string[] }) => {
      const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
      if (drop.length) await api.storage.sync.remove(drop);
      if (Object.keys(set).length) await api.storage.sync.set(set);
    },
    { set: settings, drop: remove },
  );
  await until(
    async () =>
      applied(
        await extensionPage.evaluate(async () => {
          const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
          return ((await api.storage.local.get('effectiveConfig')).effectiveConfig as { config?: Record<string, unknown> } | undefined)?.config;
        }),
      ),
    'the background to store the effective configuration',
    10_000,
  );
}

// --- axe-core on the dialog ---

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown; failureSummary?: string }[];
}

/**
 * Runs axe-core in the page on the dialog inside the guard's shadow root; returns the
 * violations, after checking axe really looked at the dialog's buttons and checkboxes.
 */
export async function axeViolations(g: GuardPage): Promise<AxeViolation[]> {
  await g.page.evaluate((source: string) => {
    if (!(window as unknown as { axe?: unknown }).axe) (0, eval)(source);
  }, AXE_SOURCE);
  return g.page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    // The host element and everything in its open shadow root. (A path like
    // ['priority-guard-dialog', 'dialog'] matches nothing in axe 4: shadow paths need fromShadowDom.)
    const result = await axe.run({ include: [['priority-guard-dialog']] }, { resultTypes: ['violations', 'passes'] });
    const passed = (id: string) =>
      (result as unknown as { passes: { id: string; nodes: unknown[] }[] }).passes.find((p) => p.id === id)?.nodes.length ?? 0;
    // Sanity: axe saw the dialog's controls (an empty context would report no violation too).
    if (passed('button-name') < 3 || passed('label') < 3) {
      throw new Error(`axe did not look inside the dialog (button-name: ${passed('button-name')}, label: ${passed('label')})`);
    }
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
}
