import type { HeaderGroup, RowData } from '@tanstack/react-table';
import type { ReactNode, Ref } from 'react';
import type { GridFeatures } from './grid-features';
import { GridHeaderCell } from './GridHeaderCell';
import type { RowActions } from './GridRowView';

interface Props<TRow extends RowData> {
  headRef: Ref<HTMLTableSectionElement>;
  groups: readonly HeaderGroup<GridFeatures, TRow>[];
  stickyStyle: RowActions['stickyStyle'];
  renderHeader(header: HeaderGroup<GridFeatures, TRow>['headers'][number]): ReactNode;
}

/** The header rows of the grid; a header spanning two rows is drawn once, in the top one. */
export function GridHead<TRow extends RowData>({ headRef, groups, stickyStyle, renderHeader }: Props<TRow>) {
  return (
    <thead ref={headRef} role="rowgroup">
      {groups.map((group, i) => (
        <tr key={group.id} role="row" aria-rowindex={i + 1}>
          {group.headers
            .filter((h) => h.rowSpan > 0)
            .map((header) => (
              <GridHeaderCell<TRow> key={header.id} header={header} stickyStyle={stickyStyle(header.column.id, true)}>
                {renderHeader(header)}
              </GridHeaderCell>
            ))}
        </tr>
      ))}
    </thead>
  );
}
