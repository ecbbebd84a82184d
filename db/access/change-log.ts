import { asc, eq } from 'drizzle-orm';
import type { ChitieuDb } from '../connection';
import { changeLog } from '../schema';

export type ChangeRow = typeof changeLog.$inferSelect;
export type NewChangeRow = typeof changeLog.$inferInsert;

export function appendChange(db: ChitieuDb, row: NewChangeRow): void {
  db.insert(changeLog).values(row).run();
}

export function changesOfBatch(db: ChitieuDb, batchId: string): ChangeRow[] {
  return db.select().from(changeLog).where(eq(changeLog.batchId, batchId)).orderBy(asc(changeLog.id)).all();
}
