// The popup in real Chromium and Firefox: its built page walks to each of the four
// priorities with real clicks and keys, "Use Priority 3 on this ticket" sets the
// priority field of a replica portal form open in another tab, and the result shows what
// that form's ticket tells Support.
//
// The popup page is opened in a tab of its own. It talks to the active tab by default;
// here `popup.html?tabId=N` points it at the portal's tab (see entrypoints/popup/tab-bridge.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, gotoExtensionPage, until, useGuardBrowser } from './guard-helpers';
import { REPO_ROOT } from './harness/env';
import { BROWSERS, usePortal, type BrowserUnderTest, type PageUnderTest } from './harness/setup';

const FORM = 'https://support.puppet.com/hc/en-us/requests/new?fixture=zendesk-select';

/** How one path is answered: per question, the option's number, typed or clicked. */
interface Path {
  level: 1 | 2 | 3 | 4;
  answers: { question: string; option: number }[];
  how: 'keys' | 'clicks';
  reason: RegExp;
}

const PATHS: Path[] = [
  { level: 4, answers: [{ question: 'question', option: 1 }], how: 'keys', reason: /working normally/ },
  {
    level: 3,
    answers: [
      { question: 'question', option: 2 },
      { question: 'production', option: 2 },
    ],
    how: 'clicks',
    reason: /Production is not affected/,
  },
  {
    level: 2,
    answers: [
      { question: 'question', option: 2 },
      { question: 'production', option: 1 },
      { question: 'severity', option: 2 },
      { question: 'workaround', option: 2 },
    ],
    how: 'keys',
    reason: /impaired/,
  },
  {
    level: 1,
    answers: [
      { question: 'question', option: 2 },
      { question: 'production', option: 1 },
      { question: 'severity', option: 1 },
      { question: 'workaround', option: 2 },
    ],
    how: 'clicks',
    reason: /No workaround is available/,
  },
];

/** Generous waits for a first render or a content script: the machine may be busy. */
const SLOW = 30_000;

async function openPopup(b: BrowserUnderTest, page: PageUnderTest, query = ''): Promise<void> {
  await gotoExtensionPage(b, page, `popup.html${query}`);
  await page.waitFor('.pg-step, .pg-result', { state: 'visible', timeout: SLOW });
  // The popup remembers the last session: begin from the first question.
  await page.click('.pg-panel:not([hidden]) [data-action="start-over"]');
  await page.waitFor('.pg-step[data-question="question"]', { state: 'visible' });
}

async function walk(page: PageUnderTest, path: Path): Promise<void> {
  for (const { question, option } of path.answers) {
    await page.waitFor(`.pg-step[data-question="${question}"]`, { state: 'visible' });
    if (path.how === 'keys') {
      // Focus is on the step's first answer when it opens.
      await page.press(String(option));
      await page.press('Enter');
    } else {
      await page.click(`.pg-step[data-question="${question}"] .pg-option:nth-of-type(${option})`);
      await page.click(`.pg-step[data-question="${question}"] [data-action="next"]`);
    }
  }
  await page.waitFor(`.pg-result[data-level="${path.level}"]`, { state: 'visible' });
}

/**
 * axe-core's violations on the page, colour contrast included (real layout here). The
 * harness's evaluate() takes a function; a string runs as an expression in both
 * browsers, which is how axe's source gets in past the extension page's CSP.
 */
