import { join } from 'node:path';
import { writeWorkbook, type Figure } from '../support/workbooks';
import { seeded, SheetBuilder, type ColumnSpec, type RowSpec } from './sheet-builder';

export { titleBlock } from './sheet-builder';
import { provinceUnit, type CorpusCase, type CorpusTruth, type Family, type TruthUnit } from './truth';

/** One sheet of one table under a title block: the shape most families share. */
export interface SimpleSheet {
  name: string;
  /** Lines above the table (title, form number, unit note), each a row of cells. */
  above: Figure[][];
  columns: ColumnSpec[];
  rows: RowSpec[];
  twoRowHeader?: boolean;
  codeRow?: boolean;
  signatures?: boolean;
  startColumn?: number;
  /** Lines under the table, before the signatures (a second table's notes, sources). */
  below?: Figure[][];
}

export interface SimpleCase {
  family: Family;
  name: string;
  seed: number;
  sheets: SimpleSheet[];
  unit?: TruthUnit;
  reportPeriod: string;
  titleNamesPeriod?: boolean;
}

export async function buildSimple(dir: string, c: SimpleCase): Promise<{ file: string; truth: CorpusTruth }> {
  const rng = seeded(c.seed);
  const built = c.sheets.map((s) => {
    const sheet = new SheetBuilder(s.name, rng);
    for (const line of s.above) sheet.line(...line);
    sheet.table({
      columns: s.columns,
      rows: s.rows,
      twoRowHeader: s.twoRowHeader,
      codeRow: s.codeRow,
      startColumn: s.startColumn,
    });
    for (const line of s.below ?? []) sheet.line(...line);
    if (s.signatures !== false) sheet.signatures(s.columns.length);
    return sheet;
  });
  const file = await writeWorkbook(
    join(dir, c.name),
    built.map((s) => s.spec()),
  );
  return {
    file,
    truth: {
      unit: c.unit ?? provinceUnit,
      reportPeriod: c.reportPeriod,
      titleNamesPeriod: c.titleNamesPeriod ?? true,
      figures: built.flatMap((s) => s.truth),
      refused: built.flatMap((s) => s.refused),
      filledCells: built.flatMap((s) => s.filledCells),
    },
  };
}

export function simpleCase(c: SimpleCase): CorpusCase {
  return { family: c.family, name: c.name, build: (dir) => buildSimple(dir, c) };
}

export const sttColumn: ColumnSpec = { id: 'stt', kind: 'stt', heading: 'STT' };
export const nameColumn = (heading = 'Chỉ tiêu'): ColumnSpec => ({ id: 'name', kind: 'name', heading });
export const unitColumn = (heading = 'ĐVT'): ColumnSpec => ({ id: 'unit', kind: 'unit', heading });
