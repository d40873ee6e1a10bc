import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Level } from '@/lib/rules/levels';
import {
  FUNCTIONING,
  TRIAGE_TABLE,
  allAnswers,
  triage,
  type Functioning,
  type TriageAnswers,
  type TriageRule,
} from '@/lib/rules/triage';

/**
 * The expected level of every combination, written out by hand from the brief (§3):
 * - P4 is Puppet "functioning and performing as normal" (a question), whatever else holds;
 * - P1 is critical PRODUCTION functionality inoperative or severely degraded AND no workaround;
 * - P3 covers impacted services or use of a workaround (and anything outside production);
 * - P2 sits between: production impaired with no workaround, or down with a workaround.
 * `rule` is the index in TRIAGE_TABLE that must be the first to match.
 */
const EXPECTED: { functioning: Functioning; production: boolean; workaround: boolean; level: Level; rule: number }[] = [
  { functioning: 'normal', production: false, workaround: false, level: 4, rule: 0 },
  { functioning: 'normal', production: false, workaround: true, level: 4, rule: 0 },
  { functioning: 'normal', production: true, workaround: false, level: 4, rule: 0 },
  { functioning: 'normal', production: true, workaround: true, level: 4, rule: 0 },
  { functioning: 'impaired', production: false, workaround: false, level: 3, rule: 1 },
  { functioning: 'impaired', production: false, workaround: true, level: 3, rule: 1 },
  { functioning: 'impaired', production: true, workaround: true, level: 3, rule: 2 },
  { functioning: 'impaired', production: true, workaround: false, level: 2, rule: 3 },
  { functioning: 'inoperative', production: false, workaround: false, level: 3, rule: 1 },
  { functioning: 'inoperative', production: false, workaround: true, level: 3, rule: 1 },
  { functioning: 'inoperative', production: true, workaround: true, level: 2, rule: 4 },
  { functioning: 'inoperative', production: true, workaround: false, level: 1, rule: 5 },
];

const key = (a: TriageAnswers) => `${a.functioning}/${a.production ? 'production' : 'not production'}/${a.workaround ? 'workaround' : 'no workaround'}`;

/** An independent reading of a rule's `when`, so the test does not trust the implementation's. */
function ruleMatches(rule: TriageRule, a: TriageAnswers): boolean {
  const w = rule.when;
  return (
    (w.functioning === undefined || w.functioning.includes(a.functioning)) &&
    (w.production === undefined || w.production.includes(a.production)) &&
    (w.workaround === undefined || w.workaround.includes(a.workaround))
  );
}

/** Severity of each answer, larger is more severe. No workaround is the more severe answer. */
const severity = {
  functioning: { normal: 0, impaired: 1, inoperative: 2 } satisfies Record<Functioning, number>,
  production: (p: boolean) => (p ? 1 : 0),
  workaround: (w: boolean) => (w ? 0 : 1),
};

function atLeastAsSevere(a: TriageAnswers, b: TriageAnswers): boolean {
  return (
    severity.functioning[a.functioning] >= severity.functioning[b.functioning] &&
    severity.production(a.production) >= severity.production(b.production) &&
    severity.workaround(a.workaround) >= severity.workaround(b.workaround)
  );
}

const answers = fc.record({
  functioning: fc.constantFrom(...FUNCTIONING),
  production: fc.boolean(),
  workaround: fc.boolean(),
});

describe('triage table', () => {
  it('expected table covers every combination exactly once', () => {
    expect(allAnswers()).toHaveLength(3 * 2 * 2);
    expect(new Set(allAnswers().map(key)).size).toBe(12);
    expect(EXPECTED.map(key).sort()).toEqual(allAnswers().map(key).sort());
  });

  it.each(allAnswers().map((a) => [key(a), a] as const))('%s', (_name, a) => {
    const expected = EXPECTED.find((e) => key(e) === key(a))!;
    const result = triage(a);
    expect(result.level).toBe(expected.level);

    // Matched by the intended rule: it matches, and no earlier rule does.
    const intended = TRIAGE_TABLE[expected.rule]!;
    expect(ruleMatches(intended, a)).toBe(true);
    for (const earlier of TRIAGE_TABLE.slice(0, expected.rule)) expect(ruleMatches(earlier, a)).toBe(false);
    expect(result.reasons).toBe(intended.reasons);
    expect(intended.level).toBe(expected.level);

    expect(result.reasons.length).toBeGreaterThan(0);
    for (const reason of result.reasons) expect(reason.trim()).not.toBe('');
  });

  it('uses every rule for some combination (no dead rules)', () => {
    const used = new Set(EXPECTED.map((e) => e.rule));
    expect([...used].sort()).toEqual(TRIAGE_TABLE.map((_, i) => i));
  });

  it('ends with a rule that matches everything', () => {
    const last = TRIAGE_TABLE[TRIAGE_TABLE.length - 1]!;
    for (const a of allAnswers()) expect(ruleMatches(last, a)).toBe(true);
  });

  it('gives P1 only to production, inoperative, no workaround', () => {
    const p1 = allAnswers().filter((a) => triage(a).level === 1);
    expect(p1).toEqual([{ functioning: 'inoperative', production: true, workaround: false }]);
  });

  it('gives P4 exactly when Puppet is working normally', () => {
    for (const a of allAnswers()) expect(triage(a).level === 4).toBe(a.functioning === 'normal');
  });

  it('throws when a custom table leaves a combination unanswered', () => {
    const partial: TriageRule[] = [{ when: { functioning: ['normal'] }, level: 4, reasons: ['x'] }];
    expect(() => triage({ functioning: 'impaired', production: true, workaround: false }, partial)).toThrow();
  });
});

describe('triage monotonicity: a more severe answer never gives a lower priority', () => {
  it('holds for random pairs (fast-check)', () => {
    fc.assert(
      fc.property(answers, answers, (a, b) => {
        fc.pre(atLeastAsSevere(a, b));
        expect(triage(a).level).toBeLessThanOrEqual(triage(b).level);
      }),
      { numRuns: 500 },
    );
  });

  it('holds for every pair (exhaustive)', () => {
    let compared = 0;
    for (const a of allAnswers()) {
      for (const b of allAnswers()) {
        if (!atLeastAsSevere(a, b)) continue;
        compared++;
        expect(triage(a).level, `${key(a)} vs ${key(b)}`).toBeLessThanOrEqual(triage(b).level);
      }
    }
    // 6 comparable (functioning) pairs x 3 (production) x 3 (workaround).
    expect(compared).toBe(6 * 3 * 3);
  });

  it('holds when one answer alone gets worse', () => {
    for (const a of allAnswers()) {
      const worse: TriageAnswers[] = [
        { ...a, production: true },
        { ...a, workaround: false },
        { ...a, functioning: FUNCTIONING[Math.min(FUNCTIONING.indexOf(a.functioning) + 1, FUNCTIONING.length - 1)]! },
      ];
      for (const w of worse) expect(triage(w).level, `${key(w)} vs ${key(a)}`).toBeLessThanOrEqual(triage(a).level);
    }
  });
});
