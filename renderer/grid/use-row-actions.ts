import {
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  type ClipboardEvent,
  type CSSProperties,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import type { CellPos } from '../../shared/grid/cell-range';
import type { RowActions } from './GridRowView';
import type { GridCells } from './use-grid-cells';
import type { GridEditing } from './use-grid-editing';
import type { GridSelection } from './use-grid-selection';

interface Latest {
  selection: GridSelection;
  editing: GridEditing;
  cells: GridCells;
  onEditorKeyDown(e: KeyboardEvent<HTMLInputElement>): void;
}

/**
 * The mouse and editor handlers of the rows. Rows are memoised; these read the grid's latest state through a ref
 * so that they never change, and a keystroke redraws the rows it concerns only.
 */
export function useRowActions(
  state: Latest,
  cellId: (p: CellPos) => string,
  focusGrid: () => void,
  offsets: ReadonlyMap<string, number>,
): RowActions {
  const latest = useRef(state);
  useLayoutEffect(() => {
    latest.current = state;
  });

  const dragging = useRef(false);
  useEffect(() => {
    const stop = () => (dragging.current = false);
    window.addEventListener('mouseup', stop);
    return () => window.removeEventListener('mouseup', stop);
  }, []);

  return useMemo<RowActions>(
    () => ({
      cellId,
      cellName: (p) => latest.current.cells.cellName(p),
      onCellMouseDown: (e: MouseEvent, p) => {
        // Clicks in the open editor place its caret; they are not a move to another cell.
        if (e.button !== 0 || e.target instanceof HTMLInputElement) return;
        e.preventDefault();
        const { editing, selection } = latest.current;
        if (!editing.commit()) return;
        selection.moveTo(p, e.shiftKey);
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
}
