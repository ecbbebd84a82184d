import type { CellValue } from 'exceljs';
import type { CellReading } from '../../../shared/import/cells';

function resultReading(result: unknown, formula: string): CellReading {
  if (result === undefined || result === null || result === '') return formula === '' ? { t: 's', v: '' } : { t: 'f', formula };
  if (typeof result === 'number') return { t: 'n', v: result, formula };
  if (typeof result === 'string') return { t: 's', v: result, formula };
  if (typeof result === 'boolean') return { t: 'b', v: result, formula };
  if (result instanceof Date) return { t: 'd', v: result.toISOString().slice(0, 10) };
  if (typeof result === 'object' && 'error' in result) return { t: 'e', v: String((result as { error: unknown }).error), formula };
  return { t: 's', v: String(result), formula };
}

function richTextOf(value: { richText: { text: string }[] }): string {
  return value.richText.map((r) => r.text ?? '').join('');
}

/**
 * The one place a workbook cell is read: exceljs's value (number, text, rich text, hyperlink, formula with or
 * without its cached result, error, date, boolean) becomes a CellReading, which the rest of the import reads by
 * the rules of shared/import/cells.ts. Undefined for an empty cell.
 */
export function readCell(cell: { value: CellValue; model?: unknown }): CellReading | undefined {
  const value = cell.value;
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') return { t: 'n', v: value };
  if (typeof value === 'string') return value === '' ? undefined : { t: 's', v: value };
  if (typeof value === 'boolean') return { t: 'b', v: value };
  if (value instanceof Date) return { t: 'd', v: value.toISOString().slice(0, 10) };
  if (typeof value !== 'object') return { t: 's', v: String(value) };
  if ('richText' in value && Array.isArray(value.richText)) return { t: 's', v: richTextOf(value) };
  if ('formula' in value || 'sharedFormula' in value) {
    const formula = String(('formula' in value ? value.formula : undefined) ?? ('sharedFormula' in value ? value.sharedFormula : '') ?? '');
    const result = (value as { result?: unknown }).result;
    // The streaming reader turns a cached error (t="e") into NaN, which the value then leaves out.
    const cached = (cell.model as { result?: unknown } | undefined)?.result;
    if (result === undefined && typeof cached === 'number' && Number.isNaN(cached)) return { t: 'e', v: '', formula: formula === '' ? '…' : formula };
    return resultReading(result, formula === '' ? '…' : formula);
  }
  if ('error' in value) return { t: 'e', v: String(value.error) };
  if ('hyperlink' in value || 'text' in value) {
    const text = (value as { text?: unknown }).text;
    if (typeof text === 'string') return { t: 's', v: text };
    if (text && typeof text === 'object' && 'richText' in text) return { t: 's', v: richTextOf(text as { richText: { text: string }[] }) };
    return { t: 's', v: String((value as { hyperlink?: unknown }).hyperlink ?? '') };
  }
  return { t: 's', v: JSON.stringify(value) };
}
