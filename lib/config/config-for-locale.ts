import type { EffectiveConfig } from './effective';
import { wordedConfig } from './worded-config';
import { wordingForLocale } from './wording-for-locale';

// No zod here: the content script and the popup call this.

/** The effective configuration with the wording for the UI language `locale` ("de", "pt-BR"). */
export function configForLocale(config: EffectiveConfig, locale: string): EffectiveConfig {
  if (!config.wording.byLanguage) return config;
  return { ...config, ...wordedConfig(wordingForLocale(config.wording, locale)) };
}
