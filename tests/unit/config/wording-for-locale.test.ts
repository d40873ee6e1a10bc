import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WordingConfig, WordingValues } from '@/lib/config/effective';
import { isLanguageTag, languageKey, lookupChain } from '@/lib/config/language-tag';
import { wordingForLocale } from '@/lib/config/wording-for-locale';

const TOP: WordingConfig = {
  definitions: { 1: 'Top P1', 2: 'Top P2' },
  checklist: { production: 'Top production' },
  reassurance: 'Top reassurance',
};

const WORDING: WordingConfig = {
  ...TOP,
  byLanguage: {
    de: { definitions: { 1: 'DE P1' } },
    'pt-BR': { definitions: { 1: 'PT-BR P1' }, reassurance: 'PT-BR reassurance' },
    pt: { definitions: { 1: 'PT P1', 3: 'PT P3' }, checklist: { critical: 'PT critical' } },
    ja: { ticketEssentials: ['JA essential'], ticketEssentialKeywords: { 'JA essential': ['ja'] } },
    'zh-Hant': { reassurance: 'ZH-HANT reassurance' },
    zh: { reassurance: 'ZH reassurance', definitions: { 4: 'ZH P4' } },
  },
};

describe('wordingForLocale: which wording a UI language gets', () => {
  it.each<[string, string, WordingValues]>([
    [
      'Austrian German takes German, the rest from the top level',
      'de-AT',
      { definitions: { 1: 'DE P1', 2: 'Top P2' }, checklist: TOP.checklist, reassurance: 'Top reassurance' },
    ],
    ['German as such', 'de', { definitions: { 1: 'DE P1', 2: 'Top P2' }, checklist: TOP.checklist, reassurance: 'Top reassurance' }],
    [
      'Brazilian Portuguese takes its own first, then Portuguese, then the top level',
      'pt-BR',
      {
        definitions: { 1: 'PT-BR P1', 2: 'Top P2', 3: 'PT P3' },
        checklist: { production: 'Top production', critical: 'PT critical' },
        reassurance: 'PT-BR reassurance',
      },
    ],
    [
      'European Portuguese falls back to Portuguese, then the top level',
      'pt-PT',
      {
        definitions: { 1: 'PT P1', 2: 'Top P2', 3: 'PT P3' },
        checklist: { production: 'Top production', critical: 'PT critical' },
        reassurance: 'Top reassurance',
      },
    ],
    ['the browser\'s own spelling (pt_BR) finds pt-BR', 'pt_BR', expect.objectContaining({ reassurance: 'PT-BR reassurance' })],
    ['case does not matter', 'PT-br', expect.objectContaining({ reassurance: 'PT-BR reassurance' })],
    ['a language nobody worded gets the top level', 'fr', TOP],
    ['English without an English block gets the top level', 'en-US', TOP],
    ['no locale at all gets the top level', '', TOP],
    ['a locale that is no language tag gets the top level', 'not a locale!', TOP],
    [
      'a script is dropped before the language (zh-Hant-TW → zh-Hant → zh)',
      'zh-Hant-TW',
      { ...TOP, definitions: { ...TOP.definitions, 4: 'ZH P4' }, reassurance: 'ZH-HANT reassurance' },
    ],
    [
      'lists and their keywords come from the language that gives them',
      'ja',
      { ...TOP, ticketEssentials: ['JA essential'], ticketEssentialKeywords: { 'JA essential': ['ja'] } },
    ],
  ])('%s (%s)', (_name, locale, expected) => {
    expect(wordingForLocale(WORDING, locale)).toEqual(expected);
  });

  it('never hands on byLanguage itself', () => {
    for (const locale of ['de', 'pt-BR', 'fr', '']) expect(wordingForLocale(WORDING, locale)).not.toHaveProperty('byLanguage');
  });

  it('gives nothing where nothing is worded: the built-in texts apply', () => {
    expect(wordingForLocale({}, 'de')).toEqual({});
    expect(wordingForLocale({ byLanguage: { fr: { reassurance: 'FR' } } }, 'de')).toEqual({});
  });

  it('sets only what the language block sets when there is no top level', () => {
    expect(wordingForLocale({ byLanguage: { de: { checklist: { critical: 'DE critical' } } } }, 'de-CH')).toEqual({
      checklist: { critical: 'DE critical' },
    });
  });

  it('takes the first of two spellings of one tag', () => {
    expect(wordingForLocale({ byLanguage: { de: { reassurance: 'first' }, DE: { reassurance: 'second' } } }, 'de').reassurance).toBe(
      'first',
    );
  });

  it('leaves the given wording as it was', () => {
    const before = JSON.stringify(WORDING);
    wordingForLocale(WORDING, 'pt-BR');
    expect(JSON.stringify(WORDING)).toBe(before);
  });
});

