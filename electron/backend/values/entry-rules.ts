import type { Indicator } from '../../../shared/api/entities';
import { AppError } from '../../../shared/api/errors';
import { parseViNumber } from '../../../shared/numbers/vi-number';
import { rangeBreachOf } from '../../../shared/validation/figure-range';

/** The indicator of one entry of a write, refused with a reason when no figure may be written to it. */
export function writableIndicator(catalog: ReadonlyMap<string, Indicator>, code: string): Indicator {
  const indicator = catalog.get(code);
  if (!indicator)
    throw new AppError('bad_input', `Không có chỉ tiêu mã ${code} trong danh mục.`, { code }, 'unknown indicator code');
  if (!indicator.active) {
    throw new AppError(
      'bad_input',
      `Chỉ tiêu ${code} đã ngừng dùng; không ghi số liệu mới.`,
      { code },
      'indicator is retired',
    );
  }
  if (indicator.kind === 'group') {
    throw new AppError(
      'bad_input',
      `${code} là nhóm chỉ tiêu, không có số liệu riêng.`,
      { code },
      'group rows hold no values',
    );
  }
  return indicator;
}

/** Numbers cross the door as numbers or as text in Vietnamese notation, read by the same rules as a cell. */
export function enteredNumber(code: string, value: number | string): number {
  if (typeof value === 'number') return value;
  const parsed = parseViNumber(value);
  if (!parsed.ok) {
    throw new AppError(
      'bad_input',
      `${code}: "${value}" không đọc được thành số. ${parsed.reason}`,
      { code, text: value },
      'unreadable number',
    );
  }
  return parsed.value;
}

/**
 * A figure its indicator's kind cannot hold (a negative flow, an index outside 20–500, a ratio outside 0–100%)
 * is refused at the door every write goes through, in the words the import and the check use, so that no
 * screen, paste or command can store one.
 */
export function refuseOutOfRange(indicator: Indicator, value: number, where: () => string): void {
  const breach = rangeBreachOf(indicator, value, where);
  if (!breach) return;
  throw new AppError(
    'bad_input',
    `${indicator.code}: ${breach.message} Không ghi số nào.`,
    { code: indicator.code, ruleId: breach.ruleId, value },
    `figure out of range (${breach.ruleId})`,
  );
}

export function refuseDuplicates(keys: string[], describe: (key: string) => string): void {
  const seen = new Set<string>();
  for (const key of keys) {
    if (seen.has(key))
      throw new AppError(
        'bad_input',
        `${describe(key)} xuất hiện hai lần trong cùng một lần ghi.`,
        { key },
        'duplicate entry',
      );
    seen.add(key);
  }
}
