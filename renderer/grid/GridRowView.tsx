import type { Column, Row, RowData } from '@tanstack/react-table';
import {
  memo,
  type ClipboardEvent,
  type CSSProperties,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
} from 'react';
import type { CellPos } from '../../shared/grid/cell-range';
import { CellEditor } from './CellEditor';
import type { GridFeatures } from './grid-features';
import type { EditorState } from './use-grid-editing';

/** What a row needs from the grid to react to the mouse and the editor; the grid keeps these functions stable. */
export interface RowActions {
  cellId(p: CellPos): string;
  cellName(p: CellPos): string;
  onCellMouseDown(e: MouseEvent, p: CellPos): void;
  onCellMouseEnter(p: CellPos): void;
  onCellDoubleClick(e: MouseEvent, p: CellPos): void;
  onEditorChange(text: string): void;
  onEditorKeyDown(e: KeyboardEvent<HTMLInputElement>): void;
  onEditorBlur(): void;
  onEditorPaste(e: ClipboardEvent<HTMLInputElement>): void;
  stickyStyle(columnId: string, isHeader: boolean): CSSProperties | undefined;
}

interface Props<TRow extends RowData> {
  row: Row<GridFeatures, TRow>;
  index: number;
  ariaRowIndex: number;
  /** Passed so that the row redraws when the columns change (their headers follow the period). */
  columns: readonly Column<GridFeatures, TRow>[];
  className: string | undefined;
  editableRow: boolean;
  /** Column of the active cell when it is on this row, else -1. */
  activeCol: number;
  /** Selected columns of this row (left > right when the row is not selected). */
  selLeft: number;
  selRight: number;
  /** The open editor when it is on this row. */
  editor: EditorState | null;
  /** Texts being saved in this row, by column id. */
  pending: ReadonlyMap<string, string> | null;
  height: number;
  actions: RowActions;
  renderCell(cell: ReturnType<Row<GridFeatures, TRow>['getAllCells']>[number]): ReactNode;
}

/**
 * One row of the grid. Memoised on its own props, so that moving the active cell redraws the two rows
 * concerned and not every row in view: with thousands of rows this is what keeps a keystroke instant.
 */
function GridRowViewInner<TRow extends RowData>(props: Props<TRow>) {
  const { row, index, editor, pending, actions } = props;
  return (
    <tr
      role="row"
      aria-rowindex={props.ariaRowIndex}
      data-row-id={row.id}
      className={props.className}
      style={{ height: props.height }}
    >
      {row.getAllCells().map((cell, col) => {
        const p = { row: index, col };
        const meta = cell.column.columnDef.meta;
        const editable = props.editableRow && meta?.editable === true;
        const selected = col >= props.selLeft && col <= props.selRight;
        const isEditing = editor !== null && editor.columnId === cell.column.id;
        const pendingText = pending?.get(cell.column.id);
        const classes = [
          'grid-td',
          meta?.numeric ? 'is-numeric' : '',
          editable ? 'is-editable' : '',
          selected ? 'is-selected' : '',
          props.activeCol === col ? 'is-active' : '',
          isEditing ? 'is-editing' : '',
        ];
        return (
          <td
            key={cell.id}
            id={actions.cellId(p)}
            role="gridcell"
            aria-colindex={col + 1}
            aria-selected={selected}
            aria-readonly={editable ? undefined : true}
            data-column-id={cell.column.id}
            className={classes.join(' ')}
            style={actions.stickyStyle(cell.column.id, false)}
            onMouseDown={(e) => actions.onCellMouseDown(e, p)}
            onMouseEnter={() => actions.onCellMouseEnter(p)}
            onDoubleClick={(e) => actions.onCellDoubleClick(e, p)}
          >
            {isEditing && editor !== null ? (
              <CellEditor
                editor={editor}
                label={actions.cellName(p)}
                onChange={actions.onEditorChange}
                onKeyDown={actions.onEditorKeyDown}
                onBlur={actions.onEditorBlur}
                onPaste={actions.onEditorPaste}
              />
            ) : pendingText !== undefined ? (
              <span className="grid-pending" title="Đang lưu…">
                {pendingText}
              </span>
            ) : (
              props.renderCell(cell)
            )}
          </td>
        );
      })}
    </tr>
  );
}

export const GridRowView = memo(GridRowViewInner) as typeof GridRowViewInner;
