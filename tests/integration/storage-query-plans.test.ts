import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { describe, expect, it } from 'vitest';
import { changesOfBatch, lastChangeOf } from '../../db/access/change-log';
import { valuesAtPeriod } from '../../db/access/imports';
import { enteredHistory } from '../../db/access/validation';
import { findValue, valuesOfPeriod } from '../../db/access/values';
import type { ChitieuDb } from '../../db/connection';
import { openDatabase } from '../../db/open-database';
import * as schema from '../../db/schema';
import { makeDataDir } from '../support/data-dir';

const fixture = fileURLToPath(new URL('../fixtures/db/release-0006.db', import.meta.url));

/**
 * The statements the data access runs for `use`, as SQLite was given them, on a connection that records them:
 * the plans below are those of the queries the app really runs, not of copies of them.
 */
function statementsOf(file: string, use: (db: ChitieuDb) => void): string[] {
  const seen: string[] = [];
  const sqlite = new Database(file, { verbose: (sql) => seen.push(String(sql)) });
  try {
    use(drizzle(sqlite, { schema }) as ChitieuDb);
    return [...new Set(seen)];
  } finally {
    sqlite.close();
  }
}

/** EXPLAIN QUERY PLAN's lines of a statement (its parameters are bound into it by the recording). */
function planOf(file: string, statement: string): string[] {
  const sqlite = new Database(file, { readonly: true });
  try {
    return (sqlite.prepare(`EXPLAIN QUERY PLAN ${statement}`).all() as { detail: string }[]).map((r) => r.detail);
  } finally {
    sqlite.close();
  }
}

/** A database the 0006 release wrote, migrated to today's shape: imports, typed edits and undos in it. */
function migratedDatabase(): string {
  const dir = makeDataDir();
  copyFileSync(fixture, join(dir, 'chitieu.db'));
  const opened = openDatabase({ dataDir: dir });
  opened.close();
  return opened.file;
}

const figureTables = /\b(indicator_values|change_log|annual_plans)\b/;

/** Each plan line that reads a table of figures or changes searches it by an index, never scans it. */
function expectIndexedReads(file: string, statements: string[]): string[] {
  expect(statements.length).toBeGreaterThan(0);
  const lines = statements.flatMap((s) => planOf(file, s));
  const reads = lines.filter((l) => figureTables.test(l) || / (v|c|p)\b/.test(l));
  expect(lines.filter((l) => /^SCAN\b/.test(l) && !/USING (COVERING )?INDEX|PRIMARY KEY/.test(l))).toEqual([]);
  expect(reads.length).toBeGreaterThan(0);
  for (const line of reads)
    expect(line).toMatch(/^SEARCH .* USING (INTEGER PRIMARY KEY|PRIMARY KEY|(COVERING )?INDEX \w+)/);
  return lines;
}

describe('the hot queries, by EXPLAIN QUERY PLAN', () => {
  it('the grid reads a unit and period by the figures’ own key, with who, when and the file by their numbers', () => {
    const file = migratedDatabase();
    const lines = expectIndexedReads(
      file,
      statementsOf(file, (db) => {
        valuesOfPeriod(db, 1, '2023-05');
        findValue(db, 'BLHH', 1, '2023-05');
      }),
    );
    expect(lines).toContainEqual(expect.stringMatching(/^SEARCH v USING PRIMARY KEY \(unit_id=\? AND period=\?\)/));
  });

  it('the import reads the stored figures of its unit and period by the same key', () => {
    const file = migratedDatabase();
    const lines = expectIndexedReads(
      file,
      statementsOf(file, (db) => void valuesAtPeriod(db, 1, '2023-05')),
    );
    expect(lines).toEqual([
      expect.stringMatching(/^SEARCH indicator_values USING PRIMARY KEY \(unit_id=\? AND period=\?\)/),
    ]);
  });

  it('validation reads one unit’s history by the key’s first column', () => {
    const file = migratedDatabase();
    const lines = expectIndexedReads(
      file,
      statementsOf(file, (db) => void enteredHistory(db, 2)),
    );
    expect(lines).toEqual([expect.stringMatching(/^SEARCH indicator_values USING PRIMARY KEY \(unit_id=\?\)/)]);
  });

  it('undo reads its batch by name, and a refused undo the cell’s latest change, each by an index', () => {
    const file = migratedDatabase();
    const batch = statementsOf(file, (db) => {
      const [row] = changesOfBatch(db, '2d507081-d4e6-429d-818a-a8310ce53422');
      expect(row).toBeDefined();
      if (row) lastChangeOf(db, row);
    });
    const lines = expectIndexedReads(file, batch);
    expect(lines).toContainEqual(expect.stringMatching(/^SEARCH b USING INDEX change_batches_uuid_idx \(uuid=\?\)/));
    expect(lines).toContainEqual(expect.stringMatching(/^SEARCH c USING INDEX change_log_batches_idx \(batch_id=\?\)/));
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^SEARCH c USING INDEX change_log_cells_idx \(unit_id=\? AND period=\? AND indicator_code=\?\)/,
      ),
    );
  });
});
