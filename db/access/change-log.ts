import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { ChitieuDb } from '../connection';
import { changeLog } from '../schema';
import { preparedFor } from './prepared';

export type ChangeRow = typeof changeLog.$inferSelect;
export type NewChangeRow = Omit<typeof changeLog.$inferInsert, 'id'>;

const columns = [
  'batchId',
  'at',
  'who',
  'entity',
  'indicatorCode',
  'unitId',
  'period',
  'year',
  'level',
  'oldValue',
  'newValue',
  'oldStatus',
  'newStatus',
  'oldComment',
  'newComment',
  'sourceKind',
  'sourceFile',
  'sourceSha256',
  'sourceSheet',
  'sourceCell',
] as const satisfies readonly (keyof NewChangeRow)[];

const statements = preparedFor((db) => ({
  append: db
    .insert(changeLog)
    .values(Object.fromEntries(columns.map((c) => [c, sql.placeholder(c)])) as unknown as typeof changeLog.$inferInsert)
    .prepare(),
}));

export function appendChange(db: ChitieuDb, row: NewChangeRow): void {
  const params: Record<string, unknown> = {};
  for (const c of columns) params[c] = row[c] ?? null;
  statements(db).append.run(params);
}

export function changesOfBatch(db: ChitieuDb, batchId: string): ChangeRow[] {
  return db.select().from(changeLog).where(eq(changeLog.batchId, batchId)).orderBy(asc(changeLog.id)).all();
}

/** The latest change of the figure or plan a change-log row is about. */
export function lastChangeOf(db: ChitieuDb, row: ChangeRow): ChangeRow | undefined {
  const same = and(
    eq(changeLog.entity, row.entity),
    eq(changeLog.indicatorCode, row.indicatorCode),
    eq(changeLog.unitId, row.unitId),
    row.period === null ? isNull(changeLog.period) : eq(changeLog.period, row.period),
    row.year === null ? isNull(changeLog.year) : eq(changeLog.year, row.year),
    row.level === null ? isNull(changeLog.level) : eq(changeLog.level, row.level),
  );
  return db.select().from(changeLog).where(same).orderBy(desc(changeLog.id)).limit(1).get();
}
