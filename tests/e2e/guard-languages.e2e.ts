// Issue #14, "Portals in other languages": the full Priority 1 path on replica help centre
// pages in Japanese and German (/hc/ja/requests/new, /hc/de/requests/new), in both browsers,
// with levels chosen as a user does (real clicks and keys on the widget):
// - the guard arms; a Priority 1 (緊急 / Dringend) is stopped before anything reaches the
//   server; the dialog's "Change to Priority 3" selects 普通 / Normal in the form without
//   submitting, and the user's next submit goes through at once, exactly once, at P3;
// - a Priority 1 confirmed (the three ticked, "Submit as Priority 1") is submitted exactly once
//   with the P1 value.
// Two widgets per language: the legacy form's native select (labels and values in the DOM) and
// Copenhagen's Garden combobox, whose open list holds only the translated labels, so choosing
// "Priority 3" there depends on recognising 普通 / Normal.
// Each browser runs in the page's language (Chromium --lang, Firefox intl.locale.requested with
// Debian's language pack), as that help centre's users have it: the dialog speaks it (its name,
// buttons and marks from locales/<lang>.yml), Puppet's P1 wording stays verbatim in English,
// marked as Puppet's, with a translation below marked as one. With E2E_UPDATE_SCREENSHOTS=1,
// Chromium's screenshots of the Japanese and German dialogs go to docs/screenshots/.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DEFINITIONS } from '../../lib/rules';
import { catalogueWords } from '../support/i18n-catalogue';
import { UI_LANGUAGES } from '../support/ui-languages.mjs';
import { REPO_ROOT } from './harness/env';
import { BROWSERS, usePortal } from './harness/setup';
import {
  ARTIFACTS,
  axeViolations,
  sleep,
  submittedData,
  until,
  useGuardBrowser,
  watchServer,
  zendeskCopenhagen,
  zendeskSelect,
  type FieldData,
  type GuardPage,
  type Level,
  type Widget,
} from './guard-helpers';

const portal = usePortal();

type Lang = 'ja' | 'de';

/** Zendesk's system priority field as the help centre shows it (cited in lib/rules/labels.ts). */
const LEVEL_LABELS: Record<Lang, Record<Level, string>> = {
  ja: { 1: '緊急', 2: '高', 3: '普通', 4: '低' },
  de: { 1: 'Dringend', 2: 'Hoch', 3: 'Normal', 4: 'Niedrig' },
};
/** The legacy form's submit button (input[name=commit]) value, which the form posts. */
const SUBMIT_VALUE: Record<Lang, string> = { ja: '送信', de: 'Senden' };

/** Native select options in order: -, low, normal, high, urgent. */
const SELECT_INDEX: Record<Level, number> = { 1: 4, 2: 3, 3: 2, 4: 1 };

/** The legacy form's native select, chosen with the keyboard (type-ahead needs Latin initials). */
function translatedSelect(lang: Lang): Widget {
  const base = zendeskSelect(`zendesk-select-${lang}`);
  return {
    ...base,
    labels: LEVEL_LABELS[lang],
    async choose(g, level) {
      // Clicking the label focuses the select without opening it; Home goes to "-", then one
      // ArrowDown per option: real key events, each a user's change.
      await g.page.click('label[for="request_priority"]');
      await g.page.press('Home');
      for (let i = 0; i < SELECT_INDEX[level]; i++) await g.page.press('ArrowDown');
      await g.expectPriority(this, level);
    },
  };
}

/** Copenhagen's Garden combobox: open it with a click, click the option (labels only in the DOM). */
function translatedCopenhagen(lang: Lang): Widget {
  return { ...zendeskCopenhagen(`zendesk-copenhagen-${lang}`), labels: LEVEL_LABELS[lang] };
}

interface TranslatedPage {
  lang: Lang;
  w: Widget;
}

const PAGES: TranslatedPage[] = [
  { lang: 'ja', w: translatedSelect('ja') },
  { lang: 'ja', w: translatedCopenhagen('ja') },
  { lang: 'de', w: translatedSelect('de') },
  { lang: 'de', w: translatedCopenhagen('de') },
];

function pageUrl({ lang, w }: TranslatedPage): string {
  return `https://support.puppet.com/hc/${lang}/requests/new?fixture=${w.fixture}`;
}

/** What the server should get for a form whose data was `before`, submitted with its button. */
function expectedSubmission({ lang, w }: TranslatedPage, before: FieldData, priority?: string): FieldData {
  const out: FieldData = { ...before };
  if (priority !== undefined) out[w.priorityName] = priority;
  // The legacy button is named: a click sends it, with its translated value.
  if (w.kind === 'legacy') out.commit = SUBMIT_VALUE[lang];
  // Copenhagen's own submit path adds the CSRF token: proof that the portal's path ran.
  else out.authenticity_token = 'replica-csrf-token';
  return out;
}

/** Opens the translated page, checks it is the translated one, waits for the guard and fills the form. */
async function openTranslated(g: GuardPage, t: TranslatedPage) {
  await g.open(pageUrl(t));
  expect(await g.page.evaluate(() => [document.documentElement.lang, location.pathname])).toEqual([t.lang, `/hc/${t.lang}/requests/new`]);
  await g.waitArmed();
  await g.fill(t.w.fill);
}

