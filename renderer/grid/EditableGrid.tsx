import { useTable, type Cell, type Column, type Header, type RowData } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Spin } from 'antd';
import {
  memo,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent,
  type CSSProperties,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import type { BatchResult } from '../../shared/api/values-entities';
import { positionsIn, rangeCellCount, type CellPos } from '../../shared/grid/cell-range';
import { gridFeatures, type CellEdit, type GridColumns, type GridFeatures, type WriteSource } from './grid-features';
import { GridRowView, type RowActions } from './GridRowView';
import { GridStatusBar, selectionSummary } from './GridStatusBar';
import { useGridEditing } from './use-grid-editing';
import { useGridKeyboard } from './use-grid-keyboard';
import { useGridSelection } from './use-grid-selection';
import type { UndoableWrites } from './use-undoable-writes';
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
  save(edits: CellEdit<TRow>[], source: WriteSource): Promise<BatchResult>;
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
  onRowFocused?(): void;
}

const ROW_HEIGHT = 30;

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
  const { columns, rows: data, getRowId, writes, scopeKey, rowHeight } = props;
  const table = useTable({ features: gridFeatures, columns, data, getRowId });
  const rows = table.getRowModel().rows;
  const leafColumns = table.getAllLeafColumns();
  const size = useMemo(() => ({ rows: rows.length, cols: leafColumns.length }), [rows.length, leafColumns.length]);
  const rowIds = useMemo(() => rows.map((r) => r.id), [rows]);
  const startCol = Math.max(0, leafColumns.findIndex((c) => c.columnDef.meta?.editable === true));
  const selection = useGridSelection(rowIds, leafColumns.length, scopeKey, startCol);

  const gridId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLTableSectionElement>(null);
  const [headHeight, setHeadHeight] = useState(0);
  const focusGrid = useCallback(() => scrollRef.current?.focus({ preventScroll: true }), []);

  const editing = useGridEditing({
    rows,
    columns: leafColumns,
    selection,
    writes,
    isRowEditable: props.isRowEditable,
    rowLabel: props.rowLabel,
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
  const { onGridKeyDown, onEditorKeyDown } = useGridKeyboard({ size, selection, editing, writes, rowsPerPage });

  const offsets = useMemo(() => stickyOffsets(leafColumns), [leafColumns]);
  const stickyWidth = [...offsets.keys()].reduce((w, id) => w + (table.getColumn(id)?.getSize() ?? 0), 0);

  // The header's height (it wraps with the window) offsets the rows; it is observed, never read per render.
  useLayoutEffect(() => {
    const head = headRef.current;
    if (head === null) return;
    setHeadHeight(head.offsetHeight);
    const observer = new ResizeObserver(() => setHeadHeight(head.offsetHeight));
    observer.observe(head);
    return () => observer.disconnect();
  }, []);

  const cellId = useCallback((p: CellPos) => `${gridId}-r${p.row}-c${p.col}`, [gridId]);
  const { active, range } = selection;

  // A row asked for from outside lands mid-view, with the rows around it; a keyboard step only just comes into view.
  const centerNextMove = useRef(false);

  // Keep the active cell in view; far jumps first bring its row into the rendered window.
  useEffect(() => {
    const center = centerNextMove.current;
    centerNextMove.current = false;
    const el = document.getElementById(cellId(active));
    if (el !== null) el.scrollIntoView({ block: center ? 'center' : 'nearest', inline: 'nearest' });
    // Before the view is measured (a screen just opened) every row looks out of view: scrolling then would hide
    // the first rows under the header.
    else if (rows.length > 0 && virtualizer.getVirtualItems().length > 0) virtualizer.scrollToIndex(active.row, { align: center ? 'center' : 'auto' });
    // Only a move of the active cell scrolls: a refresh of the figures must leave the view where the clerk put it.
  }, [active.row, active.col]);

  // A panel opening below the grid (the chart of the selected row) shortens it: the active cell stays in view.
  const activeCellId = useRef(cellId(active));
  activeCellId.current = cellId(active);
  useEffect(() => {
    const scroller = scrollRef.current;
    if (scroller === null) return;
    let height = scroller.clientHeight;
    const observer = new ResizeObserver(() => {
      if (scroller.clientHeight >= height) {
        height = scroller.clientHeight;
        return;
      }
      height = scroller.clientHeight;
      document.getElementById(activeCellId.current)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    });
    observer.observe(scroller);
    return () => observer.disconnect();
  }, []);

  const { focusRowId, onRowFocused } = props;
  const { moveTo } = selection;
  useEffect(() => {
    if (focusRowId === null || focusRowId === undefined) return;
    const index = rowIds.indexOf(focusRowId);
    if (index >= 0) {
      // The scroll follows a move of the active cell only: there is none when the row is already the active one.
      centerNextMove.current = index !== active.row || startCol !== active.col;
      moveTo({ row: index, col: startCol }, false);
      focusGrid();
    }
    onRowFocused?.();
    // Taken once when asked for: the clerk's own moves afterwards must not bring the row back.
  }, [focusRowId, onRowFocused, rowIds, moveTo, startCol, focusGrid]);

  const activeRow = rows[active.row]?.original ?? null;
  const { onActiveRowChange } = props;
  useEffect(() => onActiveRowChange?.(activeRow), [activeRow, onActiveRowChange]);

  const dragging = useRef(false);
  useEffect(() => {
    const stop = () => (dragging.current = false);
    window.addEventListener('mouseup', stop);
    return () => window.removeEventListener('mouseup', stop);
  }, []);

  // Rows are memoised; their handlers read the grid's latest state through this ref so that they never change.
  const latest = useRef({ selection, editing, onEditorKeyDown });
  useLayoutEffect(() => {
    latest.current = { selection, editing, onEditorKeyDown };
  });

  const actions = useMemo<RowActions>(
    () => ({
      cellId,
      cellName: (p) => latest.current.editing.cellName(p),
      onCellMouseDown: (e: MouseEvent, p) => {
        // Clicks in the open editor place its caret; they are not a move to another cell.
        if (e.button !== 0 || e.target instanceof HTMLInputElement) return;
        e.preventDefault();
        const { editing: ed, selection: sel } = latest.current;
        if (!ed.commit()) return;
        sel.moveTo(p, e.shiftKey);
        dragging.current = true;
        focusGrid();
      },
      onCellMouseEnter: (p) => {
        if (dragging.current) latest.current.selection.moveTo(p, true);
      },
      onCellDoubleClick: (e: MouseEvent, p) => {
        if (e.target instanceof HTMLInputElement) return;
        latest.current.selection.moveTo(p, false);
        latest.current.editing.startEdit(null, 'edit');
      },
      onEditorChange: (text) => latest.current.editing.setText(text),
      onEditorKeyDown: (e: KeyboardEvent<HTMLInputElement>) => latest.current.onEditorKeyDown(e),
      onEditorBlur: () => latest.current.editing.commit(undefined, false),
      // A block pasted into an open editor is still a block: it lands on the grid, not in one text box.
      onEditorPaste: (e: ClipboardEvent<HTMLInputElement>) => {
        const text = e.clipboardData.getData('text/plain');
        if (!/[\t\n]/.test(text.replace(/\r?\n$/, ''))) return;
        e.preventDefault();
        latest.current.editing.cancel();
        latest.current.editing.paste(text);
      },
      stickyStyle: (columnId, isHeader): CSSProperties | undefined => {
        const left = offsets.get(columnId);
        return left === undefined ? undefined : { position: 'sticky', left, zIndex: isHeader ? 4 : 1 };
      },
    }),
    [cellId, focusGrid, offsets],
  );

  const renderCell = useCallback((cell: Cell<GridFeatures, TRow, unknown>) => <table.FlexRender cell={cell} />, [table]);

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

  const headerCell = (header: Header<GridFeatures, TRow, unknown>) => {
    const meta = header.column.columnDef.meta;
    // A leaf column's header may sit in the top row, spanning both rows; it is still that column's header.
    const isLeaf = header.column.columns.length === 0;
    const classes = ['grid-th', isLeaf && meta?.numeric ? 'is-numeric' : '', isLeaf && meta?.editable ? 'is-editable' : ''];
    return (
      <th
        key={header.id}
        role="columnheader"
        colSpan={header.colSpan}
        rowSpan={header.rowSpan}
        className={classes.join(' ')}
        style={isLeaf ? actions.stickyStyle(header.column.id, true) : undefined}
      >
        <table.FlexRender header={header} />
      </th>
    );
  };

  const items = virtualizer.getVirtualItems();
  const firstItem = items[0];
  const lastItem = items[items.length - 1];
  const padTop = firstItem === undefined ? 0 : firstItem.start - headHeight;
  const padBottom = lastItem === undefined ? 0 : virtualizer.getTotalSize() - (lastItem.end - headHeight);
  const headerRowCount = table.getHeaderGroups().length;
  const summary = rangeCellCount(range) > 1 ? selectionSummary(positionsIn(range).map((p) => editing.cellText(p))) : '';
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
                  {group.headers.filter((h) => h.rowSpan > 0).map(headerCell)}
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
                    editableRow={props.isRowEditable(row.original)}
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
