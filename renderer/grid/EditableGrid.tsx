import { useTable, type Cell, type Column, type RowData } from '@tanstack/react-table';
import { Spin } from 'antd';
import { memo, useCallback, useEffect, useId, useMemo, useRef } from 'react';
import { positionsIn, rangeCellCount, type CellPos } from '../../shared/grid/cell-range';
import { gridFeatures, type CellEdit, type GridColumns, type GridFeatures, type WriteSource } from './grid-features';
import { GridBody } from './GridBody';
import { GridHead } from './GridHead';
import { GridStatusBar, selectionSummary } from './GridStatusBar';
import { useActiveCellInView } from './use-active-cell-in-view';
import { useGridCells } from './use-grid-cells';
import { useGridClipboard } from './use-grid-clipboard';
import { useGridEditing } from './use-grid-editing';
import { useGridKeyboard } from './use-grid-keyboard';
import { useGridRowsInView } from './use-grid-rows-in-view';
import { useGridSelection } from './use-grid-selection';
import { useHeaderHeight } from './use-header-height';
import { useRowActions } from './use-row-actions';
import type { UndoableWrites, WriteResult } from './use-undoable-writes';
import './grid.css';

export interface EditableGridProps<TRow extends RowData> {
  /** Accessible name of the grid. */
  label: string;
  /** Column accessors return the text the cell shows, which is also what Ctrl+C copies and F2 edits. */
  columns: GridColumns<TRow>;
  rows: TRow[];
  getRowId(row: TRow): string;
  rowLabel(row: TRow): string;
  rowClassName?(row: TRow): string;
  isRowEditable(row: TRow): boolean;
  /**
   * Why a cell of a column taking input takes none on this row, in the clerk's words (a group row, a closed
   * period); null when it does. Rows isRowEditable refuses are refused with this reason too.
   */
  whyReadOnly?(row: TRow, columnId: string): string | null;
  save(edits: CellEdit<TRow>[], source: WriteSource): Promise<WriteResult>;
  /** Why a readable figure may not go into a cell, asked before anything is sent (a paste: for every cell). */
  refusal?(row: TRow, columnId: string, value: number): string | null;
  writes: UndoableWrites;
  /** Another unit, period or year: the selection goes back to the start. */
  scopeKey: string;
  loading: boolean;
  emptyText: string;
  onActiveRowChange?(row: TRow | null): void;
  /**
   * Height of a row in pixels. Rows are sized by the grid, not measured, so that scrolling through
   * thousands of rows never waits for the browser's layout.
   */
  rowHeight?(row: TRow): number;
  /**
   * A row to select (on its first editable cell) and scroll to, such as the row a link from Kiểm tra names.
   * Give it once the rows are in; onRowFocused tells that it was taken, found or not.
   */
  focusRowId?: string | null;
  /** The column the selection starts on, and a row asked for is selected on; else the first column taking input. */
  startColumnId?: string;
  onRowFocused?(): void;
}

function stickyOffsets<TRow extends RowData>(columns: readonly Column<GridFeatures, TRow>[]): Map<string, number> {
  const offsets = new Map<string, number>();
  let left = 0;
  for (const column of columns) {
    if (column.columnDef.meta?.sticky !== true) break;
    offsets.set(column.id, left);
    left += column.getSize();
  }
  return offsets;
}

/** The column the selection starts on: the one asked for, else the first taking input, else the first. */
function startColumnOf<TRow extends RowData>(
  columns: readonly Column<GridFeatures, TRow>[],
  startColumnId: string | undefined,
): number {
  return Math.max(
    0,
    columns.findIndex((c) =>
      startColumnId === undefined ? c.columnDef.meta?.editable === true : c.id === startColumnId,
    ),
  );
}

/**
 * A spreadsheet-like grid over TanStack Table and Virtual: one focusable element (role grid) carries the
 * keyboard, the active cell is announced through aria-activedescendant, and only rows in view are rendered.
 */
