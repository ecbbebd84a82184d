import { lastMonth, periodOrThrow } from '../../shared/periods/period';
import { UsageError } from './cli-error';

export function requirePeriod(text: string | undefined): string {
  if (!text) throw new UsageError('Thiếu --period (ví dụ --period 2023-H1).');
  try {
    periodOrThrow(text);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  return text;
}

/** A day inside the period's last month: which unit a reused code names depends on it. */
export function endDayOf(periodText: string): string {
  const period = periodOrThrow(periodText);
  return `${period.year}-${String(lastMonth(period)).padStart(2, '0')}-28`;
}
