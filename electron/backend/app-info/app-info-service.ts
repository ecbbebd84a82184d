import type { OperationOutput } from '../../../shared/api/contract';
import type { HandlerContext } from '../handler-types';

export function appInfo({
  database,
  dataDir,
  appVersion,
}: Pick<HandlerContext, 'database' | 'dataDir' | 'appVersion'>): OperationOutput<'app.info'> {
  return {
    version: appVersion,
    dataDir,
    databaseFile: database.file,
    schemaVersion: database.schemaVersion,
    migrationsApplied: database.migrationsApplied,
    sqliteVersion: database.sqliteVersion,
    databaseState: {
      integrity: database.integrity().state,
      integrityCheckedAt: database.integrity().at,
      writeRefusalVi: database.writeRefusal()?.message ?? null,
    },
  };
}
