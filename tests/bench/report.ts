export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** One line per figure, in Vietnamese notation like everything the clerk reads. */
export function report(label: string, value: number, unit: string): void {
  const shown = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(value);
  process.stdout.write(`${label}: ${shown} ${unit}\n`);
}
