// Small statistics for the benchmark: nearest-rank percentiles, no interpolation.

/** The p-th percentile (0–100) by nearest rank; NaN for an empty list. */
export function percentile(values, p) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export const median = (values) => percentile(values, 50);
export const p95 = (values) => percentile(values, 95);

export function summarize(values) {
  return { n: values.length, median: median(values), p95: p95(values), min: percentile(values, 0), max: percentile(values, 100) };
}

export const sum = (values) => values.reduce((a, b) => a + b, 0);

/** Total length of the union of [start, end] intervals. */
export function unionLength(intervals) {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let cur = null;
  for (const [s, e] of sorted) {
    if (!cur || s > cur[1]) {
      if (cur) total += cur[1] - cur[0];
      cur = [s, e];
    } else if (e > cur[1]) cur[1] = e;
  }
  if (cur) total += cur[1] - cur[0];
  return total;
}

/** A small deterministic random generator (mulberry32): the same data gives the same interval. */
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Bootstrap 95 % confidence interval of the median of all values, for values in groups
 * (rounds): each resample draws the groups with replacement, then the values within each drawn
 * group, so a difference between groups (one browser process slower than another) widens the
 * interval as it should. Percentile interval, `resamples` draws, fixed seed.
 */
export function bootstrapMedianCI(groups, { resamples = 2000, seed = 1 } = {}) {
  const kept = groups.map((g) => g.filter((v) => Number.isFinite(v))).filter((g) => g.length > 0);
  if (kept.length === 0) return [NaN, NaN];
  const random = seeded(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const medians = [];
  for (let i = 0; i < resamples; i++) {
    const values = [];
    for (let j = 0; j < kept.length; j++) {
      const group = pick(kept);
      for (let k = 0; k < group.length; k++) values.push(pick(group));
    }
    medians.push(median(values));
  }
  return [percentile(medians, 2.5), percentile(medians, 97.5)];
}