function EditableGridInner<TRow extends RowData>(props: EditableGridProps<TRow>) {
  const { columns, rows: data, getRowId, writes, scopeKey, rowHeight, isRowEditable } = props;
  const table = useTable({ features: gridFeatures, columns, data, getRowId });
  const rows = table.getRowModel().rows;
  const leafColumns = table.getAllLeafColumns();
  const size = useMemo(() => ({ rows: rows.length, cols: leafColumns.length }), [rows.length, leafColumns.length]);
  const rowIds = useMemo(() => rows.map((r) => r.id), [rows]);
  const startCol = startColumnOf(leafColumns, props.startColumnId);
  const selection = useGridSelection(rowIds, leafColumns.length, scopeKey, startCol);

  const gridId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const { headRef, headHeight } = useHeaderHeight();
  const focusGrid = useCallback(() => scrollRef.current?.focus({ preventScroll: true }), []);

  const rowReason = props.whyReadOnly;
  const whyReadOnly = useCallback(
    (row: TRow, columnId: string) =>
      rowReason?.(row, columnId) ?? (isRowEditable(row) ? null : 'Dòng này không nhận số liệu.'),
    [isRowEditable, rowReason],
  );
  const cells = useGridCells({ rows, columns: leafColumns, rowLabel: props.rowLabel, whyReadOnly });
  const editing = useGridEditing({
    rows,
    columns: leafColumns,
    cells,
    selection,
    writes,
    save: props.save,
    refusal: props.refusal,
    focusGrid,
  });

  const { virtualizer, items, padTop, padBottom, rowsPerPage } = useGridRowsInView({
    rows,
    scrollRef,
    headHeight,
    rowHeight,
  });
  const { onGridKeyDown, onEditorKeyDown } = useGridKeyboard({
    size,
    selection,
    editing,
    inputColumns: cells.inputColumns,
    writes,
    rowsPerPage,
  });

  const offsets = useMemo(() => stickyOffsets(leafColumns), [leafColumns]);
  const stickyWidth = [...offsets.keys()].reduce((w, id) => w + (table.getColumn(id)?.getSize() ?? 0), 0);
  const cellId = useCallback((p: CellPos) => `${gridId}-r${p.row}-c${p.col}`, [gridId]);
  const { active, range } = selection;

  useActiveCellInView({
    scrollRef,
    virtualizer,
    rowCount: rows.length,
    rowIds,
    selection,
    cellId,
    startCol,
    focusGrid,
    focusRowId: props.focusRowId,
    onRowFocused: props.onRowFocused,
  });

  const activeRow = rows[active.row]?.original ?? null;
  const { onActiveRowChange } = props;
  useEffect(() => onActiveRowChange?.(activeRow), [activeRow, onActiveRowChange]);

  const actions = useRowActions({ selection, editing, cells, onEditorKeyDown }, cellId, focusGrid, offsets);
  const renderCell = useCallback(
    (cell: Cell<GridFeatures, TRow, unknown>) => <table.FlexRender cell={cell} />,
    [table],
  );

  const { onCopy, onPaste } = useGridClipboard(editing);
  const headerRowCount = table.getHeaderGroups().length;
  const summary = rangeCellCount(range) > 1 ? selectionSummary(positionsIn(range).map((p) => cells.cellText(p))) : '';
  const { editor, pendingByRow } = editing;

  return (
    <div className="grid-frame">
      <div className="grid-body">
        {props.loading ? (
          <div className="grid-loading">
            <Spin description="Đang tải số liệu…" />
          </div>
        ) : null}
        <div
          ref={scrollRef}
          className="grid-scroll"
          role="grid"
          aria-label={props.label}
          aria-rowcount={rows.length + headerRowCount}
          aria-colcount={leafColumns.length}
          aria-multiselectable
          aria-activedescendant={rows.length > 0 && editor === null ? cellId(active) : undefined}
          tabIndex={0}
          style={{ scrollPaddingTop: headHeight, scrollPaddingLeft: stickyWidth }}
          onKeyDown={onGridKeyDown}
          onCopy={onCopy}
          onPaste={onPaste}
        >
          <table className="grid-table" role="presentation" style={{ minWidth: table.getTotalSize() }}>
            <colgroup>
              {leafColumns.map((column) => (
                <col key={column.id} style={column.columnDef.meta?.grow ? undefined : { width: column.getSize() }} />
              ))}
            </colgroup>
            <GridHead<TRow>
              headRef={headRef}
              groups={table.getHeaderGroups()}
              stickyStyle={actions.stickyStyle}
              renderHeader={(header) => <table.FlexRender header={header} />}
            />
            <GridBody<TRow>
              rows={rows}
              columns={leafColumns}
              items={items}
              padTop={padTop}
              padBottom={padBottom}
              headerRowCount={headerRowCount}
              active={active}
              range={range}
              editor={editor}
              pendingByRow={pendingByRow}
              actions={actions}
              renderCell={renderCell}
              rowClassName={props.rowClassName}
              isRowEditable={isRowEditable}
              emptyText={rows.length === 0 && !props.loading ? props.emptyText : null}
            />
          </table>
        </div>
      </div>
      <GridStatusBar
        status={writes.status}
        editorRefused={editor !== null && editor.error !== null}
        canUndo={writes.canUndo}
        canRedo={writes.canRedo}
        undo={writes.undo}
        redo={writes.redo}
        summary={summary}
      />
    </div>
  );
}

/** Memoised so that a screen redrawing its side panel for the selected row does not redraw the grid. */
export const EditableGrid = memo(EditableGridInner) as typeof EditableGridInner;
