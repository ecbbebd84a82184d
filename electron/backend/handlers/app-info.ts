import type { Handlers } from '../handler-types';

export const appInfoHandlers: Pick<Handlers, 'app.info'> = {
  'app.info': (_input, { database, dataDir, appVersion }) => {
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
  },
};