/** What the guard's dialog shows, read from its shadow root. */
interface DialogWords {
  lang: string | null;
  /** The dialog's accessible name: the text of the element aria-labelledby names. */
  name: string;
  changes: string[];
  confirm: string;
  back: string;
  readinessTitle: string;
  p1: { published: string; publishedLang: string | null; publishedMark: string; translation: string; translationLang: string | null; translationMark: string };
}

function readDialogWords(g: GuardPage): Promise<DialogWords> {
  return g.page.evaluate(() => {
    const dialog = document.querySelector('priority-guard-dialog')!.shadowRoot!.querySelector('dialog')!;
    const text = (selector: string) => dialog.querySelector(selector)?.textContent?.trim() ?? '';
    const p1 = dialog.querySelector('.pg-level-1')!;
    const translation = p1.querySelector('.pg-translation');
    return {
      lang: dialog.getAttribute('lang'),
      name: (dialog.getRootNode() as ShadowRoot).getElementById(dialog.getAttribute('aria-labelledby') ?? '')?.textContent?.trim() ?? '',
      changes: [...dialog.querySelectorAll('button[data-action="change"]')].map((b) => b.textContent!.trim()),
      confirm: text('button[data-action="confirm"]'),
      back: text('button[data-action="back"]'),
      readinessTitle: text('.pg-readiness h3, .pg-readiness h2'),
      p1: {
        published: p1.querySelector('q.pg-published')?.textContent ?? '',
        publishedLang: p1.querySelector('q.pg-published')?.getAttribute('lang') ?? null,
        publishedMark: p1.querySelector('.pg-published-mark')?.textContent?.trim() ?? '',
        translation: translation?.textContent?.trim() ?? '',
        translationLang: translation?.getAttribute('lang') ?? null,
        translationMark: translation?.querySelector('.pg-translation-mark')?.textContent?.trim() ?? '',
      },
    };
  });
}

const PUPPET_P1 = DEFAULT_DEFINITIONS.find((d) => d.level === 1)!.definition;

