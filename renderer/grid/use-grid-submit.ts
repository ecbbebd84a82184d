import type { RowData } from '@tanstack/react-table';
import { App } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import type { CellEdit, WriteSource } from './grid-features';
import { errorText, type UndoableWrites, type WriteResult } from './use-undoable-writes';

/** A cell about to be written, named by ids so that a refresh that moves rows does not move the write. */
export interface Written<TRow> {
  rowId: string;
  columnId: string;
  row: TRow;
  value: number | null;
  text: string;
}

export interface GridSubmit<TRow> {
  /** Text of cells whose write is on its way, by row id then column id, shown until the grid is re-read. */
  pendingByRow: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Sends the cells as one write; on failure says why, calls onFailure with the reason and settles with null. */
  submit(
    cells: Written<TRow>[],
    source: WriteSource,
    onFailure?: (reason: string, error: unknown) => void,
  ): Promise<WriteResult | null>;
}

const separator = '\u0000';
const cellKey = (rowId: string, columnId: string) => `${rowId}${separator}${columnId}`;

export function useGridSubmit<TRow extends RowData>(
  writes: UndoableWrites,
  save: (edits: CellEdit<TRow>[], source: WriteSource) => Promise<WriteResult>,
): GridSubmit<TRow> {
  const { message } = App.useApp();
  const [pending, setPending] = useState<ReadonlyMap<string, string>>(new Map());

  const submit = useCallback(
    (
      cells: Written<TRow>[],
      source: WriteSource,
      onFailure?: (reason: string, error: unknown) => void,
    ): Promise<WriteResult | null> => {
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
          onFailure?.(reason, error);
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
    [writes, save, message],
  );

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

  return { pendingByRow, submit };
}
