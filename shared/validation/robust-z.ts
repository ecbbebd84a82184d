function median(sorted: readonly number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The modified z-score of Iglewicz and Hoaglin: median and median absolute deviation instead of mean and
 * standard deviation, so that the outliers in a history do not hide the next one. Null when the history
 * has no spread to measure against.
 */
export function robustZ(value: number, history: readonly number[]): number | null {
  if (history.length === 0) return null;
  const sorted = [...history].sort((a, b) => a - b);
  const med = median(sorted);
  const mad = median(sorted.map((x) => Math.abs(x - med)).sort((a, b) => a - b));
  if (mad === 0) return null;
  return (0.6745 * (value - med)) / mad;
}
