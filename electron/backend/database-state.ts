import type { ChitieuDb } from '../../db/connection';
import { CatalogCache } from './catalog/catalog-cache';
import type { HandlerContext } from './handler-types';
import { ImportSessions } from './import/sessions';
import type { Logger } from './log';
import { HistoryCache } from './values/history-cache';

/** What the backend keeps in memory for one open database: made when it opens, dropped when it closes. */
export type DatabaseState = Pick<HandlerContext, 'history' | 'catalog' | 'imports'>;

export function openDatabaseState(db: ChitieuDb, log: Logger): DatabaseState {
  return {
    history: new HistoryCache(db),
    catalog: new CatalogCache(db),
    imports: new ImportSessions((message, fields) => log.error(message, fields)),
  };
}

/** Workbooks staged for an import are let go: a commit after the database closed or was replaced is refused. */
export function closeDatabaseState(state: DatabaseState): void {
  state.imports.closeAll();
}
