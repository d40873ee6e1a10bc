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
