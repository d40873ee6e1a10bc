import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script of the benchmark, without types
import { bootstrapMedianCI, median } from '../../../scripts/bench/stats.mjs';

describe('bootstrapMedianCI', () => {
  const first = [1.0, 1.01, 0.99, 1.02, 0.98, 1.0];
  const second = [1.01, 1.0, 0.99, 1.0, 1.02, 0.98];
  const close = [first, second];

  it('holds the median, and gives the same interval for the same data', () => {
    const [low, high] = bootstrapMedianCI(close);
    expect(low).toBeLessThanOrEqual(median(close.flat()));
    expect(high).toBeGreaterThanOrEqual(median(close.flat()));
    expect(bootstrapMedianCI(close)).toEqual([low, high]);
  });

  it('widens when the groups (rounds) disagree, not only with the spread inside them', () => {
    const apart = [first.map((v) => v - 0.03), second.map((v) => v + 0.03)];
    const [a, b] = bootstrapMedianCI(close);
    const [c, d] = bootstrapMedianCI(apart);
    expect(d - c).toBeGreaterThan(b - a);
  });

  it('ignores values that are not numbers, and has no interval without any', () => {
    expect(bootstrapMedianCI([[NaN, 1, 1, 1]])).toEqual([1, 1]);
    expect(bootstrapMedianCI([[NaN]]).every(Number.isNaN)).toBe(true);
  });
});
