import type { Header, RowData } from '@tanstack/react-table';
import type { CSSProperties, ReactNode } from 'react';
import type { GridFeatures } from './grid-features';

interface Props<TRow extends RowData> {
  header: Header<GridFeatures, TRow, unknown>;
  stickyStyle: CSSProperties | undefined;
  children: ReactNode;
}

/** A header cell; a leaf column's header may sit in the top row, spanning both rows: it is still that column's header. */
export function GridHeaderCell<TRow extends RowData>({ header, stickyStyle, children }: Props<TRow>) {
  const meta = header.column.columnDef.meta;
  const isLeaf = header.column.columns.length === 0;
  const classes = [
    'grid-th',
    isLeaf && meta?.numeric ? 'is-numeric' : '',
    isLeaf && meta?.editable ? 'is-editable' : '',
  ];
  return (
    <th
      role="columnheader"
      colSpan={header.colSpan}
      rowSpan={header.rowSpan}
      className={classes.join(' ')}
      style={isLeaf ? stickyStyle : undefined}
      title={isLeaf && meta?.editable !== true ? meta?.readOnlyReason : undefined}
    >
      {children}
    </th>
  );
}
