import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startBackend } from '../support/backend';
import { repoRoot } from '../support/cli';
import { makeDataDir } from '../support/data-dir';
import { withRawDatabase } from '../support/sqlite-files';

const rowsPerBatch = 200;

/**
 * Another process writing to the database without pause: each transaction appends `rowsPerBatch` change-log rows
 * under one batch id, so a copy that caught a transaction halfway would hold a batch with fewer rows.
 */
const writerScript = `
const Database = require('better-sqlite3');
const db = new Database(process.argv[1]);
db.pragma('busy_timeout = 5000');
const newBatch = db.prepare("INSERT INTO change_batches (uuid, at, who) VALUES (?, ?, 'writer')");
const insert = db.prepare("INSERT INTO change_log (batch_id, entity, indicator_code, unit_id, period, new_value, source_kind) VALUES (?, 'value', 'XNK', 1, '2023-06', ?, 'cli')");
const batch = db.transaction((id) => {
  const key = newBatch.run(id, new Date().toISOString()).lastInsertRowid;
  for (let i = 0; i < ${rowsPerBatch}; i++) insert.run(key, i);
});
const until = Date.now() + 20000;
for (let n = 0; Date.now() < until; n++) {
  batch('batch-' + n);
  if (n === 0) process.stdout.write('writing\\n');
}
`;

describe('a backup of a database another process is writing to', () => {
  it('holds every transaction either whole or not at all, and passes integrity_check', async () => {
    const dataDir = makeDataDir();
    const { api, backend } = startBackend(dataDir);
    const writer = spawn(process.execPath, ['-e', writerScript, backend.database.file], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    onTestFinished(() => {
      writer.kill();
    });
    const started = await Promise.race([
      once(writer.stdout, 'data').then(([chunk]) => String(chunk)),
      once(writer, 'exit').then(() => 'writer stopped'),
    ]);
    expect(started).toContain('writing');

    const batchesSeen: number[] = [];
    for (let i = 0; i < 5; i++) {
      await sleep(150);
      const { files } = await api.call('backup.make', {});
      withRawDatabase(files[0]!.path, (copy) => {
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
        const batches = copy
          .prepare(`SELECT batch_id, count(*) AS n FROM change_log_full WHERE who = 'writer' GROUP BY batch_id`)
          .all() as { batch_id: string; n: number }[];
        expect(batches.filter((b) => b.n !== rowsPerBatch)).toEqual([]);
        batchesSeen.push(batches.length);
      });
    }
    writer.kill();
    // The writer went on between the backups: each copy is a later snapshot than the one before.
    expect(batchesSeen[0]).toBeGreaterThan(0);
    for (let i = 1; i < batchesSeen.length; i++) expect(batchesSeen[i]).toBeGreaterThan(batchesSeen[i - 1]!);
  }, 60_000);
});
