import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recogniseLabel, recogniseOptions, type LabelScheme } from '@/lib/rules/labels';
import { LEVELS, type Level } from '@/lib/rules/levels';

/**
 * Every word that names a level on its own (a superset of the implementation's list,
 * written out here on purpose: the properties below must not trust it).
 */
const LEVEL_WORDS = [
  'urgent',
  'emergency',
  'blocker',
  'highest',
  'critical',
  'high',
  'major',
  'medium',
  'moderate',
  'normal',
  'low',
  'lowest',
  'minor',
  'trivial',
  // German, French, Spanish, Portuguese (compared folded: "Élevée" is "elevee").
  ...'dringend kritisch höchste hoch hohe mittel mittlere niedrig niedrige niedrigste gering'.split(' '),
  ...'urgente critique bloquant bloquante élevée élevé haute normale moyenne moyen majeure majeur faible basse mineure mineur'.split(' '),
  ...'crítica crítico bloqueante bloqueador alta alto media medio média médio baja bajo baixa baixo menor'.split(' '),
  // Japanese.
  ...'緊急 最高 致命的 クリティカル ブロッカー 高 中 普通 通常 メジャー 低 最低 軽微 マイナー'.split(' '),
];

/** Words that may stand around a level (or before a digit) without changing it. */
const FILLERS = [
  ...['priority', 'prio', 'pri', 'severity', 'sev', 'urgency', 'impact', 'level', 'p', 's'],
  // German, French, Spanish, Portuguese (folded), Japanese: also the words allowed before a digit.
  ...'prioritat schweregrad dringlichkeit auswirkung stufe priorite gravite severite urgence niveau'.split(' '),
  ...'prioridad severidad gravedad urgencia impacto nivel prioridade severidade gravidade'.split(' '),
  ...'優先度 優先順位 重大度 重要度 緊急度 深刻度 影響度 レベル'.split(' '),
];

/** Comparable the way the implementation compares: compatibility-decomposed, no combining marks, lower case. */
function folded(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

const FOLDED_LEVEL_WORDS = LEVEL_WORDS.map(folded);

function namesNoLevel(text: string): boolean {
  const f = folded(text);
  return !/[0-9]/.test(f) && !FOLDED_LEVEL_WORDS.some((word) => f.includes(word));
}

const scheme = fc.constantFrom<LabelScheme>('default', 'blocker');
const level = fc.constantFrom(...LEVELS);

/** Any text at all, from plain ASCII to lone surrogates and combining marks. */
const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.constantFrom(...'P1S2 -–—|:()[]_/.sevpriorityurgent'.split('')) }),
  // Japanese without spaces: level words, fillers, kana, full-width punctuation and digits.
  fc.string({ unit: fc.constantFrom(...'緊急高普通低中最優先度順位レベルいのはーブロッカ・：（）【】Ｐ１P1 '.split('')) }),
  fc.array(fc.constantFrom('緊急', '高', '普通', '低', '優先度', 'レベル', '度', 'い', 'の', '1', ':', ' '), { maxLength: 8 }).map((parts) => parts.join('')),
);

