// Issue #14, "Layout holds in every language": each browser started in each of the
// extension's languages (tests/support/ui-languages.mjs; English is the browsers' own), and in
// each the dialog (at 1280×900 and at 200 % zoom, 640×450 CSS px), the popup (its fixed
// width, on the longest result) and the options page (at 200 % zoom) checked for:
// - the language: the page or dialog says it is in it, and shows the catalogue's words;
// - no text outside its box: every line of text lies within its nearest block's border box
//   (a long German compound or a Japanese line overflowing a card, a button or a column);
// - no sideways scrolling; and, in the dialog, every control reachable and on top when
//   scrolled to.
import { describe, expect, it } from 'vitest';
import { catalogueWords } from '../support/i18n-catalogue';
import { UI_LANGUAGES } from '../support/ui-languages.mjs';
import { BROWSERS, usePortal } from './harness/setup';
import { dialogControlsReachable, gotoExtensionPage, openExtensionPage, sleep, until, useGuardBrowser, zendeskCopenhagen, type GuardPage } from './guard-helpers';

const portal = usePortal();

const LANGUAGES: { catalogue: string; chromium?: string; firefox?: string }[] = [{ catalogue: 'en' }, ...UI_LANGUAGES];

interface Overflow {
  text: string;
  box: string;
  by: number;
}

/**
 * Every text node under the root (a selector, or the first dialog in the guard's shadow root)
 * whose lines leave its nearest block's border box sideways, and whether the root scrolls
 * sideways. Runs in the page: self-contained.
 */
function measureLayout(root: string): { outside: Overflow[]; sideways: boolean } {
  const el =
    root === 'guard-dialog'
      ? document.querySelector('priority-guard-dialog')!.shadowRoot!.querySelector('dialog')!
      : document.querySelector(root)!;
  const outside: Overflow[] = [];
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent?.trim()) continue;
    let box = node.parentElement;
    while (box && ['inline', 'contents'].includes(getComputedStyle(box).display)) box = box.parentElement;
    if (!box || box.getClientRects().length === 0) continue;
    const b = box.getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) {
      const by = Math.max(b.left - r.left, r.right - b.right);
      if (r.width > 0 && by > 1) {
        outside.push({ text: node.textContent.trim().slice(0, 40), box: `${box.localName}.${box.className}`, by: Math.round(by) });
        break;
      }
    }
  }
  const scroller = root === 'guard-dialog' ? el : document.scrollingElement!;
  return { outside, sideways: scroller.scrollWidth > scroller.clientWidth + 1 };
}

/**
 * The `lang` a page in the catalogue's language may carry: the browser's UI locale, which is
 * the catalogue's ("pt_BR" → "pt-BR") or a region of it ("en-US", "es-ES").
 */
const inLanguage = (catalogue: string) => new RegExp(`^${catalogue.replace('_', '-')}(-|$)`, 'i');

describe.each(BROWSERS)('layout in every language: %s', (name) => {
  describe.each(LANGUAGES.map((l) => [l.catalogue, l] as const))('%s', (catalogue, language) => {
    const locale = language[name];
    const { browser, newPage } = useGuardBrowser(name, portal, locale ? { locale } : {});

    it('the dialog: in the language; no text outside its box, no sideways scrolling, at 1280×900 and at 200 % zoom, every control reachable', async () => {
      const words = await catalogueWords(catalogue);
      const g: GuardPage = await newPage();
      try {
        await g.raw.setViewport(1280, 900);
        const w = zendeskCopenhagen();
        await g.openP1Form(w);
        await g.clickSubmit(w);
        await g.waitDialog();
        await sleep(250); // the opening animation
        expect(await g.page.evaluate(() => document.querySelector('priority-guard-dialog')!.shadowRoot!.querySelector('dialog')!.getAttribute('lang'))).toMatch(
          inLanguage(catalogue),
        );
        expect((await g.dialog()).title).toBe(words('dialog.title'));
        for (const [width, height] of [
          [1280, 900],
          [640, 450],
        ] as const) {
          await g.raw.setViewport(width, height);
          await sleep(100);
          const layout = await g.page.evaluate(measureLayout, 'guard-dialog');
          expect(layout.outside, `text outside its box at ${width}×${height}`).toEqual([]);
          expect(layout.sideways, `sideways scrolling at ${width}×${height}`).toBe(false);
        }
        for (const c of await g.page.evaluate(dialogControlsReachable)) expect(c, `${c.what} reachable at 200 %`).toMatchObject({ inView: true, hit: true });
        await g.clickBack();
        await g.waitNoDialog();
      } finally {
        await g.close();
      }
    });

    it("the popup at its fixed width, on Priority 1's result (the longest): in the language; no text outside its box", async () => {
      const words = await catalogueWords(catalogue);
      const page = await openExtensionPage(browser(), 'popup.html');
      try {
        await page.waitFor('.pg-step, .pg-result', { state: 'visible', timeout: 30_000 });
        expect(await page.evaluate(() => document.documentElement.lang)).toMatch(inLanguage(catalogue));
        // The popup remembers the last session: begin from the first question.
        await page.click('.pg-panel:not([hidden]) [data-action="start-over"]');
        // Priority 1: not normal, production, inoperative, no workaround (real clicks).
        for (const [question, option] of [
          ['question', 2],
          ['production', 1],
          ['severity', 1],
          ['workaround', 2],
        ] as const) {
          await page.waitFor(`.pg-step[data-question="${question}"]`, { state: 'visible' });
          await page.click(`.pg-step[data-question="${question}"] .pg-option:nth-of-type(${option})`);
          await page.click(`.pg-step[data-question="${question}"] [data-action="next"]`);
        }
        await page.waitFor('.pg-result[data-level="1"]', { state: 'visible' });
        expect((await page.texts('.pg-reasons li')).join('\n')).toContain(words('triage.reason.noWorkaround'));
        const layout = await page.evaluate(measureLayout, 'body');
        expect(layout.outside).toEqual([]);
        expect(layout.sideways).toBe(false);
        expect(page.errors).toEqual([]);
      } finally {
        await page.close();
      }
    });

    it('the options page at 200 % zoom: in the language; no text outside its box, no sideways scrolling', async () => {
      const words = await catalogueWords(catalogue);
      const g: GuardPage = await newPage();
      try {
        await g.raw.setViewport(640, 450);
        await gotoExtensionPage(browser(), g.page, 'options.html');
        await g.page.waitFor('main.pg-opt h1', { state: 'visible', timeout: 30_000 });
        await until(async () => (await g.page.texts('main.pg-opt h1')).join('') === words('options.title'), 'the options page in the language');
        expect(await g.page.evaluate(() => document.documentElement.lang)).toMatch(inLanguage(catalogue));
        const layout = await g.page.evaluate(measureLayout, 'body');
        expect(layout.outside).toEqual([]);
        expect(layout.sideways).toBe(false);
        expect(g.page.errors).toEqual([]);
      } finally {
        await g.close();
      }
    });
  });
});
