import { describe, expect, it } from 'vitest';
import { CHECKLIST_IDS, allTicked, type ChecklistId } from '@/lib/rules/checklist';
import type { Level } from '@/lib/rules/levels';
import { suggest } from '@/lib/rules/suggest';

/**
 * Hand-written from the brief: P1 needs production AND critical functionality down AND
 * no workaround. An unticked "critical" is read as impaired (never as "working normally"),
 * so a suggestion is never P4; anything outside production is P3.
 */
const EXPECTED: [ticked: ChecklistId[], level: Level][] = [
  [[], 3],
  [['production'], 3], // production impaired, workaround in use
  [['critical'], 3], // not production
  [['no-workaround'], 3], // not production
  [['production', 'critical'], 2], // production down, but a workaround exists
  [['production', 'no-workaround'], 2], // production impaired, no workaround
  [['critical', 'no-workaround'], 3], // not production
  [['production', 'critical', 'no-workaround'], 1],
];

/** Every subset of the checklist ids. */
function subsets(): Set<ChecklistId>[] {
  return Array.from({ length: 2 ** CHECKLIST_IDS.length }, (_, mask) =>
    new Set(CHECKLIST_IDS.filter((_, i) => mask & (1 << i))),
  );
}

const name = (ticked: ReadonlySet<ChecklistId>) => (ticked.size ? [...ticked].join(' + ') : 'nothing');

describe('suggest', () => {
  it('the expected table lists all 8 subsets', () => {
    expect(EXPECTED).toHaveLength(8);
    const listed = new Set(EXPECTED.map(([t]) => [...t].sort().join(',')));
    expect(listed).toEqual(new Set(subsets().map((s) => [...s].sort().join(','))));
  });

  it.each(EXPECTED.map(([ticked, level]) => ({ name: name(new Set(ticked)), ticked, level })))(
    'ticked $name → P$level',
    ({ ticked, level }) => {
      expect(suggest(new Set(ticked))).toBe(level);
    },
  );

  it('suggests P1 when everything is ticked', () => {
    expect(suggest(new Set(CHECKLIST_IDS))).toBe(1);
  });

  it('never suggests P1 unless everything is ticked', () => {
    for (const ticked of subsets()) {
      expect(suggest(ticked) === 1, name(ticked)).toBe(allTicked(ticked));
    }
  });

  it('never suggests P4: an unticked statement still describes a problem', () => {
    for (const ticked of subsets()) expect(suggest(ticked), name(ticked)).not.toBe(4);
  });

  it('ticking more never gives a less severe suggestion', () => {
    for (const fewer of subsets()) {
      for (const more of subsets()) {
        if (![...fewer].every((id) => more.has(id))) continue;
        expect(suggest(more), `${name(more)} vs ${name(fewer)}`).toBeLessThanOrEqual(suggest(fewer));
      }
    }
  });
});
