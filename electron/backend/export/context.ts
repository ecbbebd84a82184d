import type { Backend } from '../backend';
import { CatalogCache } from '../catalog-cache';
import { HistoryCache } from '../history-cache';
import type { ExportContext } from './report-data';

/**
 * An export context on a backend's database for callers outside the backend's handlers (the command line,
 * tests, the bench). Its caches are new, so they read what is stored now: make one per export, because writes
 * made through the backend afterwards do not reach these caches (the backend's own HandlerContext does that
 * bookkeeping, and a handler should pass that context instead).
 */
export function exportContextOf(backend: Pick<Backend, 'database'>): ExportContext {
  const db = backend.database.db;
  return { db, history: new HistoryCache(db), catalog: new CatalogCache(db) };
}
