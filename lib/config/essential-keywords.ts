import { sameLabel } from '../rules/readiness/essentials';
import type { ConfigProblem } from './load';
import type { Settings } from './schema';
import { closestKey, formatPath } from './validate';

/**
 * `wording.ticketEssentialKeywords` names essentials by their text. A key that names no item
 * of the essentials in force (`wording.ticketEssentials`, or the defaults) is not used: say so
 * plainly, for whichever source set it, rather than let the keywords do nothing in silence.
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
      const like = closestKey(key, essentials);
      const hint = like ? `did you mean "${like}"?` : `the items are ${essentials.map((e) => `"${e}"`).join(', ')}.`;
      problems.push({
        source,
        path: formatPath(['wording', 'ticketEssentialKeywords', key]),
        message: `No item of "What to include in a P1 ticket" has this text: ${hint} These keywords are not used.`,
      });
    }
  }
  return problems;
}
