import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeDataDir } from './data-dir';
import type { Row } from './sqlite-files';

const fixtures = fileURLToPath(new URL('../fixtures/db/', import.meta.url));

/** What the 0006 release answered about release-0006.db (tests/fixtures/db/README.md). */
export interface ReleaseAnswers {
  cells: { unitId: number; period: string }[];
  tables: Record<'indicator_values' | 'annual_plans' | 'change_log' | 'imports' | 'import_files', Row[]>;
  grids: { unitId: number; period: string; rows: Row[] }[];
  history: Row[];
  undo: { importId: number; grids: { unitId: number; period: string; rows: Row[] }[]; history: Row[] };
}

export const release = JSON.parse(readFileSync(join(fixtures, 'release-0006.answers.json'), 'utf8')) as ReleaseAnswers;

/** A copy of the release's database in a data directory of the test's own. */
export function releaseDataDir(): string {
  const dir = makeDataDir();
  copyFileSync(join(fixtures, 'release-0006.db'), join(dir, 'chitieu.db'));
  return dir;
}
