/** The cell of an imported file a figure came from: the file's row in import_files, the sheet's place in its list. */
export interface ImportedCell {
  importFileId: number;
  sheetIndex: number;
  row: number;
  col: number;
}

export interface WriteSource {
  kind: 'typed' | 'pasted' | 'imported' | 'cli' | 'undo';
  cell?: ImportedCell | null;
}

/** The source columns that values, plans and the change log share. */
export function sourceColumns(source: WriteSource) {
  return {
    sourceKind: source.kind,
    importFileId: source.cell?.importFileId ?? null,
    sheetIndex: source.cell?.sheetIndex ?? null,
    cellRow: source.cell?.row ?? null,
    cellCol: source.cell?.col ?? null,
  };
}

/** "G12" as row 12 and column 7 (A = 1); an address of another shape is refused, never stored half. */
export function cellPosition(address: string): { row: number; col: number } {
  const m = /^([A-Z]{1,3})([1-9]\d*)$/.exec(address);
  if (!m?.[1] || !m[2]) throw new Error(`not a cell address: ${address}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

/** The address of row and column numbers, as the import read it ("G12"). */
export function cellAddress(row: number, col: number): string {
  let letters = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return `${letters}${row}`;
}
