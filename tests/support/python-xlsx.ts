import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./read_xlsx.py', import.meta.url));

export interface PyCell {
  /** The cell type as stored: n, s, str, inlineStr, b, e. */
  t: string;
  /** The value as stored: for a formula, the result the file caches. */
  v: string | number | boolean | null;
  /** The formula, without "=". */
  f?: string | null;
  numFmt: string;
  font: string | null;
  bold: boolean;
  italic?: boolean;
  size?: number | null;
}

export interface PySheet {
  name: string;
  cells: Record<string, PyCell>;
  merges: string[];
  pane: Record<string, string> | null;
  pageSetup: Record<string, string> | null;
  fitToPage: string | null;
}

export interface PyWorkbook {
  sheets: PySheet[];
  definedNames: Record<string, { localSheetId: string | null; value: string }[]>;
  calcPr: Record<string, string> | null;
}

/**
 * The workbook as a reader that is not exceljs sees it: Python's zipfile and ElementTree over the file's XML,
 * without recalculating anything (tests/support/read_xlsx.py). python3 is part of the machine (node-gyp needs it).
 */
export function readWithPython(file: string): PyWorkbook {
  const result = spawnSync('python3', [script, file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.error) throw new Error(`python3 could not be run: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`read_xlsx.py failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as PyWorkbook;
}

export function pySheet(book: PyWorkbook, name: string): PySheet {
  const sheet = book.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}; sheets: ${book.sheets.map((s) => s.name).join(', ')}`);
  return sheet;
}

/** The texts of a sheet's cells by address, for finding a label. */
export function findText(sheet: PySheet, pattern: RegExp): { address: string; text: string }[] {
  return Object.entries(sheet.cells)
    .filter(([, c]) => typeof c.v === 'string' && pattern.test(c.v))
    .map(([address, c]) => ({ address, text: String(c.v) }));
}

/** The SHA-256 of the inflated content of every part of the zip, by part name (Python's zipfile). */
export function partHashes(file: string): Record<string, string> {
  const result = spawnSync('python3', [script, '--parts', file], { encoding: 'utf8' });
  if (result.error) throw new Error(`python3 could not be run: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`read_xlsx.py failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as Record<string, string>;
}
