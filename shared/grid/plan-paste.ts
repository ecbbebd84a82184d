import { positionsIn, rangeCellCount, type CellPos, type CellRange, type GridSize } from './cell-range';
import { readCellText } from './read-cell-text';

export interface PastedCell extends CellPos {
  readonly text: string;
}

export interface PasteTargets {
  readonly cells: PastedCell[];
  /** Cells of the pasted block that fell outside the grid or on a cell that takes no input. */
  readonly skipped: number;
}

/**
 * Where a copied block lands, as in Excel: from the top-left cell of the selection, except that a single
 * copied cell fills every cell of a larger selection. Only cells that take input receive text.
 */
export function pasteTargets(
  block: readonly (readonly string[])[],
  selection: CellRange,
  size: GridSize,
  isEditable: (p: CellPos) => boolean,
): PasteTargets {
  const single = block.length === 1 && block[0]?.length === 1 ? block[0][0] : undefined;
  const placed: PastedCell[] =
    single !== undefined && rangeCellCount(selection) > 1
      ? positionsIn(selection).map((p) => ({ ...p, text: single }))
      : block.flatMap((cells, r) => cells.map((text, c) => ({ row: selection.top + r, col: selection.left + c, text })));
  const cells = placed.filter((p) => p.row < size.rows && p.col < size.cols && isEditable(p));
  return { cells, skipped: placed.length - cells.length };
}

export interface ReadCell extends CellPos {
  readonly value: number | null;
}

export interface RefusedCell extends PastedCell {
  readonly reason: string;
}

export type ReadPasteResult = { ok: true; cells: ReadCell[] } | { ok: false; refused: RefusedCell[] };

/**
 * All or nothing: one unreadable cell, or one figure its cell may not hold (refusal gives why), refuses the
 * whole paste, so a block never lands half-written.
 */
export function readPastedCells(cells: readonly PastedCell[], refusal?: (cell: PastedCell, value: number) => string | null): ReadPasteResult {
  const read: ReadCell[] = [];
  const refused: RefusedCell[] = [];
  for (const cell of cells) {
    const result = readCellText(cell.text);
    const reason = !result.ok ? result.reason : result.value === null || refusal === undefined ? null : refusal(cell, result.value);
    if (reason !== null) refused.push({ ...cell, reason });
    else if (result.ok) read.push({ row: cell.row, col: cell.col, value: result.value });
  }
  return refused.length > 0 ? { ok: false, refused } : { ok: true, cells: read };
}
