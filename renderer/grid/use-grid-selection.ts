import { useCallback, useEffect, useMemo, useState } from 'react';
import { clampPos, rangeOf, type CellPos, type CellRange, type GridSize } from '../../shared/grid/cell-range';

export interface GridSelection {
  /** The cell the keyboard acts on; always inside the grid (row 0 when it has no rows). */
  active: CellPos;
  range: CellRange;
  moveTo(p: CellPos, extend: boolean): void;
  selectRange(anchor: CellPos, active: CellPos): void;
  selectAll(): void;
  collapse(): void;
}

/** A corner of the selection, held by row id so that it stays on its row when a filter or a refresh moves rows. */
interface Corner {
  rowId: string | undefined;
  row: number;
  col: number;
}

/**
 * The active cell and the rectangle from the anchor (where Shift-selection began) to it. A corner whose row
 * was filtered away falls back to its old position, clamped; a new scope starts again at the top.
 */
export function useGridSelection(
  rowIds: readonly string[],
  cols: number,
  scopeKey: string,
  startCol: number,
): GridSelection {
  const size: GridSize = useMemo(() => ({ rows: rowIds.length, cols }), [rowIds.length, cols]);
  const indexOf = useMemo(() => new Map(rowIds.map((id, i) => [id, i])), [rowIds]);
  const corner = useCallback(
    (p: CellPos): Corner => {
      const at = clampPos(p, size);
      return { rowId: rowIds[at.row], row: at.row, col: at.col };
    },
    [rowIds, size],
  );
  const resolve = useCallback(
    (c: Corner): CellPos =>
      clampPos({ row: (c.rowId === undefined ? undefined : indexOf.get(c.rowId)) ?? c.row, col: c.col }, size),
    [indexOf, size],
  );

  const start: Corner = useMemo(() => ({ rowId: undefined, row: 0, col: startCol }), [startCol]);
  const [corners, setCorners] = useState({ anchor: start, active: start });
  useEffect(() => setCorners({ anchor: start, active: start }), [scopeKey, start]);

  const active = resolve(corners.active);
  const anchor = resolve(corners.anchor);

  const moveTo = useCallback(
    (p: CellPos, extend: boolean) => {
      const next = corner(p);
      setCorners((c) => ({ anchor: extend ? c.anchor : next, active: next }));
    },
    [corner],
  );
  const selectRange = useCallback(
    (a: CellPos, b: CellPos) => setCorners({ anchor: corner(a), active: corner(b) }),
    [corner],
  );
  // The active cell goes to the top-left corner so that selecting everything does not scroll to the end.
  const selectAll = useCallback(
    () =>
      setCorners({ anchor: corner({ row: size.rows - 1, col: size.cols - 1 }), active: corner({ row: 0, col: 0 }) }),
    [corner, size],
  );
  const collapse = useCallback(() => setCorners((c) => ({ anchor: c.active, active: c.active })), []);

  return { active, range: rangeOf(anchor, active), moveTo, selectRange, selectAll, collapse };
}
