import type { Row, RowData } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, type RefObject } from 'react';
import { ROW_HEIGHT, type GridFeatures } from './grid-features';

interface Options<TRow extends RowData> {
  rows: readonly Row<GridFeatures, TRow>[];
  scrollRef: RefObject<HTMLDivElement | null>;
  headHeight: number;
  rowHeight: ((row: TRow) => number) | undefined;
}

/**
 * The rows in view of the grid's scroll, sized by the grid (never measured), below its sticky header; and how many
 * rows a page is, for PageUp and PageDown.
 */
export function useGridRowsInView<TRow extends RowData>({ rows, scrollRef, headHeight, rowHeight }: Options<TRow>) {
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => {
      const row = rows[index];
      return row === undefined || rowHeight === undefined ? ROW_HEIGHT : rowHeight(row.original);
    },
    getItemKey: (index) => rows[index]?.id ?? index,
    overscan: 12,
    scrollMargin: headHeight,
    // The sticky header covers the top of the view: a row scrolled to lands below it.
    scrollPaddingStart: headHeight,
  });
  const items = virtualizer.getVirtualItems();
  const firstItem = items[0];
  const lastItem = items[items.length - 1];
  const padTop = firstItem === undefined ? 0 : firstItem.start - headHeight;
  const padBottom = lastItem === undefined ? 0 : virtualizer.getTotalSize() - (lastItem.end - headHeight);
  const rowsPerPage = useCallback(
    () => Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? 0) - headHeight) / ROW_HEIGHT) - 1),
    [headHeight, scrollRef],
  );
  return { virtualizer, items, padTop, padBottom, rowsPerPage };
}
