import { DEFAULT_TICKET_ESSENTIALS } from '../rules';
import { sameLabel } from '../rules/readiness/essentials';
import type { WordingConfig } from './effective';
import type { ConfigProblem } from './problem';
import type { Settings } from './schema';
import { closestKey, formatPath } from './validate';
import { wordingForLocale } from './wording-for-locale';

/**
 * `wording.ticketEssentialKeywords` names essentials by their text. A key that names no item
 * of the essentials in force (`wording.ticketEssentials`, or the defaults) is not used: say so
 * as a problem, for whichever source set it, rather than let the keywords do nothing in silence.
 */
export function unusedKeywordProblems(
  essentials: readonly string[],
  policy: Settings,
  user: Settings,
): ConfigProblem[] {
  const sources: [ConfigProblem['source'], Settings][] = [['policy', policy], ['user', user]];
  return sources.flatMap(([source, settings]) =>
    unusedKeys(essentials, settings.wording?.ticketEssentialKeywords, ['wording', 'ticketEssentialKeywords'], source),
  );
}

/**
 * The same for each language of `wording.byLanguage` (policy only): its keys must name an item
 * of the essentials in force in that language (wording-for-locale.ts).
 */
export function unusedLanguageKeywordProblems(wording: WordingConfig | undefined): ConfigProblem[] {
  return Object.entries(wording?.byLanguage ?? {}).flatMap(([tag, block]) => {
    const essentials = wordingForLocale(wording!, tag).ticketEssentials ?? DEFAULT_TICKET_ESSENTIALS;
    const path = ['wording', 'byLanguage', tag, 'ticketEssentialKeywords'];
    return unusedKeys(essentials, block.ticketEssentialKeywords, path, 'policy');
  });
}

function unusedKeys(
  essentials: readonly string[],
  keywords: Readonly<Record<string, unknown>> | undefined,
  path: string[],
  source: ConfigProblem['source'],
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const key of Object.keys(keywords ?? {})) {
    if (essentials.some((item) => sameLabel(item, key))) continue;
    problems.push({
      source,
      path: formatPath([...path, key]),
      issue: { code: 'unusedKeywords', like: closestKey(key, essentials), items: [...essentials] },
      verdict: 'keywordsUnused',
    });
  }
  return problems;
}
