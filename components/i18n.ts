/**
 * The extension's own words, through the browser's i18n (`browser.i18n`, via WXT's
 * `@wxt-dev/i18n`): the catalogues are `locales/<lang>.yml`, English the source; the build
 * turns them into `_locales/<lang>/messages.json`, which the browser loads itself (nothing is
 * bundled). The language is the browser's UI language.
 *
 * Components take their words from `t` and stay presentational: in the unit tests the fake
 * browser answers `getMessage` from the English catalogue (tests/unit/setup-i18n.ts).
 */
import { i18n } from '#i18n';
import {
  DEFAULT_CHECKLIST,
  DEFAULT_REASSURANCE,
  RESPONSE_HOURS,
  TRIAGE_REASONS,
  everyAnswerLeadsTo,
  type ChecklistId,
  type ChecklistItem,
  type Level,
  type Plan,
  type TriageReasonName,
} from '../lib/rules';

/** Every message looked up so far, by key and substitutions: what a dialog already says. */
const remembered = new Map<string, string>();

/**
 * `i18n.t`, remembering what it answered. A copy of the guard whose extension was updated,
 * disabled or removed (an orphaned content script) can no longer reach `browser.i18n`: its
 * open dialog must still re-render to say that nothing was submitted, in the words it
 * already showed.
 */
export const t = ((key: string, ...rest: unknown[]): string => {
  const id = JSON.stringify([key, ...rest]);
  try {
    const text = (i18n.t as (key: string, ...rest: unknown[]) => string)(key, ...rest);
    if (text) {
      remembered.set(id, text);
      return text;
    }
  } catch {
    // the extension is gone: fall back to what was said before
  }
  return remembered.get(id) ?? '';
}) as typeof i18n.t;

/** The language the browser chose the messages in, as a BCP 47 tag ("en", "pt-BR"). */
export function uiLocale(): string {
  const locale = t('@@ui_locale');
  return locale ? locale.replace('_', '-') : 'en';
}

/** A number written the way the UI language writes it. */
export function formatNumber(n: number): string {
  return new Intl.NumberFormat(uiLocale()).format(n);
}

/** The plural category (Intl.PluralRules) of a count in the UI language: one message key per category. */
export function pluralCategory(n: number): 'one' | 'other' {
  // The languages shipped (en, de, fr, es, ja, pt_BR) need "one" and "other" only; others
  // ("many" for large numbers in French, for one) take the "other" wording.
  return new Intl.PluralRules(uiLocale()).select(n) === 'one' ? 'one' : 'other';
}

/** The guidance's fixed words (lib/rules) in the UI language. */
export function levelName(level: Level): string {
  return t('level.name', { level: formatNumber(level) });
}

export function levelTag(level: Level): string {
  return t(`level.tag.p${level}`);
}

export function planName(plan: Plan): string {
  return t(`level.plan.${plan}`);
}

/** "4 business hours", "1 hour", "Next business day": plural and number from Intl. */
export function responseTarget(level: Level, plan: Plan): string {
  const { hours, business } = RESPONSE_HOURS[plan];
  const count = hours[level];
  if (count === null) return t('level.target.nextBusinessDay');
  const form = pluralCategory(count);
  const named = { count: formatNumber(count) };
  return business ? t(`level.target.businessHours.${form}`, named) : t(`level.target.hours.${form}`, named);
}

/** Whether the UI speaks another language than Puppet's published wording (English). */
export function translating(): boolean {
  return !/^en\b/i.test(uiLocale());
}

/** Our summary of a level Puppet has not published (P2, P3), in the UI language. */
export function summaryText(level: Level): string {
  return level === 3 ? t('level.definition.p3.summary') : t('level.definition.p2.summary');
}

/** A translation of Puppet's published definition (P1, P4): shown below it, marked as a translation. */
export function definitionTranslation(level: Level): string {
  return level === 4 ? t('level.definition.p4.translation') : t('level.definition.p1.translation');
}

/** A plan's hours ("Monday–Friday, 8:00–18:00 in your time zone"). */
export function planHours(plan: Plan): string {
  return t(`popup.hours.${plan}`);
}

/** "2 organisation settings were ignored": plural and number through Intl. */
export function ignoredSummary(count: number, source: 'policy' | 'user'): string {
  const named = { count: formatNumber(count) };
  const form = pluralCategory(count);
  return source === 'policy' ? t(`ignored.policy.${form}`, named) : t(`ignored.user.${form}`, named);
}

/** "A, B and C" (or, as alternatives, "A, B or C") the way the UI language lists things (Intl.ListFormat). */
export function listFormat(items: readonly string[], type: 'conjunction' | 'disjunction' = 'conjunction'): string {
  return new Intl.ListFormat(uiLocale(), { type }).format(items);
}

/** A message looked up by a key built from data (ids); "" when the catalogue has none. */
const byDataKey = t as unknown as (key: string) => string;

/** A triage question (lib/rules/triage-flow.ts) in the UI language, by its id; its English text if unknown. */
export function triageQuestionText(question: { id: string; text: string }): string {
  return byDataKey(`triage.${question.id}.text`) || question.text;
}

/** An answer to a triage question in the UI language, by the ids; its English label if unknown. */
export function triageOptionLabel(question: { id: string }, option: { id: string; label: string }): string {
  return byDataKey(`triage.${question.id}.${option.id}`) || option.label;
}

const TRIAGE_REASON_KEYS = {
  question: 'triage.reason.question',
  notProduction: 'triage.reason.notProduction',
  impairedWithWorkaround: 'triage.reason.impairedWithWorkaround',
  impaired: 'triage.reason.impaired',
  noWorkaround: 'triage.reason.noWorkaround',
  critical: 'triage.reason.critical',
  workaroundSoNotP1: 'triage.reason.workaroundSoNotP1',
} as const satisfies Record<TriageReasonName, string>;

/** A reason for a triage result in the UI language when it is one of the default table's; another table's as written. */
export function triageReasonText(reason: string, level: Level): string {
  if (reason === everyAnswerLeadsTo(level)) return t('triage.reason.everyAnswer', { level: formatNumber(level) });
  const name = (Object.keys(TRIAGE_REASONS) as TriageReasonName[]).find((n) => TRIAGE_REASONS[n] === reason);
  return name ? t(TRIAGE_REASON_KEYS[name]) : reason;
}

const CHECKLIST_KEYS = {
  production: 'defaults.checklist.production',
  critical: 'defaults.checklist.critical',
  'no-workaround': 'defaults.checklist.noWorkaround',
} as const satisfies Record<ChecklistId, string>;

/** A checklist statement in the UI language when it is the default one; an organisation's as written. */
export function checklistStatement(item: ChecklistItem): string {
  const standard = DEFAULT_CHECKLIST.find((d) => d.id === item.id);
  return standard && item.statement === standard.statement ? t(CHECKLIST_KEYS[item.id]) : item.statement;
}

/** The reassurance line in the UI language when it is the default one (its percentage through Intl); an organisation's as written. */
export function reassuranceText(text: string): string {
  if (text !== DEFAULT_REASSURANCE) return text;
  const percent = new Intl.NumberFormat(uiLocale(), { style: 'percent', maximumFractionDigits: 1 }).format(0.994);
  return t('defaults.reassurance', { percent });
}
