import type { ApiClient } from '../../shared/api/client';

export const benchIndicatorCount = 3000;

/** 30 groups of 99 flows under one parent each (3,000 rows in all), as a large provincial catalog would be. */
export async function createLargeCatalog(api: ApiClient): Promise<string[]> {
  const codes: string[] = [];
  for (let g = 0; g < 30; g++) {
    const parent = `NHOM_${g}`;
    await api.call('catalog.create', {
      code: parent,
      nameVi: `Nhóm chỉ tiêu thử ${g + 1}`,
      kind: 'flow',
      unit: 'tỷ đồng',
      decimals: 1,
      stt: String(g + 1),
    });
    codes.push(parent);
    for (let i = 0; i < 99; i++) {
      const code = `CT_${g}_${i}`;
      await api.call('catalog.create', {
        code,
        parentCode: parent,
        nameVi: `Chỉ tiêu thử số ${g * 100 + i + 1} bán lẻ hàng hóa`,
        kind: 'flow',
        unit: i % 2 === 0 ? 'tỷ đồng' : 'tấn',
        decimals: 1,
        stt: `${g + 1}.${i + 1}`,
      });
      codes.push(code);
    }
  }
  return codes;
}

/** A deterministic figure per indicator and month, with a seasonal swing, so rules have something to chew on. */
export function benchFigure(indexOfIndicator: number, year: number, month: number): number {
  const base = 100 + (indexOfIndicator % 97) * 3;
  return Math.round(base * (1 + (year - 2015) * 0.05) * (1 + 0.1 * Math.sin(month)) * 10) / 10;
}
