import type { Severity } from './finding';

export interface BuiltinRule {
  id: string;
  severity: Severity;
  titleVi: string;
}

/** The built-in rules, in the order the Kiểm tra screen explains them. */
export const builtinRules = [
  { id: 'required-missing', severity: 'warning', titleVi: 'Chỉ tiêu cần báo cáo chưa có số liệu' },
  { id: 'negative-flow', severity: 'error', titleVi: 'Số liệu cộng dồn được mà âm' },
  { id: 'parent-sum', severity: 'error', titleVi: 'Chỉ tiêu cha khác tổng các chỉ tiêu con' },
  { id: 'ytd-decreasing', severity: 'error', titleVi: 'Lũy kế thấp hơn lũy kế tháng trước' },
  { id: 'ytd-below-month', severity: 'error', titleVi: 'Lũy kế nhỏ hơn số của một tháng trong kỳ' },
  { id: 'ytd-vs-months', severity: 'warning', titleVi: 'Lũy kế nhập trực tiếp khác tổng các tháng' },
  { id: 'copied-group', severity: 'warning', titleVi: 'Cả nhóm số liệu giống hệt cùng kỳ năm trước' },
  { id: 'same-period-band', severity: 'warning', titleVi: 'Thay đổi so với cùng kỳ vượt ngưỡng' },
  { id: 'outlier', severity: 'warning', titleVi: 'Số liệu bất thường so với lịch sử' },
  { id: 'index-range', severity: 'error', titleVi: 'Chỉ số nằm ngoài khoảng 20–500' },
  { id: 'ratio-range', severity: 'error', titleVi: 'Tỷ lệ nằm ngoài khoảng 0–100' },
  { id: 'stated-comparison', severity: 'warning', titleVi: 'Tỷ lệ ghi sẵn không khớp với số liệu' },
  { id: 'behind-schedule', severity: 'info', titleVi: 'Chậm so với tiến độ kế hoạch năm' },
  { id: 'estimate-not-replaced', severity: 'info', titleVi: 'Số ước tính chưa được thay bằng số thực hiện' },
] as const satisfies readonly BuiltinRule[];

export type BuiltinRuleId = (typeof builtinRules)[number]['id'];
