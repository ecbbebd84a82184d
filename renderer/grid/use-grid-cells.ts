import type { Column, Row, RowData } from '@tanstack/react-table';
import { useCallback, useMemo } from 'react';
import type { CellPos } from '../../shared/grid/cell-range';
import type { GridFeatures } from './grid-features';

export interface GridCellsOptions<TRow extends RowData> {
  rows: readonly Row<GridFeatures, TRow>[];
  columns: readonly Column<GridFeatures, TRow>[];
  rowLabel(row: TRow): string;
  /** Why a cell of a column that takes input takes none on this row (a group row, a closed period); null when it does. */
  whyReadOnly(row: TRow, columnId: string): string | null;
}

/** What the grid knows of one cell: its text, its name in messages, and whether (and why not) it takes input. */
export interface GridCells {
  /** Indexes of the columns that take input, left to right: Tab and a pasted block go over these. */
  inputColumns: readonly number[];
  cellText(p: CellPos): string;
  cellName(p: CellPos): string;
  /** Null when the cell takes input, else the reason in the clerk's words. */
  whyReadOnly(p: CellPos): string | null;
  isEditable(p: CellPos): boolean;
}

export function useGridCells<TRow extends RowData>({
  rows,
  columns,
  rowLabel,
  whyReadOnly: rowReason,
}: GridCellsOptions<TRow>): GridCells {
  const inputColumns = useMemo(
    () => columns.flatMap((c, i) => (c.columnDef.meta?.editable === true ? [i] : [])),
    [columns],
  );

  const cellText = useCallback(
    (p: CellPos) => {
      const row = rows[p.row];
      const column = columns[p.col];
      if (row === undefined || column === undefined) return '';
      const value = row.getValue(column.id);
      return typeof value === 'string' ? value : '';
    },
    [rows, columns],
  );

  const cellName = useCallback(
    (p: CellPos) => {
      const row = rows[p.row];
      const label = columns[p.col]?.columnDef.meta?.label ?? '';
      return row === undefined ? label : `${rowLabel(row.original)}, cột “${label}”`;
    },
    [rows, columns, rowLabel],
  );

  const whyReadOnly = useCallback(
    (p: CellPos) => {
      const row = rows[p.row];
      const column = columns[p.col];
      if (row === undefined || column === undefined) return 'Ô nằm ngoài bảng.';
      const meta = column.columnDef.meta;
      if (meta?.editable !== true) return meta?.readOnlyReason ?? `Cột “${meta?.label ?? column.id}” không nhập được.`;
      return rowReason(row.original, column.id);
    },
    [rows, columns, rowReason],
  );

  const isEditable = useCallback((p: CellPos) => whyReadOnly(p) === null, [whyReadOnly]);

  return useMemo(
    () => ({ inputColumns, cellText, cellName, whyReadOnly, isEditable }),
    [inputColumns, cellText, cellName, whyReadOnly, isEditable],
  );
}
