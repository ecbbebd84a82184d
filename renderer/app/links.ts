import { screenHref } from './use-hash-param';

/** The hash choice naming the row Nhập liệu selects on opening: a link from a finding to its cell. */
export const focusRowParam = 'o';

/** Nhập liệu on a unit and period with one indicator's value cell selected. */
export function entryCellHref(unitId: number, periodKey: string, code: string): string {
  return screenHref('nhap-lieu', new URLSearchParams({ dv: String(unitId), ky: periodKey, [focusRowParam]: code }));
}

/** Kiểm tra on a unit and period. */
export function validationHref(unitId: number, periodKey: string): string {
  return screenHref('kiem-tra', new URLSearchParams({ dv: String(unitId), ky: periodKey }));
}
