import { eq } from 'drizzle-orm';
import type { ChitieuDb } from '../connection';
import { reportTemplates } from '../schema';
import type { EditedTemplate } from '../../shared/report/template-set';

/** The department's own wording of report sentences; templates never edited have no row. */
export function listEditedTemplates(db: ChitieuDb): EditedTemplate[] {
  return db
    .select({
      key: reportTemplates.key,
      text: reportTemplates.text,
      updatedBy: reportTemplates.updatedBy,
      updatedAt: reportTemplates.updatedAt,
    })
    .from(reportTemplates)
    .all();
}

export function saveEditedTemplate(db: ChitieuDb, template: EditedTemplate): void {
  const { key, ...fields } = template;
  db.insert(reportTemplates).values(template).onConflictDoUpdate({ target: reportTemplates.key, set: fields }).run();
}

/** Back to the shipped wording: the row goes, so a later release's wording applies again. */
export function deleteEditedTemplate(db: ChitieuDb, key: string): boolean {
  return db.delete(reportTemplates).where(eq(reportTemplates.key, key)).run().changes > 0;
}
