import type { Virtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type RefObject } from 'react';
import type { CellPos } from '../../shared/grid/cell-range';
import type { GridSelection } from './use-grid-selection';

interface Options {
  scrollRef: RefObject<HTMLDivElement | null>;
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  rowCount: number;
  rowIds: readonly string[];
  selection: GridSelection;
  cellId(p: CellPos): string;
  startCol: number;
  focusGrid(): void;
  /** A row to select (on its first editable cell) and scroll to; onRowFocused tells that it was taken. */
  focusRowId: string | null | undefined;
  onRowFocused: (() => void) | undefined;
}

/**
 * Keeps the active cell in view: after a move (far jumps first bring its row into the rendered window), when a
 * panel below shortens the grid, and for a row asked for from outside, which lands mid-view with the rows around it.
 */
export function useActiveCellInView({
  scrollRef,
  virtualizer,
  rowCount,
  rowIds,
  selection,
  cellId,
  startCol,
  focusGrid,
  focusRowId,
  onRowFocused,
}: Options) {
  const { active, moveTo } = selection;
  const centerNextMove = useRef(false);

  useEffect(() => {
    const center = centerNextMove.current;
    centerNextMove.current = false;
    const el = document.getElementById(cellId(active));
    if (el !== null) el.scrollIntoView({ block: center ? 'center' : 'nearest', inline: 'nearest' });
    // Before the view is measured (a screen just opened) every row looks out of view: scrolling then would hide
    // the first rows under the header.
    else if (rowCount > 0 && virtualizer.getVirtualItems().length > 0)
      virtualizer.scrollToIndex(active.row, { align: center ? 'center' : 'auto' });
    // Only a move of the active cell scrolls: a refresh of the figures must leave the view where the clerk put it.
  }, [active.row, active.col]);

  const activeCellId = useRef(cellId(active));
  activeCellId.current = cellId(active);
  useEffect(() => {
    const scroller = scrollRef.current;
    if (scroller === null) return;
    let height = scroller.clientHeight;
    const observer = new ResizeObserver(() => {
      if (scroller.clientHeight >= height) {
        height = scroller.clientHeight;
        return;
      }
      height = scroller.clientHeight;
      document.getElementById(activeCellId.current)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    });
    observer.observe(scroller);
    return () => observer.disconnect();
  }, [scrollRef]);

  useEffect(() => {
    if (focusRowId === null || focusRowId === undefined) return;
    const index = rowIds.indexOf(focusRowId);
    if (index >= 0) {
      // The scroll follows a move of the active cell only: there is none when the row is already the active one.
      centerNextMove.current = index !== active.row || startCol !== active.col;
      moveTo({ row: index, col: startCol }, false);
      focusGrid();
    }
    onRowFocused?.();
    // Taken once when asked for: the clerk's own moves afterwards must not bring the row back.
  }, [focusRowId, onRowFocused, rowIds, moveTo, startCol, focusGrid]);
}
