import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, renameSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { fsyncFile, fsyncFolderOf, removeScratch } from './files';

const checkAlias = 'chitieu_backup_check';

/** A name beside `target` for the file while it is written, so a half-written backup never carries a backup's name. */
function scratchBeside(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * PRAGMA integrity_check of a database file through the live connection (ATTACH), so that the desktop's own
 * build of better-sqlite3 serves, never a second one. Returns SQLite's complaints; none means the file is sound.
 */
export function integrityProblems(sqlite: BetterSqlite3.Database, file: string): string[] {
  sqlite.prepare(`ATTACH DATABASE ? AS ${checkAlias}`).run(file);
  try {
    const rows = sqlite.pragma(`${checkAlias}.integrity_check`) as { integrity_check: string }[];
    const problems = rows.map((r) => r.integrity_check).filter((text) => text !== 'ok');
    return problems;
  } finally {
    sqlite.exec(`DETACH DATABASE ${checkAlias}`);
  }
}

function sealScratch(sqlite: BetterSqlite3.Database, scratch: string, target: string): number {
  const problems = integrityProblems(sqlite, scratch);
  if (problems.length > 0) throw new Error(`backup copy fails integrity_check: ${problems.slice(0, 3).join('; ')}`);
  fsyncFile(scratch);
  if (existsSync(target)) throw new Error(`backup target already exists: ${target}`);
  renameSync(scratch, target);
  fsyncFolderOf(target);
  return statSync(target).size;
}

/**
 * One consistent copy of the live database in one file: VACUUM INTO reads a single snapshot (other processes
 * may keep writing meanwhile), leaves no -wal beside it and drops free pages. It is written under a scratch
 * name, checked with integrity_check, flushed, and only then renamed to `target`; on any failure nothing is left.
 * Returns the size of the backup in bytes.
 */
export function writeBackup(sqlite: BetterSqlite3.Database, target: string): number {
  const scratch = scratchBeside(target);
  try {
    sqlite.prepare('VACUUM INTO ?').run(scratch);
    return sealScratch(sqlite, scratch, target);
  } finally {
    removeScratch(scratch);
  }
}

/** A second place for a backup just made: the same bytes, checked and flushed there before they get its name. */
export function copyBackup(sqlite: BetterSqlite3.Database, from: string, target: string): number {
  const scratch = scratchBeside(target);
  try {
    copyFileSync(from, scratch);
    return sealScratch(sqlite, scratch, target);
  } finally {
    removeScratch(scratch);
  }
}

/**
 * The bytes of a database that cannot be read whole (a damaged one), with its -wal, kept under `target` as they
 * are: no check can pass, but nothing of it is lost. Returns the size of the database file.
 */
export function copyDatabaseAsIs(databaseFile: string, target: string): number {
  const scratch = scratchBeside(target);
  try {
    if (existsSync(`${databaseFile}-wal`)) {
      copyFileSync(`${databaseFile}-wal`, `${target}-wal`);
      fsyncFile(`${target}-wal`);
    }
    copyFileSync(databaseFile, scratch);
    fsyncFile(scratch);
    renameSync(scratch, target);
    fsyncFolderOf(target);
    return statSync(target).size;
  } finally {
    removeScratch(scratch);
  }
}
