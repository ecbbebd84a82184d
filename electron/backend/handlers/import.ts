import { commitImport } from '../import/commit';
import {
  forgetLayout,
  importHistory,
  importLayouts,
  importValuesPage,
  previewImport,
  startReading,
  undoImport,
} from '../import/import-service';
import type { Handlers } from '../handler-types';

type ImportOperations =
  | 'import.read'
  | 'import.readPaths'
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
  'import.read': ({ files }, { imports }) => startReading(imports, files),
  'import.readPaths': ({ files }, { imports }) => startReading(imports, files),
  'import.progress': ({ sessionId }, { imports }) => imports.progress(sessionId),
  'import.preview': (choices, ctx) => previewImport(ctx, choices),
  'import.values': (input, ctx) => importValuesPage(ctx, input),
  'import.commit': (choices, ctx) => commitImport(ctx, ctx.imports, choices),
  'import.close': ({ sessionId }, { imports }) => ({ closed: imports.close(sessionId) }),
  'import.history': ({ limit }, { db }) => importHistory(db, limit),
  'import.undo': ({ importId }, ctx) => undoImport(ctx, importId),
  'import.layouts.list': (_input, { db }) => importLayouts(db),
  'import.layouts.forget': ({ signature }, { db }) => forgetLayout(db, signature),
};
