import { randomUUID } from 'node:crypto';
import type { ChitieuDb } from '../../../db/connection';
import { changeAuthor } from '../settings/settings-service';

export interface Batch {
  batchId: string;
  who: string;
  at: string;
}

/** One user action's writes share a batch id, so that one undo takes them all back, and one author and time. */
export function newBatch(db: ChitieuDb): Batch {
  return { batchId: randomUUID(), who: changeAuthor(db), at: new Date().toISOString() };
}
