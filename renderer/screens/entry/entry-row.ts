import type { GridRow } from '../../../shared/api/values-entities';
import { showFigure } from '../common/figure-format';
import { ROW_HEIGHT } from '../../grid/grid-features';
import type { TreeIndicator } from '../common/use-catalog-tree';

/** One indicator of the catalog tree with its figures for the chosen unit and period (none for a group). */
export type EntryRow = TreeIndicator & { figures: GridRow | null };

export function holdsValues(row: EntryRow): boolean {
  return row.kind !== 'group';
}

export function hasFigures(row: EntryRow): boolean {
  return row.figures !== null && (row.figures.value !== null || row.figures.valueFromParts !== null);
}

export function hasFindings(row: EntryRow): boolean {
  return row.figures !== null && row.figures.findings.length > 0;
}

const partsOriginLabel = { months: 'theo tháng', children: 'theo dòng con' } as const;

/**
 * The figure that follows from the months or the children, when it differs from the one entered
 * ("theo tháng: 2.250,0"); null when there is nothing more to show.
 */
export function partsLine(row: EntryRow): string | null {
  const f = row.figures;
  if (f === null || f.partsOrigin === null) return null;
  const parts = showFigure(f.valueFromParts, row.decimals);
  return parts === '' || parts === showFigure(f.value, row.decimals)
    ? null
    : `${partsOriginLabel[f.partsOrigin]}: ${parts}`;
}

/** A row showing a parts line is two lines high; the grid sizes rows itself instead of measuring them. */
export function entryRowHeight(row: EntryRow): number {
  return partsLine(row) === null ? ROW_HEIGHT : ROW_HEIGHT + 14;
}
