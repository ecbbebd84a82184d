import type { CellReading } from '../../../shared/spreadsheet/cell-reading';
import type { NumberStyle } from './number-styles';

/** A cell as the sheet's XML holds it. */
export interface RawCell {
  /** The `t` attribute: s (shared string), str, inlineStr, n, b, e, d; null for a number. */
  type: string | null;
  /** The `s` attribute: the index of its style. */
  style: number;
  /** The text of its <v>, or of its <is> for an inline string; null when it has neither. */
  value: string | null;
  /** The text of its <f>; "" for a cell that shares a formula written in another cell; null without one. */
  formula: string | null;
}

export interface CellContext {
  sharedStrings: readonly string[];
  numberStyles: readonly NumberStyle[];
  date1904: boolean;
}

/** An Excel serial date as YYYY-MM-DD (day 25569 is 1970-01-01; 1904-based workbooks count 1462 days less). */
function serialDate(serial: number, date1904: boolean): string {
  const days = serial - 25569 + (date1904 ? 1462 : 0);
  const date = new Date(Math.round(days * 86_400_000));
  return Number.isNaN(date.getTime()) ? String(serial) : date.toISOString().slice(0, 10);
}

/** A number as its style shows it: a date, a percentage, or the number itself; `formula` when it is a formula's result. */
function numberCell(number: number, style: number, ctx: CellContext, formula?: string): CellReading {
  const shownAs = Number.isFinite(number) ? ctx.numberStyles[style] : undefined;
  if (shownAs === 'date') return { t: 'd', v: serialDate(number, ctx.date1904) };
  const cell: CellReading = shownAs === 'percent' ? { t: 'n', v: number, percent: true } : { t: 'n', v: number };
  if (formula !== undefined) cell.formula = formula;
  return cell;
}

/**
 * The one place a workbook cell is read: a number, a shared or inline string (rich text as its plain text), a
 * formula with its cached result or without one, an error, a boolean or a date becomes a CellReading, which the
 * rest of the program reads as it needs. Undefined for an empty cell.
 */
export function readCell(cell: RawCell, ctx: CellContext): CellReading | undefined {
  const { type, value } = cell;
  if (cell.formula !== null) {
    const formula = cell.formula === '' ? '…' : cell.formula;
    if (value === null) return { t: 'f', formula };
    switch (type) {
      case 'str':
      case 'inlineStr':
        return { t: 's', v: value, formula };
      case 'b':
        return { t: 'b', v: value.trim() !== '0', formula };
      case 'e':
        return { t: 'e', v: value, formula };
      default: {
        if (value.trim() === '') return { t: 'f', formula };
        return numberCell(Number(value), cell.style, ctx, formula);
      }
    }
  }
  if (value === null) return undefined;
  switch (type) {
    case 's': {
      const text = ctx.sharedStrings[Number(value)];
      return text === undefined || text === '' ? undefined : { t: 's', v: text };
    }
    case 'str':
    case 'inlineStr':
      return value === '' ? undefined : { t: 's', v: value };
    case 'b':
      return { t: 'b', v: value.trim() !== '0' };
    case 'e':
      return { t: 'e', v: value };
    case 'd':
      return { t: 'd', v: value.slice(0, 10) };
    default: {
      if (value.trim() === '') return undefined;
      return numberCell(Number(value), cell.style, ctx);
    }
  }
}
