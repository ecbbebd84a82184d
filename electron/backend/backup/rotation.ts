import { localDayKey } from './naming';

export interface RotationPolicy {
  daily: number;
  monthly: number;
}

/** Two weeks of days to step back to, and a year of month-ends. */
export const defaultRotation: RotationPolicy = { daily: 14, monthly: 12 };

export interface Rotated {
  name: string;
  takenAt: Date;
}

/**
 * The automatic backups a rotation keeps: the newest of each of the last `daily` days that have one, and the
 * newest of each of the last `monthly` months that have one. Days without a backup (a holiday, the app not
 * opened) do not count, so a long pause never rotates away every backup there is.
 */
export function backupsToKeep(backups: Rotated[], policy: RotationPolicy = defaultRotation): Set<string> {
  const newestFirst = [...backups].sort(
    (a, b) => b.takenAt.getTime() - a.takenAt.getTime() || b.name.localeCompare(a.name),
  );
  const days = new Set<string>();
  const months = new Set<string>();
  const keep = new Set<string>();
  for (const backup of newestFirst) {
    const day = localDayKey(backup.takenAt);
    const month = day.slice(0, 7);
    if (!days.has(day) && days.size < policy.daily) {
      days.add(day);
      keep.add(backup.name);
    }
    if (!months.has(month) && months.size < policy.monthly) {
      months.add(month);
      keep.add(backup.name);
    }
  }
  return keep;
}
