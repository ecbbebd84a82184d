import type { KeyboardEvent } from 'react';
import { useCallback } from 'react';
import type { CellPos, GridSize } from '../../shared/grid/cell-range';
import { editorKeyAction, gridKeyAction, tabColumn, type JumpTarget } from '../../shared/grid/key-actions';
import type { GridEditing } from './use-grid-editing';
import type { GridSelection } from './use-grid-selection';
import type { UndoableWrites } from './use-undoable-writes';

function jumpTarget(to: JumpTarget, from: CellPos, size: GridSize): CellPos {
  switch (to) {
    case 'rowStart':
      return { row: from.row, col: 0 };
    case 'rowEnd':
      return { row: from.row, col: size.cols - 1 };
    case 'top':
      return { row: 0, col: from.col };
    case 'bottom':
      return { row: size.rows - 1, col: from.col };
    case 'first':
      return { row: 0, col: 0 };
    case 'last':
      return { row: size.rows - 1, col: size.cols - 1 };
  }
}

interface GridKeyboardOptions {
  size: GridSize;
  selection: GridSelection;
  editing: GridEditing;
  /** Indexes of the columns that take input: Tab and Shift+Tab go from one to the next. */
  inputColumns: readonly number[];
  writes: UndoableWrites;
  /** Rows that fit in the view, for Page Up and Page Down. */
  rowsPerPage(): number;
}

/** Turns keys on the grid and in its editor into moves, edits, undo and redo (see shared/grid/key-actions). */
export function useGridKeyboard({ size, selection, editing, inputColumns, writes, rowsPerPage }: GridKeyboardOptions) {
  const onGridKeyDown = useCallback(
    (e: KeyboardEvent<HTMLElement>) => {
      // Keys typed in the open editor bubble up here; the editor has its own handler.
      if (e.target !== e.currentTarget || e.nativeEvent.isComposing) return;
      const action = gridKeyAction(e);
      if (action === null) return;
      const { active } = selection;
      switch (action.type) {
        case 'move': {
          if (e.key === 'Tab') {
            // Tab past the last column taking input lets the focus leave the grid rather than trap it.
            const col = tabColumn(inputColumns, active.col, e.shiftKey ? -1 : 1);
            if (col === null) return;
            selection.moveTo({ row: active.row, col }, false);
            break;
          }
          selection.moveTo({ row: active.row + action.dRow, col: active.col + action.dCol }, action.extend);
          break;
        }
        case 'jump':
          selection.moveTo(jumpTarget(action.to, active, size), action.extend);
          break;
        case 'page':
          selection.moveTo({ row: active.row + action.direction * rowsPerPage(), col: active.col }, action.extend);
          break;
        case 'edit':
          editing.startEdit(action.text, action.text === null ? 'edit' : 'enter');
          break;
        case 'clear':
          editing.clearSelection();
          break;
        case 'undo':
          writes.undo();
          break;
        case 'redo':
          writes.redo();
          break;
        case 'selectAll':
          selection.selectAll();
          break;
        case 'collapse':
          selection.collapse();
          break;
      }
      e.preventDefault();
    },
    [selection, size, editing, inputColumns, writes, rowsPerPage],
  );

  const onEditorKeyDown = useCallback(
    (e: KeyboardEvent<HTMLInputElement>) => {
      if (e.nativeEvent.isComposing || editing.editor === null) return;
      const action = editorKeyAction(e, editing.editor.mode);
      if (action === null) return;
      e.preventDefault();
      switch (action.type) {
        case 'commit': {
          const { col } = selection.active;
          const tabbed = e.key === 'Tab' ? tabColumn(inputColumns, col, e.shiftKey ? -1 : 1) : null;
          editing.commit({ dRow: action.dRow, col: e.key === 'Tab' ? (tabbed ?? col) : col + action.dCol });
          break;
        }
        case 'cancel':
          editing.cancel();
          break;
        case 'toggleMode':
          editing.toggleMode();
          break;
      }
    },
    [editing, selection.active, inputColumns],
  );

  return { onGridKeyDown, onEditorKeyDown };
}
