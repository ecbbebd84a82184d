import { inArray, sql } from 'drizzle-orm';
import type { ChitieuDb } from '../connection';
import { settings } from '../schema';

export function readSettings(db: ChitieuDb): Map<string, unknown> {
  return new Map(
    db
      .select({ key: settings.key, value: settings.value })
      .from(settings)
      .all()
      .map((r) => [r.key, r.value]),
  );
}

/** Writes the given keys in one transaction; a null value removes its key. */
export function writeSettings(db: ChitieuDb, entries: [string, unknown][]): void {
  db.transaction(
    (tx) => {
      const removed = entries.filter(([, value]) => value === null).map(([key]) => key);
      if (removed.length > 0) tx.delete(settings).where(inArray(settings.key, removed)).run();
      for (const [key, value] of entries) {
        if (value === null) continue;
        tx.insert(settings)
          .values({ key, value })
          .onConflictDoUpdate({
            target: settings.key,
            set: { value, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))` },
          })
          .run();
      }
    },
    { behavior: 'immediate' },
  );
}
