// No zod here: the content script compares language tags with this too.

/**
 * A BCP 47 language tag's language, script, region and variants, lower case ("pt-br",
 * "zh-hant-tw"), for comparing tags whatever their case or extensions; null if it is none.
 * Underscores count as hyphens ("pt_BR", as browsers' locale folders write it).
 */
export function languageKey(tag: string): string | null {
  try {
    return new Intl.Locale(tag.replace(/_/g, '-')).baseName.toLowerCase();
  } catch {
    return null;
  }
}

/** True for a well-formed BCP 47 language tag as written ("de", "pt-BR", "zh-Hant-TW"); "pt_BR" is not one. */
export function isLanguageTag(tag: string): boolean {
  if (!/^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/.test(tag)) return false;
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/**
 * The tags to look a UI locale up by, most specific first, as RFC 4647 "lookup" does:
 * "pt-BR" → ["pt-br", "pt"], "zh-Hant-TW" → ["zh-hant-tw", "zh-hant", "zh"]. Empty when
 * the locale is not a language tag.
 */
export function lookupChain(locale: string): string[] {
  const key = languageKey(locale);
  if (key === null) return [];
  const parts = key.split('-');
  return parts.map((_, i) => parts.slice(0, parts.length - i).join('-'));
}