/** Every leaf of a wording (a text or a list), by key path. */
function leaves(value: unknown, path: string[] = []): [string[], unknown][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [[path, value]];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
}

function leafAt(value: unknown, path: string[]): unknown {
  let here: unknown = value;
  for (const key of path) {
    if (here === null || typeof here !== 'object' || Array.isArray(here) || !Object.hasOwn(here, key)) return undefined;
    here = (here as Record<string, unknown>)[key];
  }
  return here;
}

const text = fc.string({ maxLength: 8 });
const wordingValues: fc.Arbitrary<WordingValues> = fc.record(
  {
    definitions: fc.record({ 1: text, 2: text, 3: text, 4: text }, { requiredKeys: [] }),
    checklist: fc.record({ production: text, critical: text, 'no-workaround': text }, { requiredKeys: [] }),
    reassurance: text,
    ticketEssentials: fc.array(text, { minLength: 1, maxLength: 3 }),
    ticketEssentialKeywords: fc.dictionary(text, fc.array(text, { minLength: 1, maxLength: 2 }), { maxKeys: 2 }),
  },
  { requiredKeys: [] },
);
const tag = fc.constantFrom('de', 'de-AT', 'DE', 'pt', 'pt-BR', 'pt-PT', 'ja', 'en', 'en-GB', 'zh-Hant', 'zh-Hant-TW', 'zh');
const locale = fc.oneof(tag, fc.string({ maxLength: 12 }));

describe('wordingForLocale: for any wording and any locale', () => {
  it('every text it gives comes from a block that was given, at the same place', () => {
    fc.assert(
      fc.property(wordingValues, fc.dictionary(tag, wordingValues, { maxKeys: 4 }), locale, (top, byLanguage, ui) => {
        const blocks = [top, ...Object.values(byLanguage)];
        for (const [path, value] of leaves(wordingForLocale({ ...top, byLanguage }, ui))) {
          expect(blocks.some((block) => Object.is(leafAt(block, path), value)), path.join('.')).toBe(true);
        }
      }),
    );
  });

  it('a language block that matches nothing changes nothing', () => {
    fc.assert(
      fc.property(wordingValues, wordingValues, locale, (top, other, ui) => {
        const unmatched: Record<string, WordingValues> = lookupChain(ui).includes('xx') ? {} : { xx: other };
        expect(wordingForLocale({ ...top, byLanguage: unmatched }, ui)).toEqual(top);
      }),
    );
  });

  it('the exact tag always wins where it sets a text', () => {
    fc.assert(
      fc.property(wordingValues, wordingValues, wordingValues, (top, base, exact) => {
        const chosen = wordingForLocale({ ...top, byLanguage: { pt: base, 'pt-BR': exact } }, 'pt-BR');
        for (const [path, value] of leaves(exact)) {
          if (path.length > 0) expect(leafAt(chosen, path), path.join('.')).toEqual(value);
        }
      }),
    );
  });
});

describe('language tags', () => {
  it.each(['de', 'pt-BR', 'ja', 'zh-Hant-TW', 'en-GB', 'es-419', 'DE', 'sr-Latn'])('%s is one', (t) => expect(isLanguageTag(t)).toBe(true));

  it.each(['pt_BR', '', 'de-', '-de', 'german!', 'de AT', '__proto__', 'constructor', 'x', '123'])('%j is none', (t) =>
    expect(isLanguageTag(t)).toBe(false),
  );

  it('compares tags by language, script, region and variants, in lower case', () => {
    expect(languageKey('pt-BR')).toBe('pt-br');
    expect(languageKey('de-DE-u-co-phonebk')).toBe('de-de');
    expect(languageKey('nonsense!')).toBeNull();
    expect(lookupChain('zh-Hant-TW')).toEqual(['zh-hant-tw', 'zh-hant', 'zh']);
  });
});
