import { formatViFigure, formatViNumber } from '../../../shared/numbers/vi-number';

/**
 * A figure as the report prints it, with the indicator's decimals or the more the figure itself has (a figure
 * is never shown rounded); a missing figure is a blank cell.
 */
export function showFigure(x: number | null | undefined, decimals: number): string {
  return x === null || x === undefined ? '' : formatViFigure(x, decimals);
}

/**
 * A comparison in the body of a table is an index with one decimal and no % sign (121,9), as in the
 * department's workbooks; the column header says "(%)".
 */
export function showIndex(x: number | null | undefined): string {
  return x === null || x === undefined ? '' : formatViNumber(x, 1);
}