describe.each(BROWSERS)('guard on translated help centres, the browser in their language: %s', (name) => {
  describe.each(['ja', 'de'] as const)('/hc/%s, browser UI in the same language', (lang) => {
    const locale = UI_LANGUAGES.find((l) => l.catalogue === lang)![name];
    const { browser, sharedPage } = useGuardBrowser(name, portal, { locale });
    let words: Awaited<ReturnType<typeof catalogueWords>>;
    beforeAll(async () => {
      words = await catalogueWords(lang);
    });

    it(`the dialog speaks ${lang}: its name and buttons; Puppet's P1 wording verbatim in English, marked, with a marked translation below`, async () => {
      const g = await sharedPage();
      await g.raw.setViewport(1280, 900);
      const t = PAGES.find((p) => p.lang === lang && p.w.kind === 'copenhagen')!;
      await openTranslated(g, t);
      await t.w.choose(g, 1);
      const server = watchServer(browser());
      await g.clickSubmit(t.w);
      await g.waitDialog();
      await server.expect(0);

      const shown = await readDialogWords(g);
      expect(shown.lang).toBe(lang);
      expect(shown.name, "the dialog's accessible name").toBe(words('dialog.title'));
      expect(shown.confirm).toBe(words('dialog.confirm'));
      expect(shown.back).toBe(words('dialog.back'));
      expect(shown.changes).toEqual(expect.arrayContaining([words('dialog.changeToLevel', { level: 3 })]));
      expect(shown.readinessTitle).toBe(words('readiness.title'));
      expect(shown.p1.published, "Puppet's P1 wording, verbatim").toBe(PUPPET_P1);
      expect(shown.p1.publishedLang).toBe('en');
      expect(shown.p1.publishedMark).toBe(words('level.mark.published'));
      expect(shown.p1.translationLang).toBe(lang);
      expect(shown.p1.translationMark).toBe(words('level.mark.translation'));
      expect(shown.p1.translation).toContain(words('level.definition.p1.translation'));
      expect(shown.p1.translation).not.toContain(PUPPET_P1);

      await sleep(250); // the opening animation
      expect(await axeViolations(g), 'axe-core: no violation in the dialog in this language').toEqual([]);
      const file = join(ARTIFACTS, `dialog-${lang}-${name}.png`);
      await g.raw.screenshot(file);
      if (process.env.E2E_UPDATE_SCREENSHOTS === '1' && name === 'chromium') {
        mkdirSync(join(REPO_ROOT, 'docs/screenshots'), { recursive: true });
        copyFileSync(file, join(REPO_ROOT, `docs/screenshots/dialog-${lang}.png`));
      }
      await g.clickBack();
      await g.waitNoDialog();
      await server.expect(0);
      expect(g.page.errors).toEqual([]);
    });

    describe.each(PAGES.filter((p) => p.lang === lang).map((t) => [t.w.fixture, t] as const))('%s', (_fixture, t) => {
      const { w } = t;
      const label = LEVEL_LABELS[lang];

      it(`Priority 1 (${label[1]}) is stopped; the dialog's "Change to Priority 3" selects ${label[3]} without submitting; then one submission at P3, at once`, async () => {
        const g = await sharedPage();
        await openTranslated(g, t);
        expect(await g.mark()).toBe('armed');
        await w.choose(g, 1);
        expect(await g.domPriority(w), 'the widget shows the translated P1 label').toEqual({ value: 'urgent', shown: label[1] });
        const before = await g.fields();

        // Stopped: the dialog opens and nothing reaches the portal.
        const server = watchServer(browser());
        await g.clickSubmit(w);
        await g.waitDialog();
        const state = await g.dialog();
        expect(state).toMatchObject({ open: true, modal: true, confirmDisabled: true });
        expect(state.changes.map((c) => c.level), 'the dialog offers Priority 2, 3 and 4').toEqual(expect.arrayContaining(['2', '3', '4']));
        await server.expect(0);
        expect(await g.submitCount()).toBe(0);
        expect(await g.priorityValue()).toBe('urgent');

        // "Change to Priority 3", by the dialog's own button.
        await g.clickChange(3);
        await g.waitNoDialog();
        await g.expectPriority(w, 3);
        expect(await g.domPriority(w), 'the widget shows the translated P3 label').toEqual({ value: 'normal', shown: label[3] });
        expect(await g.isFocused(w.focusAfterChange(3)), `focus on the field, not: ${(await g.focused()).path.join(' > ')}`).toBe(true);
        await until(async () => !(await g.note()).present, 'the P1 note to go once P1 is no longer selected', 3_000);
        expect(await g.fields()).toEqual({ ...before, [w.priorityName]: 'normal' });
        await server.expect(0);
        expect(await g.submitCount()).toBe(0);
        const dialogs = await g.dialogInsertions();

        // The user submits: at once, exactly once, at P3, nothing lost, no second dialog.
        const clicked = Date.now();
        await g.clickSubmit(w);
        const [sub] = await server.expect(1);
        expect(sub!.at - clicked, 'a P3 submission is not delayed').toBeLessThan(2_000);
        expect(sub!.path).toBe(`/hc/${lang}/requests`);
        expect(submittedData(sub!)).toEqual(expectedSubmission(t, before, 'normal'));
        expect(await g.dialogInsertions(), 'no dialog for the P3 submission').toBe(dialogs);
        expect(g.page.errors).toEqual([]);
      });

      // Only the label tells 低 / Niedrig apart on Copenhagen (German "Normal" is also English).
      if (w.kind === 'copenhagen') {
        it(`Priority 1 (${label[1]}) is stopped; the dialog's "Priority 4" selects ${label[4]} by its label; then one submission at P4`, async () => {
          const g = await sharedPage();
          await openTranslated(g, t);
          await w.choose(g, 1);
          const before = await g.fields();
          const server = watchServer(browser());
          await g.clickSubmit(w);
          await g.waitDialog();
          await server.expect(0);

          await g.clickChange(4);
          await g.waitNoDialog();
          await g.expectPriority(w, 4);
          expect(await g.domPriority(w)).toEqual({ value: 'low', shown: label[4] });
          await server.expect(0);
          expect(await g.submitCount()).toBe(0);

          await g.clickSubmit(w);
          const [sub] = await server.expect(1);
          expect(submittedData(sub!)).toEqual(expectedSubmission(t, before, 'low'));
          expect(g.page.errors).toEqual([]);
        });
      }

      it(`Priority 1 (${label[1]}) confirmed (the three ticked, "Submit as Priority 1"): exactly one submission, with the P1 value`, async () => {
        const g = await sharedPage();
        await openTranslated(g, t);
        await w.choose(g, 1);
        const before = await g.fields();
        expect(before[w.priorityName]).toBe('urgent');

        const server = watchServer(browser());
        await g.clickSubmit(w);
        await g.waitDialog();
        await server.expect(0);
        expect(await g.submitCount()).toBe(0);

        await g.confirmP1();
        const [sub] = await server.expect(1);
        expect(sub!.path).toBe(`/hc/${lang}/requests`);
        expect(submittedData(sub!)).toEqual(expectedSubmission(t, before, 'urgent'));
        expect(g.page.errors).toEqual([]);
      });

      it(`Priority 3 (${label[3]}) chosen by the user passes at once, without a dialog`, async () => {
        const g = await sharedPage();
        await openTranslated(g, t);
        await w.choose(g, 3);
        expect(await g.domPriority(w)).toEqual({ value: 'normal', shown: label[3] });
        expect((await g.note()).present).toBe(false);
        const before = await g.fields();

        const server = watchServer(browser());
        const clicked = Date.now();
        await g.clickSubmit(w);
        const [sub] = await server.expect(1);
        expect(sub!.at - clicked, 'a P3 submission is not delayed').toBeLessThan(2_000);
        expect(submittedData(sub!)).toEqual(expectedSubmission(t, before));
        expect(await g.dialogEverSeen()).toBe(false);
        expect(g.page.errors).toEqual([]);
      });
    });
  });
});
