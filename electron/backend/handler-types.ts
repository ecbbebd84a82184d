import type { ChitieuDb } from '../../db/connection';
import type { OpenedDatabase } from '../../db/open-database';
import type { CatalogCache } from './catalog/catalog-cache';
import type { HistoryCache } from './values/history-cache';
import type { ImportSessions } from './import/sessions';
import type { OperationName, OperationOutput, ParsedInput } from '../../shared/api/contract';

export interface HandlerContext {
  db: ChitieuDb;
  database: OpenedDatabase;
  dataDir: string;
  appVersion: string;
  history: HistoryCache;
  catalog: CatalogCache;
  /** The workbooks read for import and not yet committed or closed. */
  imports: ImportSessions;
  /**
   * Closes the database, lets `replace` change its file (a restore), and opens it again, whether `replace`
   * succeeded or threw; the fields above then belong to the file opened.
   */
  reopenDatabase(replace: () => void): void;
}

/** Most handlers answer at once; those that write or read a workbook file answer through a Promise. */
export type Handler<K extends OperationName> = (
  input: ParsedInput<K>,
  ctx: HandlerContext,
) => OperationOutput<K> | Promise<OperationOutput<K>>;

/** Exactly one handler per operation of the contract: a missing or extra name is a type error. */
export type Handlers = { [K in OperationName]: Handler<K> };
