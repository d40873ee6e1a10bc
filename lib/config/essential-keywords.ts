import { sameLabel } from '../rules/readiness/essentials';
import type { ConfigProblem } from './problem';
import type { Settings } from './schema';
import { closestKey, formatPath } from './validate';

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
  const problems: ConfigProblem[] = [];
  const sources: [ConfigProblem['source'], Settings][] = [['policy', policy], ['user', user]];
  for (const [source, settings] of sources) {
    for (const key of Object.keys(settings.wording?.ticketEssentialKeywords ?? {})) {
      if (essentials.some((item) => sameLabel(item, key))) continue;
      problems.push({
        source,
        path: formatPath(['wording', 'ticketEssentialKeywords', key]),
        issue: { code: 'unusedKeywords', like: closestKey(key, essentials), items: [...essentials] },
        verdict: 'keywordsUnused',
      });
    }
  }
  return problems;
}
