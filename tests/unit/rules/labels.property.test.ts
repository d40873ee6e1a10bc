import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recogniseLabel, recogniseOptions, type LabelScheme } from '@/lib/rules/labels';
import { LEVELS } from '@/lib/rules/levels';

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
];

/** Words that may stand around a level (or before a digit) without changing it. */
const FILLERS = ['priority', 'prio', 'pri', 'severity', 'sev', 'urgency', 'impact', 'level', 'p', 's'];

/** Comparable the way the implementation compares: compatibility-decomposed, lower case. */
function folded(text: string): string {
  return text.normalize('NFKD').toLowerCase();
}

function namesNoLevel(text: string): boolean {
  const f = folded(text);
  return !/[0-9]/.test(f) && !LEVEL_WORDS.some((word) => f.includes(word));
}

const scheme = fc.constantFrom<LabelScheme>('default', 'blocker');
const level = fc.constantFrom(...LEVELS);

/** Any text at all, from plain ASCII to lone surrogates and combining marks. */
const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.constantFrom(...'P1S2 -–—|:()[]_/.sevpriorityurgent'.split('')) }),
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
      .filter((w) => !FILLERS.includes(w) && !LEVEL_WORDS.includes(w) && !/^(p|s|sev|pri|prio|priority|severity|level)$/.test(w));
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
});
