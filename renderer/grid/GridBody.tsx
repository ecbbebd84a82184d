import type { Cell, Column, Row, RowData } from '@tanstack/react-table';
import type { VirtualItem } from '@tanstack/react-virtual';
import type { ReactNode } from 'react';
import type { CellPos, CellRange } from '../../shared/grid/cell-range';
import type { GridFeatures } from './grid-features';
import { GridRowView, type RowActions } from './GridRowView';
import type { EditorState } from './use-grid-editing';

interface Props<TRow extends RowData> {
  rows: readonly Row<GridFeatures, TRow>[];
  columns: readonly Column<GridFeatures, TRow>[];
  /** The rows in view, and the height of those above and below them. */
  items: readonly VirtualItem[];
  padTop: number;
  padBottom: number;
  headerRowCount: number;
  active: CellPos;
  range: CellRange;
  editor: EditorState | null;
  pendingByRow: ReadonlyMap<string, ReadonlyMap<string, string>>;
  actions: RowActions;
  renderCell(cell: Cell<GridFeatures, TRow, unknown>): ReactNode;
  rowClassName: ((row: TRow) => string) | undefined;
  isRowEditable(row: TRow): boolean;
  /** Shown as the only row when there is none (and none is loading). */
  emptyText: string | null;
}

/** The rows in view, padded above and below for the rows out of view, or the empty text. */
export function GridBody<TRow extends RowData>(props: Props<TRow>) {
  const { rows, items, range, active, editor, headerRowCount } = props;
  return (
    <tbody role="rowgroup">
      {props.padTop > 0 ? <tr aria-hidden="true" style={{ height: props.padTop }} /> : null}
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
            columns={props.columns}
            className={props.rowClassName?.(row.original)}
            editableRow={props.isRowEditable(row.original)}
            activeCol={item.index === active.row ? active.col : -1}
            selLeft={inRange ? range.left : 0}
            selRight={inRange ? range.right : -1}
            editor={editor !== null && editor.rowId === row.id ? editor : null}
            pending={props.pendingByRow.get(row.id) ?? null}
            height={item.size}
            actions={props.actions}
            renderCell={props.renderCell}
          />
        );
      })}
      {props.padBottom > 0 ? <tr aria-hidden="true" style={{ height: props.padBottom }} /> : null}
      {props.emptyText !== null ? (
        <tr role="row">
          <td role="gridcell" className="grid-empty" colSpan={props.columns.length}>
            {props.emptyText}
          </td>
        </tr>
      ) : null}
    </tbody>
  );
}
