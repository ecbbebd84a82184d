import { positionsIn, rangeCellCount, type CellPos, type CellRange, type GridSize } from './cell-range';
import { readCellText } from './read-cell-text';

export interface PastedCell extends CellPos {
  readonly text: string;
}

/** What a paste needs to know of the grid it lands on. */
export interface PasteGrid {
  readonly size: GridSize;
  /** The columns that take input, left to right: a block's columns land on these in order, computed ones skipped. */
  readonly inputColumns: readonly number[];
  /** Why a cell of an input column takes no figure (a group row, a closed period); null when it takes one. */
  whyRefused(p: CellPos): string | null;
}

/** A cell of the pasted block that cannot land, by its place in the block, and where it would have gone. */
export interface UnlandedCell {
  readonly blockRow: number;
  readonly blockCol: number;
  readonly text: string;
  /** The grid cell it falls on; null beyond the grid's rows or its input columns. */
  readonly at: CellPos | null;
  readonly reason: string;
}

export interface PasteTargets {
  readonly cells: PastedCell[];
  /** Cells holding text that cannot land: any of them refuses the paste, so nothing pasted is lost unsaid. */
  readonly unlanded: UnlandedCell[];
  /** Empty cells of the block, or cells of a one-cell fill, that fell where no figure goes: nothing is lost by them. */
  readonly skipped: number;
}

function fillTargets(text: string, selection: CellRange, grid: PasteGrid): PasteTargets {
  const inSelection = positionsIn(selection).filter((p) => grid.inputColumns.includes(p.col));
  const cells = inSelection.filter((p) => grid.whyRefused(p) === null).map((p) => ({ ...p, text }));
  const skipped = rangeCellCount(selection) - cells.length;
  const unlanded =
    cells.length > 0
      ? []
      : [
          {
            blockRow: 0,
            blockCol: 0,
            text,
            at: null,
            reason: 'Vùng đã chọn không có ô nào nhận số liệu (chỉ có dòng nhóm hoặc cột tính tự động).',
          },
        ];
  return { cells, unlanded, skipped };
}

/**
 * Where a copied block lands, as in Excel over a sheet whose computed columns are skipped: from the selection's
 * top-left cell, the block's rows on the grid's rows and its columns on the input columns from there on. A single
 * copied cell fills every cell of a larger selection that takes input.
 */
export function pasteTargets(
  block: readonly (readonly string[])[],
  selection: CellRange,
  grid: PasteGrid,
): PasteTargets {
  const single = block.length === 1 && block[0]?.length === 1 ? block[0][0] : undefined;
  if (single !== undefined && rangeCellCount(selection) > 1) return fillTargets(single, selection, grid);
  const first = grid.inputColumns.findIndex((col) => col >= selection.left);
  const columnsLeft = first < 0 ? 0 : grid.inputColumns.length - first;
  const rowsLeft = grid.size.rows - selection.top;
  const cells: PastedCell[] = [];
  const unlanded: UnlandedCell[] = [];
  let skipped = 0;
  block.forEach((line, blockRow) =>
    line.forEach((text, blockCol) => {
      const col = blockCol < columnsLeft ? grid.inputColumns[first + blockCol] : undefined;
      const at = col === undefined || blockRow >= rowsLeft ? null : { row: selection.top + blockRow, col };
      const reason =
        blockRow >= rowsLeft
          ? `Khối dán dài hơn bảng: bảng chỉ còn ${rowsLeft} dòng từ ô đã chọn.`
          : at === null
            ? `Khối dán rộng hơn bảng: từ ô đã chọn chỉ còn ${columnsLeft} cột nhập được.`
            : grid.whyRefused(at);
      if (reason === null && at !== null) cells.push({ ...at, text });
      else if (text.trim() === '') skipped++;
      else unlanded.push({ blockRow, blockCol, text, at, reason: reason ?? '' });
    }),
  );
  return { cells, unlanded, skipped };
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
export function readPastedCells(
  cells: readonly PastedCell[],
  refusal?: (cell: PastedCell, value: number) => string | null,
): ReadPasteResult {
  const read: ReadCell[] = [];
  const refused: RefusedCell[] = [];
  for (const cell of cells) {
    const result = readCellText(cell.text);
    const reason = !result.ok
      ? result.reason
      : result.value === null || refusal === undefined
        ? null
        : refusal(cell, result.value);
    if (reason !== null) refused.push({ ...cell, reason });
    else if (result.ok) read.push({ row: cell.row, col: cell.col, value: result.value });
  }
  return refused.length > 0 ? { ok: false, refused } : { ok: true, cells: read };
}
