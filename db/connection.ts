import type BetterSqlite3 from 'better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type * as schema from './schema';

export type ChitieuDb = BetterSQLite3Database<typeof schema> & { $client: BetterSqlite3.Database };
