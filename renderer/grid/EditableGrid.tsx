import { useTable, type Cell, type Column, type RowData } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Spin } from 'antd';
import { memo, useCallback, useEffect, useId, useMemo, useRef, type ClipboardEvent } from 'react';
import { positionsIn, rangeCellCount, type CellPos } from '../../shared/grid/cell-range';
import {
  gridFeatures,
  ROW_HEIGHT,
  type CellEdit,
  type GridColumns,
  type GridFeatures,
  type WriteSource,
} from './grid-features';
import { GridHeaderCell } from './GridHeaderCell';
import { GridRowView } from './GridRowView';
import { GridStatusBar, selectionSummary } from './GridStatusBar';
import { useActiveCellInView } from './use-active-cell-in-view';
import { useGridCells } from './use-grid-cells';
import { useGridEditing } from './use-grid-editing';
import { useGridKeyboard } from './use-grid-keyboard';
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
  const { startColumnId } = props;
  const startCol = Math.max(
    0,
    leafColumns.findIndex((c) =>
      startColumnId === undefined ? c.columnDef.meta?.editable === true : c.id === startColumnId,
    ),
  );
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

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => {
      const row = rows[index];
      return row === undefined || rowHeight === undefined ? ROW_HEIGHT : rowHeight(row.original);
    },
    getItemKey: (index) => rows[index]?.id ?? index,
    overscan: 12,
    scrollMargin: headHeight,
    // The sticky header covers the top of the view: a row scrolled to lands below it.
    scrollPaddingStart: headHeight,
  });

  const rowsPerPage = useCallback(
    () => Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? 0) - headHeight) / ROW_HEIGHT) - 1),
    [headHeight],
  );
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

  const onCopy = (e: ClipboardEvent) => {
    if (e.target !== e.currentTarget) return;
    e.preventDefault();
    e.clipboardData.setData('text/plain', editing.copySelection());
  };
  const onPaste = (e: ClipboardEvent) => {
    if (e.target !== e.currentTarget) return;
    e.preventDefault();
    editing.paste(e.clipboardData.getData('text/plain'));
  };

  const items = virtualizer.getVirtualItems();
  const firstItem = items[0];
  const lastItem = items[items.length - 1];
  const padTop = firstItem === undefined ? 0 : firstItem.start - headHeight;
  const padBottom = lastItem === undefined ? 0 : virtualizer.getTotalSize() - (lastItem.end - headHeight);
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
            <thead ref={headRef} role="rowgroup">
              {table.getHeaderGroups().map((group, i) => (
                <tr key={group.id} role="row" aria-rowindex={i + 1}>
                  {group.headers
                    .filter((h) => h.rowSpan > 0)
                    .map((header) => (
                      <GridHeaderCell<TRow>
                        key={header.id}
                        header={header}
                        stickyStyle={actions.stickyStyle(header.column.id, true)}
                      >
                        <table.FlexRender header={header} />
                      </GridHeaderCell>
                    ))}
                </tr>
              ))}
            </thead>
            <tbody role="rowgroup">
              {padTop > 0 ? <tr aria-hidden="true" style={{ height: padTop }} /> : null}
              {items.map((item) => {
                const row = rows[item.index];
                if (row === undefined) return null;
                const inRange = item.index >= range.top && item.index <= range.bottom;
                return (
                  <GridRowView<TRow>
                    key={row.id}
                    row={row}
                    index={item.index}
                    ariaRowIndex={item.index + headerRowCount + 1}
                    columns={leafColumns}
                    className={props.rowClassName?.(row.original)}
                    editableRow={isRowEditable(row.original)}
                    activeCol={item.index === active.row ? active.col : -1}
                    selLeft={inRange ? range.left : 0}
                    selRight={inRange ? range.right : -1}
                    editor={editor !== null && editor.rowId === row.id ? editor : null}
                    pending={pendingByRow.get(row.id) ?? null}
                    height={item.size}
                    actions={actions}
                    renderCell={renderCell}
                  />
                );
              })}
              {padBottom > 0 ? <tr aria-hidden="true" style={{ height: padBottom }} /> : null}
              {rows.length === 0 && !props.loading ? (
                <tr role="row">
                  <td role="gridcell" className="grid-empty" colSpan={leafColumns.length}>
                    {props.emptyText}
                  </td>
                </tr>
              ) : null}
            </tbody>
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
