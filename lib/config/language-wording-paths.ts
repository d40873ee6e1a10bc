import type { WordingConfig } from './effective';
import { settingPaths } from './merge';
import { wordingForLocale } from './wording-for-locale';

/**
 * The key paths of the texts that `wording.byLanguage` sets for the UI language `locale`
 * (`wording.definitions.1`, as the options page names its fields): the organisation's, since
 * only a policy sets wording per language, so the options page shows them as locked.
 */
export function languageWordingPaths(wording: WordingConfig, locale: string): string[] {
  if (!wording.byLanguage) return [];
  const languageOnly = wordingForLocale({ byLanguage: wording.byLanguage }, locale);
  return settingPaths({ wording: languageOnly });
}
