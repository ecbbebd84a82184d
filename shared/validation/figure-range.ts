import { formatViFigure } from '../numbers/vi-number';
import type { IndicatorKind } from '../catalog/indicator-kinds';
import { planLevelLabelsVi, type PlanLevel } from '../api/values-entities';

export interface RangeBreach {
  ruleId: 'negative-flow' | 'index-range' | 'ratio-range';
  message: string;
}

/**
 * A figure no indicator of its kind can hold, whatever else is stored: a flow below zero, an index outside
 * 20–500 (a misplaced dot or comma), a ratio outside 0–100%. The check and the import both ask this; the
 * period's words are made only for a breach, as the import asks for every one of a hundred thousand figures.
 */
export function rangeBreachOf(
  indicator: { kind: IndicatorKind; nameVi: string; decimals: number },
  value: number,
  periodLabel: () => string,
): RangeBreach | null {
  const shown = () => formatViFigure(value, indicator.decimals);
  if (indicator.kind === 'flow' && value < 0) {
    return {
      ruleId: 'negative-flow',
      message: `"${indicator.nameVi}" ${periodLabel()} là số âm (${shown()}): số liệu cộng dồn được không thể âm.`,
    };
  }
  if (indicator.kind === 'index' && (value < 20 || value > 500)) {
    return {
      ruleId: 'index-range',
      message: `Chỉ số "${indicator.nameVi}" bằng ${shown()}, ngoài khoảng hợp lý 20–500 (kiểm tra dấu chấm, dấu phẩy hoặc công thức).`,
    };
  }
  if (indicator.kind === 'ratio' && (value < 0 || value > 100)) {
    return { ruleId: 'ratio-range', message: `Tỷ lệ "${indicator.nameVi}" bằng ${shown()}%, ngoài khoảng 0–100%.` };
  }
  return null;
}

/** A plan figure named in a breach the way a period is: "kế hoạch giao năm 2023". */
export function planFigureLabelVi(level: PlanLevel, year: number): string {
  return `${planLevelLabelsVi[level].toLocaleLowerCase('vi')} năm ${year}`;
}
