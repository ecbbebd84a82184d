import { AppError } from '../../../shared/api/errors';
import { targetKey } from '../../../shared/import/roles';
import { targetLabel } from '../../../shared/import/target-periods';
import { formatViNumber, ownDecimals } from '../../../shared/numbers/vi-number';
import type { BuiltPreview } from './preview';

const shownAtMost = 5;

/** What each figure of a preview found stored, by unit, indicator and target. */
function storedFiguresOf(built: BuiltPreview): Map<string, number | null> {
  const stored = new Map<string, number | null>();
  for (const file of built.files) {
    if (file.unitId === null) continue;
    for (const sheet of file.sheets) {
      const values = sheet.preview.values;
      for (let i = 0; i < values.length; i++)
        stored.set(`${file.unitId}|${values.codeAt(i)}|${targetKey(values.targetAt(i))}`, values.currentValueAt(i));
    }
  }
  return stored;
}

const shown = (x: number | null) => (x === null ? 'trống' : formatViNumber(x, ownDecimals(x)));

/**
 * Figures stored now that differ from what the preview the clerk confirmed showed: someone saved them after the
 * preview was made, so the import would now replace a figure the clerk never saw, or keep one the preview said
 * it would replace. Refused with the figures named, so that the clerk looks at the preview again.
 */
export function refuseChangesSincePreview(confirmed: BuiltPreview, now: BuiltPreview): void {
  const before = storedFiguresOf(confirmed);
  const changed: string[] = [];
  for (const file of now.files) {
    if (file.unitId === null) continue;
    for (const sheet of file.sheets) {
      const values = sheet.preview.values;
      for (let i = 0; i < values.length; i++) {
        const key = `${file.unitId}|${values.codeAt(i)}|${targetKey(values.targetAt(i))}`;
        // A figure the confirmed preview did not hold (other choices since) is not for this check to judge.
        if (!before.has(key)) continue;
        const was = before.get(key) ?? null;
        const is = values.currentValueAt(i);
        if (was !== is)
          changed.push(
            `${values.codeAt(i)} ${targetLabel(values.targetAt(i))}: nay là ${shown(is)} (bản xem trước: ${shown(was)})`,
          );
      }
    }
  }
  if (changed.length === 0) return;
  const listed = changed.slice(0, shownAtMost).join('; ');
  const more = changed.length > shownAtMost ? ` và ${changed.length - shownAtMost} số liệu khác` : '';
  throw new AppError(
    'conflict',
    `Chưa nhập gì: từ lúc xem trước, ${changed.length} số liệu của tệp đã được sửa ở nơi khác (${listed}${more}). ` +
      'Hãy xem lại bản xem trước rồi nhập lại.',
    { changed: changed.length },
    'figures changed since the preview the clerk confirmed',
  );
}
