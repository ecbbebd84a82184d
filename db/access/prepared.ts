import type { ChitieuDb } from '../connection';

/**
 * Builds a set of prepared statements once per database: drizzle's query building costs far more than
 * SQLite's own work when an import or a paste writes thousands of figures.
 */
export function preparedFor<T>(build: (db: ChitieuDb) => T): (db: ChitieuDb) => T {
  const cache = new WeakMap<ChitieuDb, T>();
  return (db) => {
    let statements = cache.get(db);
    if (!statements) {
      statements = build(db);
      cache.set(db, statements);
    }
    return statements;
  };
}
