import { version as appVersion } from '../../package.json';
import { openDatabase, type OpenedDatabase } from '../../db/open-database';
import {
  contract,
  invalidatedBy,
  isOperationName,
  operationNames,
  type OperationName,
  type ParsedInput,
} from '../../shared/api/contract';
import { describeZodError } from '../../shared/api/describe-zod-error';
import type { ApiResponse } from '../../shared/api/envelope';
import type { DataChange } from '../../shared/api/events';
import { AppError } from '../../shared/api/errors';
import type { HandlerContext, Handlers } from './handler-types';
import { closeDatabaseState, openDatabaseState } from './database-state';
import { appInfoHandlers } from './handlers/app-info';
import { backupHandlers } from './handlers/backup';
import { catalogHandlers } from './handlers/catalog';
import { changeHandlers } from './handlers/changes';
import { chartHandlers } from './handlers/charts';
import { exportHandlers } from './handlers/export';
import { importHandlers } from './handlers/import';
import { periodHandlers } from './handlers/periods';
import { planHandlers } from './handlers/plans';
import { reportHandlers } from './handlers/report';
import { reportingUnitHandlers } from './handlers/reporting-units';
import { settingsHandlers } from './handlers/settings';
import { validationHandlers } from './handlers/validation';
import { valueHandlers } from './handlers/values';
import { createFileLogger, type Logger } from './log';
import { startBackupSchedule, type BackupSchedule } from './backup/schedule';
import { ChangeEvents } from './events/change-events';

const handlers: Handlers = {
  ...appInfoHandlers,
  ...catalogHandlers,
  ...reportingUnitHandlers,
  ...settingsHandlers,
  ...valueHandlers,
  ...planHandlers,
  ...changeHandlers,
  ...validationHandlers,
  ...importHandlers,
  ...exportHandlers,
  ...chartHandlers,
  ...reportHandlers,
  ...backupHandlers,
  ...periodHandlers,
};

/** The writes the contract says change the catalog's answer refresh the cached catalog. */
const writesOfCatalog = new Set<OperationName>(
  operationNames.filter((name) => invalidatedBy(name).includes('catalog.list')),
);

/** Restoring a backup replaces a damaged file whole: the one write a damaged file must still allow. */
const writesReplacingTheFile = new Set<string>(['backup.restore', 'backup.restoreFile']);

export interface BackendOptions {
  dataDir: string;
  nativeBinding?: string;
  /** The app's own long-running doors (desktop, `chitieu serve`) back up once a day and when they close. */
  automaticBackups?: boolean;
}

/** The one backend behind every door (IPC, HTTP, command line, tests). */
export interface Backend {
  readonly dataDir: string;
  readonly database: OpenedDatabase;
  /** The automatic backups of a long-running door; null for the command line and the tests that need none. */
  readonly backupSchedule: BackupSchedule | null;
  /**
   * Every call settles to an envelope, never rejects; synchronous handlers have committed before it returns.
   * origin names the window or page that called, so that the change event it raises can be told apart there.
   */
  call(operation: string, input: unknown, origin?: string): Promise<ApiResponse<unknown>>;
  /** Listens to the changes committed to the data, here or by another process on the same file. */
  onChange(listener: (change: DataChange) => void): () => void;
  close(): void;
}

function parseInput<K extends OperationName>(name: K, input: unknown): ParsedInput<K> {
  const parsed = contract[name].input.safeParse(input ?? {});
  if (!parsed.success) {
    throw new AppError(
      'bad_input',
      `Dữ liệu không hợp lệ: ${describeZodError(parsed.error)}`,
      { issues: parsed.error.issues },
      `invalid input for ${name}`,
    );
  }
  return parsed.data as ParsedInput<K>;
}

function runHandler<K extends OperationName>(name: K, input: ParsedInput<K>, ctx: HandlerContext): unknown {
  const handler = handlers[name] as (input: ParsedInput<K>, ctx: HandlerContext) => unknown;
  return handler(input, ctx);
}

function toErrorResponse(error: unknown, operation: string, log: Logger): ApiResponse<never> {
  if (error instanceof AppError) {
    log.error('operation refused', { operation, code: error.code, message: error.english, details: error.details });
    return { ok: false, error: error.toBody() };
  }
  const message = error instanceof Error ? error.message : String(error);
  log.error('operation failed', { operation, message, stack: error instanceof Error ? error.stack : undefined });
  return {
    ok: false,
    error: {
      code: 'internal',
      message: 'ChiTieu gặp lỗi không mong đợi; dữ liệu đã lưu không bị ảnh hưởng. Chi tiết đã được ghi vào nhật ký.',
    },
  };
}

export function createBackend(options: BackendOptions): Backend {
  const database = openDatabase(options);
  const log = createFileLogger(options.dataDir);
  log.info('backend opened', {
    dataDir: options.dataDir,
    schemaVersion: database.schemaVersion,
    backupFile: database.backupFile,
  });
  const ctx: HandlerContext = {
    db: database.db,
    database,
    dataDir: options.dataDir,
    appVersion,
    ...openDatabaseState(database.db, log),
    reopenDatabase(replace) {
      closeDatabaseState(ctx);
      ctx.database.close();
      try {
        replace();
      } finally {
        const next = openDatabase(options);
        Object.assign(ctx, { db: next.db, database: next, ...openDatabaseState(next.db, log) });
        log.info('database reopened', { schemaVersion: next.schemaVersion, backupFile: next.backupFile });
      }
    },
  };
  const schedule: BackupSchedule | null = options.automaticBackups ? startBackupSchedule(() => ctx, log) : null;
  const changes = new ChangeEvents(() => ctx.db, log);
  let closed = false;
  return {
    dataDir: options.dataDir,
    get database() {
      return ctx.database;
    },
    backupSchedule: schedule,
    async call(operation, input, origin) {
      ctx.database.activity(false);
      try {
        if (!isOperationName(operation)) {
          throw new AppError(
            'unknown_operation',
            `Không có thao tác "${operation}".`,
            { operation },
            'unknown operation',
          );
        }
        const writes = contract[operation].writes;
        if (writes && !writesReplacingTheFile.has(operation)) ctx.database.assertWritable();
        const parsed = parseInput(operation, input);
        // Synchronous handlers run to their commit before the first await, so calls stay in the order they came.
        const result = await runHandler(operation, parsed, ctx);
        if (writes) ctx.database.activity(true);
        if (writesOfCatalog.has(operation)) ctx.catalog.changed();
        changes.committed(operation, parsed, origin ?? null);
        return { ok: true, result };
      } catch (error) {
        return toErrorResponse(ctx.database.explain(error), operation, log);
      }
    },
    onChange(listener) {
      return changes.subscribe(listener);
    },
    close() {
      if (closed) return;
      closed = true;
      changes.close();
      schedule?.stop();
      schedule?.atClose(new Date());
      closeDatabaseState(ctx);
      ctx.database.close();
    },
  };
}
