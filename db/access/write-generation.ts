import type { ChitieuDb } from '../connection';
import { preparedFor } from './prepared';

const statements = preparedFor((db) => ({
  totalChanges: db.$client.prepare('SELECT total_changes()').pluck(),
  dataVersion: db.$client.prepare('PRAGMA data_version').pluck(),
}));

/**
 * Changes whenever the file's data may have changed: rows written through this connection (total_changes)
 * or a commit by another one, such as the command line beside the open app (data_version). Anything worked
 * out from the data under one generation still holds while it stays the same.
 */
export function writeGeneration(db: ChitieuDb): string {
  const s = statements(db);
  return `${s.dataVersion.get() as number}:${s.totalChanges.get() as number}`;
}