async function axeCheck(page: PageUnderTest): Promise<{ violations: string[]; passes: number }> {
  const axe = readFileSync(join(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  const script = `(async () => {
    ${axe};
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return {
      violations: result.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')),
      passes: result.passes.length,
    };
  })()`;
  return page.evaluate(script as unknown as () => Promise<{ violations: string[]; passes: number }>);
}

const text = async (page: PageUnderTest, selector: string) => (await page.texts(selector)).join('\n').trim();

/** The popup's width, and whatever in it sticks out sideways past the body (none should). */
function layout(page: PageUnderTest) {
  return page.evaluate(() => {
    const body = document.body.getBoundingClientRect();
    const overflow = [...document.querySelectorAll('.pg-popup *')].filter(
      (el) => el.getBoundingClientRect().right > body.right + 0.5,
    );
    return { width: body.width, overflow: overflow.map((el) => el.className || el.tagName) };
  });
}

/** The id of the tab whose guard has armed a form, asked from an extension page the way the popup asks. */
async function armedTabId(extensionPage: PageUnderTest): Promise<number> {
  const id = await until(
    () =>
      extensionPage.evaluate(async () => {
        const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
        for (const tab of await api.tabs.query({})) {
          if (tab.id === undefined) continue;
          const answer = await api.tabs.sendMessage(tab.id, { type: 'get-status' }).catch(() => undefined);
          if (answer?.type === 'status' && answer.armed === true) return tab.id;
        }
        return null;
      }),
    'the portal tab to answer get-status',
    SLOW,
  );
  return id!;
}

const portal = usePortal();

describe.each(BROWSERS)('popup: %s', (name) => {
  // As in the guard tests: $E2E_EXTENSION_DIR_CHROMIUM / _FIREFOX name another build.
  const { browser, newPage } = useGuardBrowser(name, portal);

  it.each(PATHS.map((p) => [p.level, p.how, p] as const))(
    'walks to Priority %i (%s) and shows the result',
    async (level, _how, path) => {
      const page = await browser().newPage();
      try {
        await openPopup(browser(), page);
        await walk(page, path);
        expect(await text(page, '.pg-result-title')).toMatch(new RegExp(`^Priority ${level}\\b`));
        expect(await text(page, '.pg-quote blockquote')).not.toBe('');
        // (A managed policy on this machine may replace a definition: then it says so.)
        expect(await text(page, '.pg-quote figcaption')).toMatch(
          level === 2 || level === 3 ? /summary|organisation's/i : /published|organisation's/,
        );
        expect(await text(page, '.pg-reasons')).toMatch(path.reason);
        // Both plans by default; one when a plan is configured (policy may be set on this machine).
        expect(await text(page, '.pg-result-targets')).toMatch(/(Standard|Premium) plan/);
        expect((await page.texts('.pg-essentials-list li')).length).toBeGreaterThan(0);
        // popup.html is not a portal page: the result offers a new ticket.
        expect(await text(page, '.pg-tab-status')).toBe('This tab: not a support portal page.');
        expect(await page.texts('[data-action="open-ticket"]')).toEqual(['Open a new ticket']);

        // 360–400 px wide, nothing sticking out sideways.
        const { width, overflow } = await layout(page);
        expect(width).toBeGreaterThanOrEqual(360);
        expect(width).toBeLessThanOrEqual(400);
        expect(overflow).toEqual([]);
        const axe = await axeCheck(page);
        expect(axe.violations).toEqual([]);
        expect(axe.passes, 'axe ran its checks').toBeGreaterThan(10);
        expect(page.errors).toEqual([]);
      } finally {
        await page.close();
      }
    },
  );

  it('"Use Priority 3 on this ticket" sets the field of the portal form in another tab', async () => {
    const portalPage = await browser().newPage();
    const popup = await browser().newPage();
    try {
      await portalPage.goto(FORM);
      await portalPage.waitFor('html[data-priority-guard="armed"]', { timeout: SLOW });
      expect(await portalPage.evaluate(() => document.querySelector<HTMLSelectElement>('#request_priority')!.value)).toBe('');

      // Which tab is the portal? Ask every tab, from an extension page, the way the popup does.
      await gotoExtensionPage(browser(), popup, 'popup.html');
      await popup.waitFor('.pg-popup');
      const tabId = await armedTabId(popup);

      await openPopup(browser(), popup, `?tabId=${tabId}`);
      await until(
        async () => (await text(popup, '.pg-tab-status')).includes('no priority selected'),
        'the popup to see the guarded form',
      );
      expect(await text(popup, '.pg-tab-status')).toBe('This tab: guard active on the ticket form (no priority selected).');
      await walk(popup, PATHS.find((p) => p.level === 3)!);

      await popup.click('[data-action="use-level"]');
      await popup.waitFor('.pg-handoff-message[data-state="done"]', { state: 'visible' });
      expect(await text(popup, '.pg-handoff-message')).toBe('Done: the ticket form now has Priority 3.');
      await until(
        async () => (await text(popup, '.pg-tab-status')).includes('Priority 3 selected'),
        'the status line to show Priority 3',
      );

      // The portal's own field now holds Priority 3 (Zendesk's "normal").
      const field = await portalPage.evaluate(() => {
        const select = document.querySelector<HTMLSelectElement>('#request_priority')!;
        return { value: select.value, label: select.selectedOptions[0]?.textContent?.trim() };
      });
      expect(field).toEqual({ value: 'normal', label: 'Normal' });
      expect(popup.errors).toEqual([]);
      expect(portalPage.errors).toEqual([]);
    } finally {
      await popup.close();
      await portalPage.close();
    }
  });

  it('the result shows what the open form\'s ticket tells Support; on a page that is not a portal, the plain list', async () => {
    const portalPage = await browser().newPage();
    const popup = await newPage();
    try {
      await portalPage.goto(FORM);
      await portalPage.waitFor('html[data-priority-guard="armed"]', { timeout: SLOW });
      // The description holds a start time and a PE version, and the form nothing else.
      await portalPage.evaluate((description: string) => {
        const field = document.querySelector<HTMLTextAreaElement>('textarea[name="request[description]"]')!;
        field.value = description;
        field.dispatchEvent(new Event('input', { bubbles: true }));
        field.dispatchEvent(new Event('change', { bubbles: true }));
      }, 'Since 09:10 UTC on PE 2023.8.1 the console is down');

      await gotoExtensionPage(browser(), popup.page, 'popup.html');
      await popup.page.waitFor('.pg-popup');
      const tabId = await armedTabId(popup.page);
      await openPopup(browser(), popup.page, `?tabId=${tabId}`);
      await until(
        async () => (await text(popup.page, '.pg-tab-status')).includes('guard active on the ticket form'),
        'the popup to see the guarded form',
      );
      await walk(popup.page, PATHS.find((p) => p.level === 4)!);
      await popup.page.waitFor('.pg-readiness [data-essential]', { state: 'visible', timeout: SLOW });

      const items = await popup.page.evaluate(() =>
        Object.fromEntries(
          [...document.querySelectorAll('.pg-readiness [data-essential]')].map((li) => [
            li.getAttribute('data-essential'),
            { state: li.getAttribute('data-state'), text: (li.textContent ?? '').replace(/\s+/g, ' ').trim() },
          ]),
        ),
      );
      expect(items['pe-version']).toMatchObject({ state: 'found', text: expect.stringMatching(/Found: (PE )?2023\.8\.1$/) });
      expect(items['what-broke-since']).toMatchObject({ state: 'found' });
      expect(items['support-script']).toMatchObject({ state: 'missing' });
      expect(await text(popup.page, '.pg-readiness h3')).toBe('What your ticket tells Support');
      expect(await text(popup.page, '.pg-readiness-summary')).toMatch(/^Add .*the support script output.* so Support can start at once\.$/);
      expect(await popup.page.texts('.pg-essentials-list li')).toEqual([]);
      // The answer did not move focus off the result's heading.
      expect(await popup.page.evaluate(() => document.activeElement?.id)).toBe('pg-result-title');

      // The longest label and evidence a readiness answer may hold (lib/messages.ts), without
      // a space to break at, wrap within the popup, in both themes.
      await popup.page.evaluate(() => {
        const item = document.querySelector('.pg-readiness [data-essential="pe-version"]')!;
        item.querySelector('.pg-readiness-label')!.textContent = 'L'.repeat(250);
        item.querySelector('.pg-readiness-state')!.textContent = `Found: ${'9'.repeat(200)}`;
      });
      const schemes: ('light' | 'dark')[] = name === 'chromium' ? ['light', 'dark'] : ['light'];
      for (const scheme of schemes) {
        if (name === 'chromium') await popup.raw.colorScheme(scheme);
        const { width, overflow } = await layout(popup.page);
        expect(width, scheme).toBeLessThanOrEqual(400);
        expect(overflow, scheme).toEqual([]);
        const axe = await axeCheck(popup.page);
        expect(axe.violations, scheme).toEqual([]);
        await popup.raw.screenshot(join(ARTIFACTS, `popup-readiness-${scheme}-${name}.png`));
      }

      // popup.html itself is not a portal page: the plain list, and nothing asked.
      await openPopup(browser(), popup.page);
      await walk(popup.page, PATHS.find((p) => p.level === 4)!);
      await until(
        async () => (await text(popup.page, '.pg-tab-status')) === 'This tab: not a support portal page.',
        'the popup to see a page that is not a portal',
      );
      expect((await popup.page.texts('.pg-essentials-list li')).length).toBeGreaterThan(0);
      expect(await popup.page.texts('.pg-readiness')).toEqual([]);
      expect(popup.page.errors).toEqual([]);
      expect(portalPage.errors).toEqual([]);
    } finally {
      await popup.close();
      await portalPage.close();
    }
  });
});
