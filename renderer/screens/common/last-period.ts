import { formatPeriodKey, parsePeriod, type Period } from '../../../shared/periods/period';
import { periodFromKey } from '../entry/period-choice';

const storageKey = 'chitieu.last-period';

/** What the window keeps of the clerk's last choice: the period and the month it was made in ("2026-12"). */
interface Remembered {
  period: string;
  chosenIn: string;
}

type Store = Pick<Storage, 'getItem' | 'setItem'>;

function monthOf(day: Date): string {
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}`;
}

function browserStore(): Store | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    // A window whose storage is refused (a browser's privacy setting) simply opens on the month just ended.
    return null;
  }
}

function parseRemembered(text: string | null): Remembered | null {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return null;
    const { period, chosenIn } = value as Record<string, unknown>;
    return typeof period === 'string' && typeof chosenIn === 'string' ? { period, chosenIn } : null;
  } catch {
    return null;
  }
}

/**
 * The period the clerk last worked on, while it still belongs to this month's work: chosen in an earlier month,
 * it gives way to the month just ended, the new report to make.
 */
export function lastWorkedOn(today: Date, store: Store | null = browserStore()): Period | null {
  const remembered = parseRemembered(store?.getItem(storageKey) ?? null);
  if (remembered === null || remembered.chosenIn !== monthOf(today)) return null;
  const parsed = parsePeriod(remembered.period);
  return parsed.ok ? parsed.period : null;
}

export function rememberPeriod(period: Period, today: Date, store: Store | null = browserStore()): void {
  try {
    store?.setItem(
      storageKey,
      JSON.stringify({ period: formatPeriodKey(period), chosenIn: monthOf(today) } satisfies Remembered),
    );
  } catch {
    // Full or refused storage: the choice is still in the link, only the next opening forgets it.
  }
}

/** The period a screen opens on: the link's, else the one last worked on this month, else the month just ended. */
export function openingPeriod(key: string | null, today: Date, store: Store | null = browserStore()): Period {
  return periodFromKey(key, today, lastWorkedOn(today, store));
}
