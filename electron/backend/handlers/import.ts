import { deleteLayout, findImport, listImports, listLayouts, markImportUndone, unitsOfImport } from '../../../db/access/imports';
import type { ChitieuDb } from '../../../db/connection';
import { AppError } from '../../../shared/api/errors';
import { commitImport } from '../import/commit';
import { previewFor, publicPreview, valuesPage } from '../import/preview';
import { ImportSessions } from '../import/sessions';
import { createFileLogger } from '../log';
import type { HandlerContext, Handlers } from '../handler-types';
import { revertBatch } from './changes';
import { currentSettings } from '../settings/settings-service';

/** One set of sessions per open database (the CLI, the tests and the app each open their own backend). */
const sessionsByDb = new WeakMap<ChitieuDb, ImportSessions>();

function sessionsOf(ctx: HandlerContext): ImportSessions {
  let sessions = sessionsByDb.get(ctx.db);
  if (!sessions) {
    const log = createFileLogger(ctx.dataDir);
    sessions = new ImportSessions((message, fields) => log.error(message, fields));
    sessionsByDb.set(ctx.db, sessions);
  }
  return sessions;
}

type ImportOperations =
  | 'import.read'
  | 'import.progress'
  | 'import.preview'
  | 'import.values'
  | 'import.commit'
  | 'import.close'
  | 'import.history'
  | 'import.undo'
  | 'import.layouts.list'
  | 'import.layouts.forget';

export const importHandlers: Pick<Handlers, ImportOperations> = {
  'import.read': ({ files }, ctx) => {
    const session = sessionsOf(ctx).start(files);
    return { sessionId: session.sessionId, files: session.files.map((f) => ({ fileId: f.fileId, name: f.name })) };
  },

  'import.progress': ({ sessionId }, ctx) => sessionsOf(ctx).progress(sessionId),

  'import.preview': (choices, ctx) => publicPreview(previewFor(ctx, sessionsOf(ctx), choices)),

  'import.values': ({ fileId, sheet, filter, offset, limit, ...choices }, ctx) =>
    valuesPage(previewFor(ctx, sessionsOf(ctx), choices), { fileId, sheet, filter, offset, limit }),

  'import.commit': (choices, ctx) => commitImport(ctx, sessionsOf(ctx), choices),

  'import.close': ({ sessionId }, ctx) => ({ closed: sessionsOf(ctx).close(sessionId) }),

  'import.history': ({ limit }, { db }) =>
    listImports(db, limit).map((r) => ({
      importId: r.id,
      batchId: r.batchId,
      at: r.at,
      who: r.who,
      changed: r.valuesChanged + r.plansChanged,
      valuesChanged: r.valuesChanged,
      plansChanged: r.plansChanged,
      files: r.files.map((f) => ({ name: f.fileName, sha256: f.sha256, size: f.sizeBytes, unitId: f.unitId, unitName: f.unitName, period: f.period, changed: f.changed })),
      undone: r.undoneAt && r.undoBatchId ? { at: r.undoneAt, who: r.undoneBy ?? '', batchId: r.undoBatchId } : null,
    })),

  /** The whole import taken back through the change log's revert, as one new batch; refused if a figure changed since. */
  'import.undo': ({ importId }, ctx) => {
    const { db } = ctx;
    const result = db.transaction(
      () => {
        const record = findImport(db, importId);
        if (!record) throw new AppError('not_found', `Không có lần nhập số ${importId}.`, { importId }, 'import not found');
        if (record.undoneAt) {
          throw new AppError('conflict', `Lần nhập số ${importId} đã được hoàn tác rồi.`, { importId, undoneAt: record.undoneAt }, 'import already undone');
        }
        const reverted = revertBatch(record.batchId, ctx);
        markImportUndone(db, importId, { at: new Date().toISOString(), who: currentSettings(db).clerkName, batchId: reverted.batchId ?? '' });
        return reverted;
      },
      { behavior: 'immediate' },
    );
    for (const unitId of unitsOfImport(db, importId)) ctx.history.forget(unitId);
    return result;
  },

  'import.layouts.list': (_input, { db }) =>
    listLayouts(db).map((l) => ({
      signature: l.signature,
      sheet: l.sheetName,
      file: l.fileName,
      headings: l.headings,
      columns: Object.keys(l.columns).length,
      rows: Object.keys(l.rows).length,
      updatedAt: l.updatedAt,
      updatedBy: l.updatedBy,
    })),

  'import.layouts.forget': ({ signature }, { db }) => ({ forgotten: deleteLayout(db, signature) }),
};
