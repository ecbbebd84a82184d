import { createHash } from 'node:crypto';
import journal from '../migrations/meta/_journal.json';

/** A migration as the app ships it: drizzle-kit's tag is its name, the SQL's hash its identity. */
export interface Migration {
  tag: string;
  sha256: string;
  statements: string[];
}

const sqlFiles = import.meta.glob<string>('../migrations/*.sql', { query: '?raw', import: 'default', eager: true });

/** The migrations in drizzle-kit's journal order, read into the bundle at build time. */
export function bundledMigrations(): Migration[] {
  return [...journal.entries]
    .sort((a, b) => a.idx - b.idx)
    .map((entry) => {
      const sql = sqlFiles[`../migrations/${entry.tag}.sql`];
      if (sql === undefined) throw new Error(`migration file missing for ${entry.tag}`);
      return {
        tag: entry.tag,
        sha256: createHash('sha256').update(sql).digest('hex'),
        statements: sql
          .split('--> statement-breakpoint')
          .map((s) => s.trim())
          .filter((s) => s.length > 0),
      };
    });
}
