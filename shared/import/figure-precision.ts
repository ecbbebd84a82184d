/** A figure's precision as the clerk wrote it: for telling it back, and for comparing a stated figure with ours. */
import { cleanNumber, formatViNumber } from '../numbers/vi-number';

/** The figure with the decimals it has (up to four). */
export function formatAsWritten(x: number): string {
  const decimals = Math.min(4, (String(cleanNumber(x)).split('.')[1] ?? '').length);
  return formatViNumber(x, decimals);
}

/** A stated percentage agrees with the computed one to its own precision, written as a ratio, a percent or a change. */
export function withinTolerance(stated: number, computed: number): boolean {
  const decimals = (String(cleanNumber(stated)).split('.')[1] ?? '').length;
  const tolerance = Math.max(0.1, 0.5 * 10 ** -Math.min(decimals, 6)) + 1e-9;
  return (
    Math.abs(stated - computed) <= tolerance ||
    Math.abs(stated * 100 - computed) <= tolerance ||
    Math.abs(stated + 100 - computed) <= tolerance
  );
}
