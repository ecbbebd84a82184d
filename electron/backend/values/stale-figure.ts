import type { StoredValue } from '../../../db/access/values';
import type { Indicator } from '../../../shared/api/entities';
import { AppError } from '../../../shared/api/errors';
import { formatViFigure } from '../../../shared/numbers/vi-number';
import { formatViDateTime } from '../../../shared/text/date-time';

/** Whether the stored figure is still the one the clerk saw when typing over it. */
export function stillAsSeen(current: StoredValue | undefined, seen: number | null): boolean {
  return (current?.value ?? null) === seen;
}

/**
 * Someone else changed the figure after the clerk's screen showed it: writing now would silently replace their
 * figure, so the save is refused with who, when and what, and the clerk decides with both figures in view.
 */
export function staleFigureRefusal(
  indicator: Indicator,
  periodLabel: string,
  seen: number | null,
  current: StoredValue | undefined,
): AppError {
  const shown = (x: number | null) => (x === null ? 'ô trống' : formatViFigure(x, indicator.decimals));
  const meanwhile =
    current === undefined
      ? 'đã bị xóa ở nơi khác'
      : `đã được ${current.updatedBy} sửa thành ${shown(current.value)} lúc ${formatViDateTime(current.updatedAt)}`;
  return new AppError(
    'conflict',
    `${indicator.nameVi} (${indicator.code}), ${periodLabel}: trong lúc bạn nhập, số liệu ${meanwhile} ` +
      `(bạn đã thấy ${shown(seen)}). Số của bạn chưa được ghi; hãy xem số mới rồi nhập lại nếu vẫn muốn thay.`,
    {
      code: indicator.code,
      seen,
      current: current?.value ?? null,
      by: current?.updatedBy ?? null,
      at: current?.updatedAt ?? null,
    },
    'figure changed by someone else since the clerk saw it',
  );
}
