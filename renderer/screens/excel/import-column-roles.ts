import { periodLabelVi, type Period } from '../../../shared/periods/period';
import { resolvePeriodRef, sameRole, type ColumnRole, type PeriodRef } from '../../../shared/import/roles';

/**
 * What a clerk can say a column holds when its heading was not understood (or was understood wrongly).
 * Periods stay relative to the report period, as the backend remembers them for the next month's workbook.
 */
interface RoleChoice {
  key: string;
  label: string;
  role: ColumnRole;
}

function valueRole(at: PeriodRef, status: 'actual' | 'estimate' | null): ColumnRole {
  return { role: 'data', target: { kind: 'value', at }, status };
}

function periodHint(at: PeriodRef, report: Period | null): string {
  const period = report ? resolvePeriodRef(at, report) : null;
  return period ? ` (${periodLabelVi(period)})` : '';
}

export function columnRoleChoices(report: Period | null): RoleChoice[] {
  const value = (key: string, words: string, at: PeriodRef, status: 'actual' | 'estimate' | null): RoleChoice => ({
    key,
    label: `${words}${periodHint(at, report)}`,
    role: valueRole(at, status),
  });
  const nextYear = report ? ` (năm ${report.year + 1})` : '';
  const thisYear = report ? ` (năm ${report.year})` : '';
  return [
    value('report-actual', 'Thực hiện kỳ báo cáo', { anchor: 'report' }, 'actual'),
    value('report-estimate', 'Ước thực hiện kỳ báo cáo', { anchor: 'report' }, 'estimate'),
    value('previous', 'Thực hiện kỳ trước', { anchor: 'previous' }, 'actual'),
    value('same-period', 'Thực hiện cùng kỳ năm trước', { anchor: 'report', yearsBack: 1 }, 'actual'),
    value('ytd', 'Lũy kế từ đầu năm', { anchor: 'ytd' }, null),
    value('ytd-same-period', 'Lũy kế cùng kỳ năm trước', { anchor: 'ytd', yearsBack: 1 }, 'actual'),
    {
      key: 'plan',
      label: `Kế hoạch năm${thisYear}`,
      role: { role: 'data', target: { kind: 'plan', level: 'giao' }, status: null },
    },
    {
      key: 'plan-stretch',
      label: `Chỉ tiêu phấn đấu${thisYear}`,
      role: { role: 'data', target: { kind: 'plan', level: 'phan_dau' }, status: null },
    },
    {
      key: 'plan-next',
      label: `Kế hoạch năm sau${nextYear}`,
      role: { role: 'data', target: { kind: 'plan', level: 'giao', yearsAhead: 1 }, status: null },
    },
    { key: 'name', label: 'Tên chỉ tiêu', role: { role: 'name' } },
    { key: 'unit', label: 'Đơn vị tính', role: { role: 'unit' } },
    { key: 'code', label: 'Mã chỉ tiêu', role: { role: 'code' } },
    { key: 'stt', label: 'Số thứ tự', role: { role: 'stt' } },
    { key: 'note', label: 'Ghi chú', role: { role: 'note' } },
    { key: 'ignore', label: 'Không nhập cột này', role: { role: 'ignore' } },
  ];
}

/** The choice that means the same as a role the backend gave, if the list has one. */
export function choiceKeyOf(choices: readonly RoleChoice[], role: ColumnRole | null): string | undefined {
  if (role === null) return undefined;
  return choices.find((c) => sameRole(c.role, role))?.key;
}
