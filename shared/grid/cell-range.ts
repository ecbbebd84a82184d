/** Positions and rectangles of a grid by row and column index, as the keyboard and the clipboard see them. */

export interface CellPos {
  readonly row: number;
  readonly col: number;
}

export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface GridSize {
  readonly rows: number;
  readonly cols: number;
}

function clamp(n: number, max: number): number {
  return Math.max(0, Math.min(n, max - 1));
}

export function clampPos(p: CellPos, size: GridSize): CellPos {
  return { row: clamp(p.row, size.rows), col: clamp(p.col, size.cols) };
}

/** The rectangle between two corners, whichever way round they are. */
export function rangeOf(a: CellPos, b: CellPos): CellRange {
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

export function rangeContains(r: CellRange, p: CellPos): boolean {
  return p.row >= r.top && p.row <= r.bottom && p.col >= r.left && p.col <= r.right;
}

export function rangeCellCount(r: CellRange): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

export function positionsIn(r: CellRange): CellPos[] {
  const out: CellPos[] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    for (let col = r.left; col <= r.right; col++) out.push({ row, col });
  }
  return out;
}
