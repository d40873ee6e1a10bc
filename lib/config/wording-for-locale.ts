import { deepMerge } from './deep-merge';
import type { WordingConfig, WordingValues } from './effective';
import { languageKey, lookupChain } from './language-tag';

// No zod here: the content script, the popup and the options page all choose with this.

/**
 * The wording to show in the UI language `locale` (a BCP 47 tag such as "pt-BR"): the one
 * place the per-language fallback lives. Field by field, the first that sets it of
 *
 *   wording.byLanguage["pt-BR"] → wording.byLanguage["pt"] → wording (the top level)
 *
 * and what none sets is left out, for the built-in (translated) texts to fill. Blocks are
 * laid over each other as the settings merge lays the policy over the user's settings:
 * objects (definitions, checklist, keywords) key by key, lists and texts whole. Tags match
 * whatever their case; a region or script is dropped one at a time ("de-AT" finds "de").
 */
export function wordingForLocale(wording: WordingConfig, locale: string): WordingValues {
  const { byLanguage = {}, ...everyLanguage } = wording;
  const blocks = new Map<string, WordingValues>();
  for (const [tag, block] of Object.entries(byLanguage)) {
    const key = languageKey(tag);
    // Two spellings of one tag ("de", "DE"): the first given counts.
    if (key !== null && !blocks.has(key)) blocks.set(key, block);
  }
  const leastSpecificFirst = lookupChain(locale).reverse();
  let chosen: unknown = everyLanguage;
  for (const tag of leastSpecificFirst) chosen = deepMerge(chosen, blocks.get(tag));
  return chosen as WordingValues;
}
