import {
  deleteLayout,
  findImport,
  listImports,
  listLayouts,
  markImportUndone,
  unitsOfImport,
} from '../../../db/access/imports';
import type { ChitieuDb } from '../../../db/connection';
import type { OperationOutput, ParsedInput } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import type { ImportFileSource } from '../../../shared/api/import-entities';
import type { BatchResult } from '../../../shared/api/values-entities';
import { revertBatch } from '../changes/changes-service';
import type { HandlerContext } from '../handler-types';
import { changeAuthor } from '../settings/settings-service';
import { previewFor, publicPreview, valuesPage } from './preview';
import type { ImportSessions } from './sessions';

/** Starts reading the files in the background; the screen follows with import.progress. */
export function startReading(sessions: ImportSessions, files: ImportFileSource[]): OperationOutput<'import.read'> {
  const session = sessions.start(files);
  return { sessionId: session.sessionId, files: session.files.map((f) => ({ fileId: f.fileId, name: f.name })) };
}

export function previewImport(
  ctx: HandlerContext,
  choices: ParsedInput<'import.preview'>,
): OperationOutput<'import.preview'> {
  return publicPreview(previewFor(ctx, ctx.imports, choices));
}

export function importValuesPage(
  ctx: HandlerContext,
  { fileId, sheet, filter, offset, limit, ...choices }: ParsedInput<'import.values'>,
): OperationOutput<'import.values'> {
  return valuesPage(previewFor(ctx, ctx.imports, choices), { fileId, sheet, filter, offset, limit });
}

export function importHistory(db: ChitieuDb, limit: number): OperationOutput<'import.history'> {
  return listImports(db, limit).map((r) => ({
    importId: r.id,
    batchId: r.batchId,
    at: r.at,
    who: r.who,
    changed: r.valuesChanged + r.plansChanged,
    valuesChanged: r.valuesChanged,
    plansChanged: r.plansChanged,
    files: r.files.map((f) => ({
      name: f.fileName,
      sha256: f.sha256,
      size: f.sizeBytes,
      unitId: f.unitId,
      unitName: f.unitName,
      period: f.period,
      changed: f.changed,
    })),
    undone: r.undoneAt && r.undoBatchId ? { at: r.undoneAt, who: r.undoneBy ?? '', batchId: r.undoBatchId } : null,
  }));
}

/** The whole import taken back through the change log's revert, as one new batch; refused if a figure changed since. */
export function undoImport(ctx: Pick<HandlerContext, 'db' | 'history'>, importId: number): BatchResult {
  const { db } = ctx;
  const result = db.transaction(
    () => {
      const record = findImport(db, importId);
      if (!record)
        throw new AppError('not_found', `Không có lần nhập số ${importId}.`, { importId }, 'import not found');
      if (record.undoneAt) {
        throw new AppError(
          'conflict',
          `Lần nhập số ${importId} đã được hoàn tác rồi.`,
          { importId, undoneAt: record.undoneAt },
          'import already undone',
        );
      }
      const reverted = revertBatch(record.batchId, ctx);
      markImportUndone(db, importId, {
        at: new Date().toISOString(),
        who: changeAuthor(db),
        batchId: reverted.batchId ?? '',
      });
      return reverted;
    },
    { behavior: 'immediate' },
  );
  for (const unitId of unitsOfImport(db, importId)) ctx.history.forget(unitId);
  return result;
}

export function importLayouts(db: ChitieuDb): OperationOutput<'import.layouts.list'> {
  return listLayouts(db).map((l) => ({
    signature: l.signature,
    sheet: l.sheetName,
    file: l.fileName,
    headings: l.headings,
    columns: Object.keys(l.columns).length,
    rows: Object.keys(l.rows).length,
    updatedAt: l.updatedAt,
    updatedBy: l.updatedBy,
  }));
}

export function forgetLayout(db: ChitieuDb, signature: string): OperationOutput<'import.layouts.forget'> {
  return { forgotten: deleteLayout(db, signature) };
}
