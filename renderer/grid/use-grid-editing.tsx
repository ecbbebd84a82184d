import type { Column, Row, RowData } from '@tanstack/react-table';
import { App } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { positionsIn, type CellPos, type GridSize } from '../../shared/grid/cell-range';
import type { EditorMode } from '../../shared/grid/key-actions';
import { readCellText } from '../../shared/grid/read-cell-text';
import type { CellEdit, GridFeatures, WriteSource } from './grid-features';
import type { GridCells } from './use-grid-cells';
import { useGridPaste } from './use-grid-paste';
import type { GridSelection } from './use-grid-selection';
import { useGridSubmit, type Written } from './use-grid-submit';
import type { UndoableWrites, WriteResult } from './use-undoable-writes';
import { AppError } from '../../shared/api/errors';

/** An open editor; it names its cell by ids so that a refresh that moves rows does not move the edit. */
export interface EditorState<TRow = unknown> {
  rowId: string;
  /**
   * The row as the screen showed it when typing began, so that a save says which figure it replaces: one saved
   * by someone else meanwhile is then refused, not overwritten. Null once a refused save has been shown to the
   * clerk: typing on after it replaces the figure now in view.
   */
  openedOn: TRow | null;
  columnId: string;
  text: string;
  /** The text the editor opened with: committing it unchanged saves nothing. */
  initialText: string;
  mode: EditorMode;
  /** Why the text was refused, or why saving it failed. */
  error: string | null;
}

export interface GridEditingOptions<TRow extends RowData> {
  rows: readonly Row<GridFeatures, TRow>[];
  columns: readonly Column<GridFeatures, TRow>[];
  cells: GridCells;
  selection: GridSelection;
  writes: UndoableWrites;
  save(edits: CellEdit<TRow>[], source: WriteSource): Promise<WriteResult>;
  /** Why a readable figure may not go into a cell (the backend refuses it too); null when it may. */
  refusal?(row: TRow, columnId: string, value: number): string | null;
  /** Gives the keyboard back to the grid once an edit closes. */
  focusGrid(): void;
}

/** Where a commit moves the active cell: by rows, and to a column (Tab goes to the next one taking input). */
export interface CommitMove {
  dRow: number;
  col?: number;
}

export interface GridEditing {
  editor: EditorState | null;
  /** Text of cells whose write is on its way, by row id then column id, shown until the grid is re-read. */
  pendingByRow: ReadonlyMap<string, ReadonlyMap<string, string>>;
  startEdit(text: string | null, mode: EditorMode): void;
  setText(text: string): void;
  toggleMode(): void;
  /**
   * Saves the open edit and moves; false when the text is refused and the editor stays open. Leaving the
   * cell for another control (blur) does not take the keyboard back to the grid.
   */
  commit(move?: CommitMove, refocus?: boolean): boolean;
  cancel(): void;
  clearSelection(): void;
  paste(text: string): void;
  copySelection(): string;
}

