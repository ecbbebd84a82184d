import { columnSizingFeature, metaHelper, tableFeatures, type RowData, type TableOptions } from '@tanstack/react-table';

/** What the editable grid needs to know about a column beyond its TanStack definition. */
export interface GridColumnMeta {
  /** Plain text naming the column in messages and for screen readers (the header itself may hold markup). */
  label: string;
  /** Figures are right-aligned so that their digits line up. */
  numeric?: boolean;
  /** The column takes input on rows that hold figures. */
  editable?: boolean;
  /** Why a column that takes no input takes none: what it is computed from, or where its figure is entered. */
  readOnlyReason?: string;
  /** Stays in view at the left while the grid scrolls sideways. */
  sticky?: boolean;
  /** Takes the width the window has to spare (at least its size), so long names show in full when they can. */
  grow?: boolean;
}

export const gridFeatures = tableFeatures({ columnSizingFeature, columnMeta: metaHelper<GridColumnMeta>() });
export type GridFeatures = typeof gridFeatures;
export type GridColumns<TRow extends RowData> = TableOptions<GridFeatures, TRow>['columns'];

/** One cell written by the clerk; the screen turns these into its own write operation. */
export interface CellEdit<TRow> {
  row: TRow;
  columnId: string;
  value: number | null;
}

export type WriteSource = 'typed' | 'pasted';

/** Height of a one-line row in pixels: compact, as a spreadsheet is, so that at 1366×768 twenty rows and more are in view. */
export const ROW_HEIGHT = 22;

/** Every figure a grid shows comes from these reads, so every write refreshes them all. */
export const figureQueryKeys = ['values.grid', 'plans.grid'] as const;

/**
 * Reads that sum the figures up (Kiểm tra's report, the header's count of open findings, the charts and the
 * report, and the marks of findings on the grid's cells). They are refreshed once the clerk pauses, so that
 * a run of quick edits does not queue a whole check in the backend ahead of every next save.
 */
export const summaryQueryKeys = ['validation.run', 'charts.indicator', 'charts.planShares', 'report.build'] as const;
export const summaryRefreshDelayMs = 400;
