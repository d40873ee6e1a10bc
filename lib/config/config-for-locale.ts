import type { EffectiveConfig } from './effective';
import { wordedConfig } from './worded-config';
import { wordingForLocale } from './wording-for-locale';

// No zod here: the content script and the popup call this.

/** The effective configuration with the wording for the UI language `locale` ("de", "pt-BR"). */
export function configForLocale(config: EffectiveConfig, locale: string): EffectiveConfig {
  if (!config.wording?.byLanguage) return config;
  return { ...config, ...wordedConfig(wordingForLocale(config.wording, locale)) };
}

/**
 * `read` with the wording for the UI language, worked out again only when `read` gives
 * another configuration (so readers can still compare configurations by identity); the
 * locale is asked for only when the organisation words some language of its own.
 */
export function localizedConfig(read: () => EffectiveConfig, locale: () => string): () => EffectiveConfig {
  let from: EffectiveConfig | null = null;
  let localized: EffectiveConfig | null = null;
  return () => {
    const config = read();
    if (config !== from || localized === null) {
      from = config;
      localized = configForLocale(config, config.wording?.byLanguage ? locale() : '');
    }
    return localized;
  };
}