/** Label-ish text built from fillers, separators, brackets and random words. */
const labelish = fc
  .array(
    fc.oneof(
      fc.constantFrom(...FILLERS),
      fc.constantFrom(' - ', ' – ', ' — ', ' | ', ': ', '(', ')', '[', ']', ' ', '_', '/', '...'),
      fc.stringMatching(/^[a-zA-Z]{1,8}$/),
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(''));

/** Heads that name a level on their own, in the many spellings portals use. */
const head = level.chain((n) =>
  fc
    .constantFrom(`P${n}`, `P ${n}`, `p${n}`, `Sev ${n}`, `SEV-${n}`, `Severity ${n}`, `S${n}`, `Priority ${n}`, `priority_${n}`, `${n}`)
    .map((text) => ({ text, n })),
);

/** Random upper/lower case, one character at a time. */
function recased(text: string, flips: readonly boolean[]): string {
  return [...text].map((c, i) => (flips[i % Math.max(flips.length, 1)] ? c.toUpperCase() : c.toLowerCase())).join('');
}

const whitespace = fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\u00a0'), maxLength: 4 });

describe('recogniseLabel properties', () => {
  it('never throws, and returns null or a level 1..4', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, labelish), scheme, (text, s) => {
        const result = recogniseLabel(text, s);
        expect(result === null || LEVELS.includes(result)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('recogniseOptions never throws on any option set', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ label: anyText, value: anyText }), { maxLength: 6 }), (set) => {
        const result = recogniseOptions(set);
        expect(result).toHaveLength(set.length);
        for (const r of result) expect(r === null || LEVELS.includes(r)).toBe(true);
      }),
    );
  });

  it('never recognises text without a digit and without a level word', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, labelish).filter(namesNoLevel), scheme, (text, s) => {
        expect(recogniseLabel(text, s)).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  it('never counts a digit that follows an ordinary word ("Project 1", "Phase 2")', () => {
    const ordinary = fc
      .stringMatching(/^[a-z]{2,10}$/)
      .filter((w) => !FILLERS.includes(w) && !FOLDED_LEVEL_WORDS.includes(w) && !/^(p|s|sev|pri|prio|priority|severity|level)$/.test(w));
    fc.assert(
      fc.property(ordinary, level, fc.constantFrom(' ', '-', '_', ' #'), (word, n, gap) => {
        expect(recogniseLabel(`${word}${gap}${n}`)).toBeNull();
        expect(recogniseLabel(`${word[0]!.toUpperCase()}${word.slice(1)}${gap}${n}`)).toBeNull();
      }),
    );
  });

  it('keeps the level of "P{n} - <anything>" and similar decorated heads', () => {
    fc.assert(
      fc.property(head, fc.constantFrom(' - ', ' – ', ' — ', ' | ', ': '), anyText, scheme, ({ text, n }, sep, rest, s) => {
        expect(recogniseLabel(`${text}${sep}${rest}`, s)).toBe(n);
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps the level of "<n> (<anything>)" and "<head> [<anything>]"', () => {
    fc.assert(
      fc.property(level, anyText, scheme, (n, rest, s) => {
        expect(recogniseLabel(`${n} (${rest})`, s)).toBe(n);
        expect(recogniseLabel(`${n} (${rest}`, s)).toBe(n);
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(head, fc.constantFrom('(', '['), anyText, scheme, ({ text, n }, open, rest, s) => {
        expect(recogniseLabel(`${text} ${open}${rest}`, s)).toBe(n);
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps the level of a level word followed by a description', () => {
    const words: [string, number][] = [
      ['Urgent', 1],
      ['High', 2],
      ['Normal', 3],
      ['Low', 4],
      ['Medium', 3],
      ['Highest', 1],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...words), fc.constantFrom(' - ', ' (', ': ', ' | '), anyText, ([word, n], sep, rest) => {
        expect(recogniseLabel(`${word}${sep}${rest}`)).toBe(n);
      }),
      { numRuns: 500 },
    );
  });

  it('ignores case and surrounding whitespace', () => {
    const recognised = fc.constantFrom(
      'P1',
      'P 2',
      'Priority 3',
      'priority_4',
      'Sev 1',
      'SEV-2',
      'Severity 3',
      'S4',
      'Urgent',
      'High',
      'Normal',
      'Low',
      'Critical',
      'Medium',
      'Blocker',
      'Highest',
      'Lowest',
      'P1 - Critical',
      'P2 – High',
      '1 (Urgent)',
      'Critical (P1)',
      'Priority: High',
      'blocker severity',
      '[P1] Critical',
    );
    fc.assert(
      fc.property(recognised, fc.array(fc.boolean(), { minLength: 1 }), whitespace, whitespace, scheme, (text, flips, before, after, s) => {
        const expected = recogniseLabel(text, s);
        expect(expected).not.toBeNull();
        expect(recogniseLabel(`${before}${recased(text, flips)}${after}`, s)).toBe(expected);
        expect(recogniseLabel(text.toUpperCase(), s)).toBe(expected);
        expect(recogniseLabel(text.toLowerCase(), s)).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps the level of a level word in any language: any case, accents or none, whitespace, a description after it', () => {
    const words: [string, Level][] = [
      ['Dringend', 1],
      ['Hoch', 2],
      ['Niedrig', 4],
      ['Kritisch', 1],
      ['Urgente', 1],
      ['Élevée', 2],
      ['Normale', 3],
      ['Faible', 4],
      ['Alta', 2],
      ['Baja', 4],
      ['Baixa', 4],
      ['Média', 3],
      ['Crítica', 1],
      ['緊急', 1],
      ['高', 2],
      ['普通', 3],
      ['低', 4],
      ['ブロッカー', 1],
    ];
    const accents = fc.constantFrom<(t: string) => string>(
      (t) => t,
      (t) => t.normalize('NFD'),
      (t) => t.normalize('NFD').replace(/\p{M}+/gu, ''),
    );
    const description = fc.option(
      fc.tuple(fc.constantFrom(' - ', ' (', ': ', ' | ', '（', '：'), anyText).map(([sep, rest]) => `${sep}${rest}`),
      { nil: '' },
    );
    fc.assert(
      fc.property(fc.constantFrom(...words), fc.array(fc.boolean(), { minLength: 1 }), accents, whitespace, description, ([word, n], flips, accent, before, after) => {
        expect(recogniseLabel(`${before}${accent(recased(word, flips))}${after}`)).toBe(n);
      }),
      { numRuns: 1000 },
    );
  });

  it('never recognises a Japanese level word glued to other kana (prose such as 低いレイテンシー)', () => {
    const hiragana = fc.string({ unit: fc.constantFrom(...'あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん'.split('')), minLength: 1, maxLength: 6 });
    const japanese = fc.constantFrom(...LEVEL_WORDS.filter((w) => /[\p{sc=Han}\p{sc=Kana}]/u.test(w)));
    fc.assert(
      fc.property(japanese, hiragana, hiragana, scheme, (word, a, b, s) => {
        expect(recogniseLabel(`${a}${word}`, s)).toBeNull();
        expect(recogniseLabel(`${word}${a}`, s)).toBeNull();
        expect(recogniseLabel(`${a}${word}${b}`, s)).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it('never recognises a level word of any language next to an ordinary word ("Hoch motiviertes Team")', () => {
    const translated = LEVEL_WORDS.filter((w) => /^[\p{sc=Latn}]+$/u.test(w));
    const ordinary = fc
      .stringMatching(/^[a-z]{2,10}$/)
      .filter((w) => !FILLERS.includes(w) && !FOLDED_LEVEL_WORDS.includes(w) && !/^(p|s|sev|pri|prio|priority|severity|level)$/.test(w));
    fc.assert(
      fc.property(fc.constantFrom(...translated), ordinary, scheme, (word, other, s) => {
        expect(recogniseLabel(`${word} ${other}`, s)).toBeNull();
        expect(recogniseLabel(`${other} ${word}`, s)).toBeNull();
      }),
      { numRuns: 1000 },
    );
  });
});
