import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open-database';
import { release, releaseDataDir } from '../support/release-0006';
import type { Row } from '../support/sqlite-files';

const byKey = (a: Row, b: Row) =>
  `${a['unit_id']}|${a['period']}|${a['indicator_code']}`.localeCompare(
    `${b['unit_id']}|${b['period']}|${b['indicator_code']}`,
  );
const withoutId = ({ id: _id, ...rest }: Row): Row => rest;

describe('a database written by the 0006 release, opened by this version', () => {
  it('keeps every figure, plan and change-log row with who, when, old and new value, file, sha256, sheet and cell', () => {
    const opened = openDatabase({ dataDir: releaseDataDir() });
    try {
      expect(opened.schemaVersion).toBe('0007_compact_provenance');
      const raw = opened.db.$client;
      const read = (sql: string) => raw.prepare(sql).all() as Row[];
      expect(read('SELECT * FROM change_log_full ORDER BY id')).toEqual(release.tables.change_log);
      expect(read('SELECT * FROM indicator_values_full').sort(byKey)).toEqual(
        release.tables.indicator_values.map(withoutId).sort(byKey),
      );
      expect(read('SELECT * FROM annual_plans_full ORDER BY id')).toEqual(release.tables.annual_plans);
      expect(read('SELECT * FROM imports ORDER BY id')).toEqual(release.tables.imports);
      expect(read('SELECT * FROM import_files ORDER BY id').map(({ sheets: _sheets, ...file }) => file)).toEqual(
        release.tables.import_files,
      );
      // Provenance is kept once: no figure or log row repeats a file name, a sha256, a sheet name or a batch's UUID.
      const columns = (table: string) => read(`SELECT name FROM pragma_table_info('${table}')`).map((c) => c['name']);
      for (const table of ['indicator_values', 'annual_plans', 'change_log']) {
        expect(columns(table)).not.toEqual(expect.arrayContaining(['source_file']));
        expect(columns(table)).toEqual(
          expect.arrayContaining(['batch_id', 'import_file_id', 'sheet_index', 'cell_row', 'cell_col']),
        );
      }
      expect(read("SELECT count(*) AS n FROM sqlite_master WHERE name LIKE '\\_0007%' ESCAPE '\\'")).toEqual([
        { n: 0 },
      ]);
    } finally {
      opened.close();
    }
  });
});