/** The open editor of a grid, and the writes it and Delete and paste make. */
export function useGridEditing<TRow extends RowData>(options: GridEditingOptions<TRow>): GridEditing {
  const { rows, columns, cells, selection, writes, save, refusal, focusGrid } = options;
  const { message } = App.useApp();
  const [editor, setEditor] = useState<EditorState<TRow> | null>(null);
  const editorRef = useRef<EditorState<TRow> | null>(null);
  const { pendingByRow, submit } = useGridSubmit(writes, save);
  const { cellText, cellName, isEditable, whyReadOnly } = cells;

  const updateEditor = useCallback((next: EditorState<TRow> | null) => {
    editorRef.current = next;
    setEditor(next);
  }, []);

  const size: GridSize = useMemo(() => ({ rows: rows.length, cols: columns.length }), [rows.length, columns.length]);
  const rowIndex = useMemo(() => new Map(rows.map((r, i) => [r.id, i])), [rows]);
  const colIndex = useMemo(() => new Map(columns.map((c, i) => [c.id, i])), [columns]);
  const positionOf = useCallback(
    (rowId: string, columnId: string): CellPos => ({
      row: rowIndex.get(rowId) ?? -1,
      col: colIndex.get(columnId) ?? -1,
    }),
    [rowIndex, colIndex],
  );

  /** What a cell's text means for that cell: a number it may hold, a blank, or the reason it is refused. */
  const readFor = useCallback(
    (row: Row<GridFeatures, TRow> | undefined, columnId: string, text: string) => {
      const read = readCellText(text);
      if (!read.ok || read.value === null || row === undefined || refusal === undefined) return read;
      const reason = refusal(row.original, columnId, read.value);
      return reason === null ? read : ({ ok: false, reason } as const);
    },
    [refusal],
  );

  const startEdit = useCallback(
    (text: string | null, mode: EditorMode) => {
      const p = selection.active;
      const row = rows[p.row];
      const column = columns[p.col];
      if (row === undefined || column === undefined) return;
      const reason = whyReadOnly(p);
      if (reason !== null) {
        void message.info({ content: `${cellName(p)}: ${reason}`, key: 'grid-readonly' });
        return;
      }
      const current = cellText(p);
      selection.collapse();
      updateEditor({
        rowId: row.id,
        openedOn: row.original,
        columnId: column.id,
        text: text ?? current,
        initialText: current,
        mode,
        error: null,
      });
    },
    [selection, rows, columns, whyReadOnly, cellText, cellName, message, updateEditor],
  );

  const setText = useCallback(
    (text: string) => {
      const ed = editorRef.current;
      if (ed !== null) updateEditor({ ...ed, text, error: null });
    },
    [updateEditor],
  );

  const toggleMode = useCallback(() => {
    const ed = editorRef.current;
    if (ed !== null) updateEditor({ ...ed, mode: ed.mode === 'enter' ? 'edit' : 'enter' });
  }, [updateEditor]);

  // The clerk's text must not vanish when its save fails: it goes back into the editor, unless another edit is open by now.
  const reopen = useCallback(
    (ed: EditorState<TRow>, reason: string, error: unknown) => {
      if (editorRef.current !== null) return;
      // Only a refusal that named the other clerk's figure lets the next Enter replace what is then on screen; any
      // other failure (a busy database, a closed period) keeps the figure the clerk saw when typing began.
      const told = error instanceof AppError && error.code === 'conflict';
      updateEditor({ ...ed, openedOn: told ? null : ed.openedOn, error: reason });
      selection.moveTo(positionOf(ed.rowId, ed.columnId), false);
    },
    [updateEditor, selection, positionOf],
  );

  const commit = useCallback(
    (move?: CommitMove, refocus = true) => {
      const ed = editorRef.current;
      if (ed === null) return true;
      const at = positionOf(ed.rowId, ed.columnId);
      const row = rows[at.row];
      const leave = () => {
        updateEditor(null);
        if (move !== undefined) selection.moveTo({ row: at.row + move.dRow, col: move.col ?? at.col }, false);
        if (refocus) focusGrid();
      };
      if (ed.text === ed.initialText || row === undefined) {
        leave();
        return true;
      }
      const read = readFor(row, ed.columnId, ed.text);
      if (!read.ok) {
        updateEditor({ ...ed, error: read.reason });
        void message.error({ content: `${cellName(at)}: ${read.reason} Chưa lưu.`, key: 'grid-refused' });
        return false;
      }
      leave();
      void submit(
        [
          {
            rowId: ed.rowId,
            columnId: ed.columnId,
            row: ed.openedOn ?? row.original,
            value: read.value,
            text: ed.text,
          },
        ],
        'typed',
        (reason, error) => reopen(ed, reason, error),
      );
      return true;
    },
    [rows, positionOf, updateEditor, selection, focusGrid, message, cellName, submit, readFor, reopen],
  );

  const cancel = useCallback(() => {
    updateEditor(null);
    focusGrid();
  }, [updateEditor, focusGrid]);

  const clearSelection = useCallback(() => {
    const cleared = positionsIn(selection.range).flatMap((p): Written<TRow>[] => {
      const row = rows[p.row];
      const column = columns[p.col];
      if (row === undefined || column === undefined || !isEditable(p) || cellText(p) === '') return [];
      return [{ rowId: row.id, columnId: column.id, row: row.original, value: null, text: '' }];
    });
    if (cleared.length > 0) void submit(cleared, 'typed');
  }, [selection.range, rows, columns, isEditable, cellText, submit]);

  const { paste, copySelection } = useGridPaste({ rows, columns, size, selection, cells, submit, refusal });

  // Closing the window right after typing must not lose the figure: the open edit is sent as the page goes.
  useEffect(() => {
    const flush = () => {
      const ed = editorRef.current;
      if (ed === null || ed.text === ed.initialText) return;
      const row = rows[rowIndex.get(ed.rowId) ?? -1];
      const read = readFor(row, ed.columnId, ed.text);
      if (row === undefined || !read.ok) return;
      editorRef.current = null;
      writes.writeNow(
        () => save([{ row: ed.openedOn ?? row.original, columnId: ed.columnId, value: read.value }], 'typed'),
        [ed.rowId],
      );
    };
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
    };
  }, [rows, rowIndex, writes, save, readFor]);

  return { editor, pendingByRow, startEdit, setText, toggleMode, commit, cancel, clearSelection, paste, copySelection };
}
