import type { KeyboardEvent } from 'react';
import { useCallback } from 'react';
import type { CellPos, GridSize } from '../../shared/grid/cell-range';
import { editorKeyAction, gridKeyAction, type JumpTarget } from '../../shared/grid/key-actions';
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
  writes: UndoableWrites;
  /** Rows that fit in the view, for Page Up and Page Down. */
  rowsPerPage(): number;
}

/** Turns keys on the grid and in its editor into moves, edits, undo and redo (see shared/grid/key-actions). */
export function useGridKeyboard({ size, selection, editing, writes, rowsPerPage }: GridKeyboardOptions) {
  const onGridKeyDown = useCallback(
    (e: KeyboardEvent<HTMLElement>) => {
      // Keys typed in the open editor bubble up here; the editor has its own handler.
      if (e.target !== e.currentTarget || e.nativeEvent.isComposing) return;
      const action = gridKeyAction(e);
      if (action === null) return;
      const { active } = selection;
      switch (action.type) {
        case 'move': {
          // Tab past the last column lets the focus leave the grid rather than trap it.
          const leavesGrid = e.key === 'Tab' && (active.col + action.dCol < 0 || active.col + action.dCol >= size.cols);
          if (leavesGrid) return;
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
    [selection, size, editing, writes, rowsPerPage],
  );

  const onEditorKeyDown = useCallback(
    (e: KeyboardEvent<HTMLInputElement>) => {
      if (e.nativeEvent.isComposing || editing.editor === null) return;
      const action = editorKeyAction(e, editing.editor.mode);
      if (action === null) return;
      e.preventDefault();
      switch (action.type) {
        case 'commit':
          editing.commit({ dRow: action.dRow, dCol: action.dCol });
          break;
        case 'cancel':
          editing.cancel();
          break;
        case 'toggleMode':
          editing.toggleMode();
          break;
      }
    },
    [editing],
  );

  return { onGridKeyDown, onEditorKeyDown };
}
