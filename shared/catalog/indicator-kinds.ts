export const indicatorKinds = ['flow', 'index', 'ratio', 'group'] as const;
export type IndicatorKind = (typeof indicatorKinds)[number];

export const indicatorKindLabelsVi: Record<IndicatorKind, string> = {
  flow: 'Số lượng (cộng dồn được)',
  index: 'Chỉ số so với cùng kỳ (%)',
  ratio: 'Tỷ lệ (%)',
  group: 'Nhóm (không có số liệu)',
};

export const indicatorKindShortLabelsVi: Record<IndicatorKind, string> = {
  flow: 'Cộng dồn',
  index: 'Chỉ số',
  ratio: 'Tỷ lệ',
  group: 'Nhóm',
};

export function holdsValues(kind: IndicatorKind): boolean {
  return kind !== 'group';
}
