import type { Column, Row, RowData } from '@tanstack/react-table';
import { App } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { BatchResult } from '../../shared/api/values-entities';
import { positionsIn, type CellPos, type GridSize } from '../../shared/grid/cell-range';
import type { EditorMode } from '../../shared/grid/key-actions';
import { pasteTargets, readPastedCells } from '../../shared/grid/plan-paste';
import { readCellText } from '../../shared/grid/read-cell-text';
import { parseTsv, toTsv } from '../../shared/grid/tsv';
import type { CellEdit, GridFeatures, WriteSource } from './grid-features';
import type { GridSelection } from './use-grid-selection';
import { errorText, type UndoableWrites } from './use-undoable-writes';

/** An open editor; it names its cell by ids so that a refresh that moves rows does not move the edit. */
export interface EditorState {
  rowId: string;
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
  selection: GridSelection;
  writes: UndoableWrites;
  isRowEditable(row: TRow): boolean;
  rowLabel(row: TRow): string;
  save(edits: CellEdit<TRow>[], source: WriteSource): Promise<BatchResult>;
  /** Why a readable figure may not go into a cell (the backend refuses it too); null when it may. */
  refusal?(row: TRow, columnId: string, value: number): string | null;
  /** Gives the keyboard back to the grid once an edit closes. */
  focusGrid(): void;
}

export interface GridEditing {
  editor: EditorState | null;
  /** Text of cells whose write is on its way, by row id then column id, shown until the grid is re-read. */
  pendingByRow: ReadonlyMap<string, ReadonlyMap<string, string>>;
  isEditable(p: CellPos): boolean;
  cellText(p: CellPos): string;
  cellName(p: CellPos): string;
  startEdit(text: string | null, mode: EditorMode): void;
  setText(text: string): void;
  toggleMode(): void;
  /**
   * Saves the open edit and moves; false when the text is refused and the editor stays open. Leaving the
   * cell for another control (blur) does not take the keyboard back to the grid.
   */
  commit(move?: { dRow: number; dCol: number }, refocus?: boolean): boolean;
  cancel(): void;
  clearSelection(): void;
  paste(text: string): void;
  copySelection(): string;
}

const separator = '\u0000';
const cellKey = (rowId: string, columnId: string) => `${rowId}${separator}${columnId}`;

interface Written<TRow> {
  rowId: string;
  columnId: string;
  row: TRow;
  value: number | null;
  text: string;
}

