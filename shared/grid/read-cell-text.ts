import { parseViNumber } from '../numbers/vi-number';

export type CellTextResult = { ok: true; value: number | null } | { ok: false; reason: string };

/** What a typed or pasted cell means: a blank cell clears the figure, anything else must be a Vietnamese number. */
export function readCellText(text: string): CellTextResult {
  if (text.trim() === '') return { ok: true, value: null };
  const parsed = parseViNumber(text);
  return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, reason: parsed.reason };
}
