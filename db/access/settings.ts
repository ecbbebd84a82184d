import { sql } from 'drizzle-orm';
import type { ChitieuDb } from '../connection';
import { settings } from '../schema';

export function readSettings(db: ChitieuDb): Map<string, unknown> {
  return new Map(db.select({ key: settings.key, value: settings.value }).from(settings).all().map((r) => [r.key, r.value]));
}

export function writeSettings(db: ChitieuDb, entries: [string, unknown][]): void {
  db.transaction((tx) => {
    for (const [key, value] of entries) {
      tx.insert(settings)
        .values({ key, value })
        .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))` } })
        .run();
    }
  }, { behavior: 'immediate' });
}
