/**
 * Ticket readiness in the user's language: the essentials' default labels and the one line on
 * what is missing. An organisation's own labels are shown as written.
 */
import { DEFAULT_ESSENTIALS, labelInSentence, missingItems, sameLabel, type EssentialId, type EssentialResult } from '../lib/rules/readiness';
import { listFormat, t, uiLocale } from './i18n';

const LABEL: Record<EssentialId, () => string> = {
  'what-broke-since': () => t('readiness.essential.whatBrokeSince'),
  'what-changed': () => t('readiness.essential.whatChanged'),
  'pe-version': () => t('readiness.essential.peVersion'),
  'support-script': () => t('readiness.essential.supportScript'),
  'business-impact': () => t('readiness.essential.businessImpact'),
};

const ASK: Record<EssentialId, () => string> = {
  'what-broke-since': () => t('readiness.ask.whatBrokeSince'),
  'what-changed': () => t('readiness.ask.whatChanged'),
  'pe-version': () => t('readiness.ask.peVersion'),
  'support-script': () => t('readiness.ask.supportScript'),
  'business-impact': () => t('readiness.ask.businessImpact'),
};

/** An essential's label in the UI language when it is a default one; an organisation's as written. */
export function essentialLabel(label: string): string {
  const standard = DEFAULT_ESSENTIALS.find((e) => sameLabel(e.label, label));
  return standard?.rule ? LABEL[standard.rule]() : label;
}

/**
 * One plain sentence naming what is missing ("Add your PE version and the support script
 * output so Support can start at once."); null when nothing is.
 */
export function missingSummary(results: readonly EssentialResult[]): string | null {
  // An admin's label starts lower case inside the sentence only in English (German nouns keep theirs).
  const lowerFirst = /^en\b/i.test(uiLocale());
  const parts = missingItems(results).map((item) => ('rule' in item ? ASK[item.rule]() : labelInSentence(item.label, lowerFirst)));
  return parts.length > 0 ? t('readiness.summary', { items: listFormat(parts) }) : null;
}