export function useGridEditing<TRow extends RowData>(options: GridEditingOptions<TRow>): GridEditing {
  const { rows, columns, selection, writes, isRowEditable, rowLabel, save, refusal, focusGrid } = options;
  const { message } = App.useApp();
  const [editor, setEditor] = useState<EditorState | null>(null);
  const editorRef = useRef<EditorState | null>(null);
  const [pending, setPending] = useState<ReadonlyMap<string, string>>(new Map());

  const updateEditor = useCallback((next: EditorState | null) => {
    editorRef.current = next;
    setEditor(next);
  }, []);

  const size: GridSize = useMemo(() => ({ rows: rows.length, cols: columns.length }), [rows.length, columns.length]);
  const rowIndex = useMemo(() => new Map(rows.map((r, i) => [r.id, i])), [rows]);
  const colIndex = useMemo(() => new Map(columns.map((c, i) => [c.id, i])), [columns]);

  const isEditable = useCallback(
    (p: CellPos) => {
      const row = rows[p.row];
      const column = columns[p.col];
      return row !== undefined && column?.columnDef.meta?.editable === true && isRowEditable(row.original);
    },
    [rows, columns, isRowEditable],
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

  const nameOf = useCallback(
    (rowId: string, columnId: string) => cellName({ row: rowIndex.get(rowId) ?? -1, col: colIndex.get(columnId) ?? -1 }),
    [cellName, rowIndex, colIndex],
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

  const submit = useCallback(
    (cells: Written<TRow>[], source: WriteSource, reopenOnFailure: EditorState | null): Promise<BatchResult | null> => {
      const keys = cells.map((c) => cellKey(c.rowId, c.columnId));
      setPending((old) => new Map([...old, ...cells.map((c, i) => [keys[i] ?? '', c.text] as const)]));
      const edits = cells.map((c) => ({ row: c.row, columnId: c.columnId, value: c.value }));
      return writes
        .write(
          () => save(edits, source),
          cells.map((c) => c.rowId),
        )
        .catch((error: unknown) => {
          const reason = errorText(error);
          void message.error({ content: `Chưa lưu được: ${reason}`, key: 'grid-save' });
          // The clerk's text must not vanish: it goes back into the editor, unless another edit is open by now.
          if (reopenOnFailure !== null && editorRef.current === null) {
            updateEditor({ ...reopenOnFailure, error: reason });
            const at = { row: rowIndex.get(reopenOnFailure.rowId) ?? 0, col: colIndex.get(reopenOnFailure.columnId) ?? 0 };
            selection.moveTo(at, false);
          }
          return null;
        })
        .finally(() =>
          setPending((old) => {
            const next = new Map(old);
            keys.forEach((k) => next.delete(k));
            return next;
          }),
        );
    },
    [writes, save, message, updateEditor, rowIndex, colIndex, selection],
  );

  const startEdit = useCallback(
    (text: string | null, mode: EditorMode) => {
      const p = selection.active;
      const row = rows[p.row];
      const column = columns[p.col];
      if (row === undefined || column === undefined) return;
      if (!isEditable(p)) {
        void message.info({ content: `${cellName(p)}: ô này không nhập được (dòng nhóm hoặc cột tính tự động).`, key: 'grid-readonly' });
        return;
      }
      const current = cellText(p);
      selection.collapse();
      updateEditor({ rowId: row.id, columnId: column.id, text: text ?? current, initialText: current, mode, error: null });
    },
    [selection, rows, columns, isEditable, cellText, cellName, message, updateEditor],
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

  const commit = useCallback(
    (move?: { dRow: number; dCol: number }, refocus = true) => {
      const ed = editorRef.current;
      if (ed === null) return true;
      const at = { row: rowIndex.get(ed.rowId) ?? -1, col: colIndex.get(ed.columnId) ?? -1 };
      const row = rows[at.row];
      const leave = () => {
        updateEditor(null);
        if (move !== undefined) selection.moveTo({ row: at.row + move.dRow, col: at.col + move.dCol }, false);
        if (refocus) focusGrid();
      };
      if (ed.text === ed.initialText || row === undefined) {
        leave();
        return true;
      }
      const read = readFor(row, ed.columnId, ed.text);
      if (!read.ok) {
        updateEditor({ ...ed, error: read.reason });
        void message.error({ content: `${nameOf(ed.rowId, ed.columnId)}: ${read.reason} Chưa lưu.`, key: 'grid-refused' });
        return false;
      }
      leave();
      void submit([{ rowId: ed.rowId, columnId: ed.columnId, row: row.original, value: read.value, text: ed.text }], 'typed', ed);
      return true;
    },
    [rows, rowIndex, colIndex, updateEditor, selection, focusGrid, message, nameOf, submit, readFor],
  );

  const cancel = useCallback(() => {
    updateEditor(null);
    focusGrid();
  }, [updateEditor, focusGrid]);

  const written = useCallback(
    (p: CellPos, value: number | null, text: string): Written<TRow> | null => {
      const row = rows[p.row];
      const column = columns[p.col];
      return row === undefined || column === undefined ? null : { rowId: row.id, columnId: column.id, row: row.original, value, text };
    },
    [rows, columns],
  );

  const clearSelection = useCallback(() => {
    const cells = positionsIn(selection.range)
      .filter((p) => isEditable(p) && cellText(p) !== '')
      .map((p) => written(p, null, ''))
      .filter((c) => c !== null);
    if (cells.length > 0) void submit(cells, 'typed', null);
  }, [selection.range, isEditable, cellText, written, submit]);

  const paste = useCallback(
    (text: string) => {
      const { cells, skipped } = pasteTargets(parseTsv(text), selection.range, size, isEditable);
      if (cells.length === 0) {
        void message.warning({ content: 'Vùng dán không có ô nào nhận số liệu (dòng nhóm hoặc cột tính tự động).', key: 'grid-paste' });
        return;
      }
      const read = readPastedCells(cells, (cell, value) => {
        const row = rows[cell.row];
        const columnId = columns[cell.col]?.id;
        return row === undefined || columnId === undefined || refusal === undefined ? null : refusal(row.original, columnId, value);
      });
      if (!read.ok) {
        const shown = read.refused.slice(0, 5).map((c) => `${cellName(c)}: “${c.text}”: ${c.reason}`);
        const more = read.refused.length > shown.length ? [`… và ${read.refused.length - shown.length} ô khác.`] : [];
        void message.error({
          key: 'grid-paste',
          duration: 8,
          content: (
            <div style={{ textAlign: 'left' }}>
              <div>Không dán: {read.refused.length} ô không ghi được. Chưa lưu ô nào.</div>
              {[...shown, ...more].map((line) => (
                <div key={line}>{line}</div>
              ))}
            </div>
          ),
        });
        return;
      }
      const byPos = new Map(cells.map((c) => [`${c.row}:${c.col}`, c.text]));
      const writtenCells = read.cells.map((c) => written(c, c.value, byPos.get(`${c.row}:${c.col}`) ?? '')).filter((c) => c !== null);
      const first = cells[0];
      const last = cells[cells.length - 1];
      if (first !== undefined && last !== undefined) selection.selectRange(first, last);
      void submit(writtenCells, 'pasted', null).then((result) => {
        if (result === null) return;
        const skippedText = skipped > 0 ? `; bỏ qua ${skipped} ô không nhập được` : '';
        void message.success({ content: `Đã dán ${writtenCells.length} ô${skippedText}. Ctrl+Z để hoàn tác.`, key: 'grid-paste' });
      });
    },
    [selection, size, isEditable, message, cellName, written, submit, rows, columns, refusal],
  );

  const copySelection = useCallback(() => {
    const { top, bottom, left, right } = selection.range;
    const block: string[][] = [];
    for (let row = top; row <= bottom; row++) {
      const line: string[] = [];
      for (let col = left; col <= right; col++) line.push(cellText({ row, col }));
      block.push(line);
    }
    return toTsv(block);
  }, [selection.range, cellText]);

  // Closing the window right after typing must not lose the figure: the open edit is sent as the page goes.
  useEffect(() => {
    const flush = () => {
      const ed = editorRef.current;
      if (ed === null || ed.text === ed.initialText) return;
      const row = rows[rowIndex.get(ed.rowId) ?? -1];
      const read = readFor(row, ed.columnId, ed.text);
      if (row === undefined || !read.ok) return;
      editorRef.current = null;
      writes.writeNow(() => save([{ row: row.original, columnId: ed.columnId, value: read.value }], 'typed'), [ed.rowId]);
    };
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
    };
  }, [rows, rowIndex, writes, save, readFor]);

  const pendingByRow = useMemo(() => {
    const byRow = new Map<string, Map<string, string>>();
    for (const [key, text] of pending) {
      const [rowId = '', columnId = ''] = key.split(separator);
      const cells = byRow.get(rowId) ?? new Map<string, string>();
      cells.set(columnId, text);
      byRow.set(rowId, cells);
    }
    return byRow;
  }, [pending]);

  return {
    editor,
    pendingByRow,
    isEditable,
    cellText,
    cellName,
    startEdit,
    setText,
    toggleMode,
    commit,
    cancel,
    clearSelection,
    paste,
    copySelection,
  };
}
