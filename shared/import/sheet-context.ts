/** What planning a sheet is given besides its cells: the report period, the catalog, the clerk's choices, the stored figures. */
import type { ValueStatus } from '../api/values-entities';
import type { Period } from '../periods/period';
import type { IndicatorMatcher } from './match';
import type { ColumnRole, ResolvedTarget } from './roles';

export interface StoredFigure {
  value: number;
  status: ValueStatus | null;
  comment: string | null;
}

/** Mappings remembered for a layout: columns by letter, rows by their key (see rowKey). */
export interface RememberedLayout {
  columns: Record<string, ColumnRole>;
  rows: Record<string, string | null>;
}

export interface SheetContext {
  report: Period;
  today: Date;
  matcher: IndicatorMatcher;
  acceptSuggestions: boolean;
  /** Rows mapped by hand in this session: row number → code (null: do not import). */
  manualRows: ReadonlyMap<number, string | null>;
  /** Columns mapped by hand in this session, by letter. */
  manualColumns: ReadonlyMap<string, ColumnRole>;
  remembered: RememberedLayout | null;
  /** The figure stored now for an indicator and target (entered, never derived). */
  current(code: string, target: ResolvedTarget): StoredFigure | null;
  /** For checking stated percentages: the figure stored or following from its parts (months, children). */
  figure(code: string, period: Period): number | null;
}
