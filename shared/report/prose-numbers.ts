import { figureDecimals, formatViNumber, roundDecimal } from '../numbers/vi-number';

/**
 * A computed number (a change, a percentage) as prose writes it: rounded to the given decimals, in Vietnamese
 * notation, without the zeros a table pads with ("2.260", not "2.260,0"; "14.659,9").
 */
export function numberInProse(x: number, decimals: number): string {
  const text = formatViNumber(x, decimals);
  return text.includes(',') ? text.replace(/,?0+$/, '') : text;
}

/**
 * A stored figure as prose writes it: never rounded, so a figure typed with more decimals than its indicator
 * reads as typed (14.659,9 of an indicator kept with 0 decimals), the way the workbook's cell shows it.
 */
export function figureInProse(x: number, decimals: number): string {
  return numberInProse(x, figureDecimals(x, decimals));
}

/** Comparisons are computed to one decimal (shared/figures/grid-rows.ts), and prose prints that figure. */
export const percentDecimals = 1;

export type ChangeWord = 'tăng' | 'giảm' | 'tương đương';

export interface Change {
  word: ChangeWord;
  /** The size of the change in percent, never negative; 0 for "tương đương". */
  amount: number;
  /** "tăng 98,9%", "giảm 3,2%", "tương đương". */
  phrase: string;
}

/**
 * The change an index describes ("198,9" against the same period: "tăng 98,9%"), at the index's own decimals:
 * an index that rounds to 100 is "tương đương", as a reader of the table would say.
 */
export function changeOfIndex(index: number, decimals: number): Change {
  const delta = roundDecimal(roundDecimal(index, decimals) - 100, decimals);
  if (delta === 0) return { word: 'tương đương', amount: 0, phrase: 'tương đương' };
  const word: ChangeWord = delta > 0 ? 'tăng' : 'giảm';
  const amount = Math.abs(delta);
  return { word, amount, phrase: `${word} ${numberInProse(amount, decimals)}%` };
}
