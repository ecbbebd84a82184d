import { closeSync, existsSync, fsyncSync, openSync, readSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';

const sqliteHeader = Buffer.from('SQLite format 3\0', 'latin1');

/** Whether a file begins as every SQLite database does; random bytes, a workbook or an empty file do not. */
export function hasSqliteHeader(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(sqliteHeader.length);
    const read = readSync(fd, head, 0, head.length, 0);
    return read === head.length && head.equals(sqliteHeader);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a written file to the disk, so that a rename that follows never points at bytes still in a cache. */
export function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename in `file`'s folder durable; Windows cannot open a folder for that and keeps renames itself. */
export function fsyncFolderOf(file: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(dirname(file), 'r');
    fsyncSync(fd);
  } catch {
    // Windows (EISDIR/EPERM) and some network shares refuse to sync a folder; the rename itself has been made.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** The files SQLite may keep beside a database. */
export function companionFiles(file: string): string[] {
  return [`${file}-wal`, `${file}-shm`, `${file}-journal`];
}

/** Removes a scratch database and whatever SQLite left beside it. */
export function removeScratch(file: string): void {
  for (const f of [file, ...companionFiles(file)]) {
    if (existsSync(f)) rmSync(f, { force: true });
  }
}
