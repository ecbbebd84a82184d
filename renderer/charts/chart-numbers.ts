import { cleanNumber, formatViFigure, formatViNumber } from '../../shared/numbers/vi-number';

/** An axis tick in Vietnamese notation with only the decimals it has (2,5 rather than 2,50; 1.500 rather than 1.500,0). */
export function axisNumber(x: number): string {
  const fraction = String(cleanNumber(x)).split('.')[1] ?? '';
  return formatViNumber(x, Math.min(fraction.length, 3));
}

/** A figure with the indicator's decimals (or its own, when more) and unit for a tooltip; a month without a figure says so. */
export function figureWithUnit(x: number | null | undefined, decimals: number, unit: string): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return 'chưa có số liệu';
  const figure = formatViFigure(x, decimals);
  return unit === '' ? figure : unit === '%' ? `${figure}%` : `${figure} ${unit}`;
}

type ChartDatum = number | string | Date | null | undefined;

/** What ECharts hands a value formatter: one datum, an array for a pair, or nothing. */
export type ChartValue = ChartDatum | ChartDatum[];

export function numberOf(value: ChartValue): number | null {
  const single = Array.isArray(value) ? value[value.length - 1] : value;
  if (single === null || single === undefined || single === '' || single === '-' || single instanceof Date) return null;
  const n = typeof single === 'number' ? single : Number(single);
  return Number.isFinite(n) ? n : null;
}

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Tooltips are HTML, and names come from the catalog the department edits. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => htmlEscapes[ch] ?? ch);
}
