function median(sorted: Float64Array): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** What a history says is usual: its median and its median absolute deviation; null when it has no spread. */
export interface RobustBaseline {
  median: number;
  mad: number;
}

export function robustBaseline(history: readonly number[]): RobustBaseline | null {
  if (history.length === 0) return null;
  // Typed arrays sort numerically without a comparator call per step: a check of a large catalog sorts thousands of histories.
  const sorted = Float64Array.from(history).sort();
  const med = median(sorted);
  const mad = median(sorted.map((x) => Math.abs(x - med)).sort());
  return mad === 0 ? null : { median: med, mad };
}

export function robustZOf(value: number, baseline: RobustBaseline | null): number | null {
  return baseline === null ? null : (0.6745 * (value - baseline.median)) / baseline.mad;
}

/**
 * The modified z-score of Iglewicz and Hoaglin: median and median absolute deviation instead of mean and
 * standard deviation, so that the outliers in a history do not hide the next one. Null when the history
 * has no spread to measure against.
 */
export function robustZ(value: number, history: readonly number[]): number | null {
  return robustZOf(value, robustBaseline(history));
}
