/** A1-style references of a sheet's cells: column letters, addresses and ranges. */

/** A rectangle of cells, corners included (a merge, a table's extent). */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function columnLetter(col: number): string {
  let n = col;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

/** "B2:D3" → its corners; null for anything else. */
export function parseRange(ref: string): CellRange | null {
  const m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(ref.trim().toUpperCase().replace(/\$/g, ''));
  if (!m?.[1] || !m[2]) return null;
  const left = columnNumber(m[1]);
  const top = Number(m[2]);
  const right = m[3] ? columnNumber(m[3]) : left;
  const bottom = m[4] ? Number(m[4]) : top;
  return {
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}
