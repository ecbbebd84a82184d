import ExcelJS from 'exceljs';
import type { ApiClient } from '../../shared/api/client';
import type { Indicator } from '../../shared/api/entities';

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

/** The first `rows` flows of the bench catalog, as a workbook lists them (STT, name, unit). */
export async function benchCatalogRows(api: ApiClient, rows: number): Promise<Indicator[]> {
  const catalog = (await api.call('catalog.list', {}))
    .filter((i) => i.kind !== 'group' && i.code.startsWith('CT_'))
    .slice(0, rows);
  if (catalog.length < rows) throw new Error(`the bench catalog has ${catalog.length} indicators, not ${rows}`);
  return catalog;
}

/**
 * One sheet per year from `firstYear` of the given indicators × 12 month columns "Tháng 01/2006" …; with
 * `inMillions`, the indicators kept in tỷ đồng are written in triệu đồng, for the import to convert.
 */
export async function writeMonthlyWorkbook(
  file: string,
  catalog: readonly Pick<Indicator, 'stt' | 'nameVi' | 'unit'>[],
  { sheets, firstYear, inMillions = false }: { sheets: number; firstYear: number; inMillions?: boolean },
): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  for (let s = 0; s < sheets; s++) {
    const year = firstYear + s;
    const ws = wb.addWorksheet(`Năm ${year}`);
    ws.addRow([`SỐ LIỆU CÁC THÁNG NĂM ${year}`]).commit();
    ws.addRow([
      'STT',
      'Chỉ tiêu',
      'ĐVT',
      ...Array.from({ length: 12 }, (_, m) => `Tháng ${String(m + 1).padStart(2, '0')}/${year}`),
    ]).commit();
    catalog.forEach((indicator, i) => {
      const millions = inMillions && indicator.unit === 'tỷ đồng';
      const figures = Array.from({ length: 12 }, (_, m) => benchFigure(i, year, m + 1) * (millions ? 1000 : 1));
      ws.addRow([indicator.stt, indicator.nameVi, millions ? 'Triệu đồng' : indicator.unit, ...figures]).commit();
    });
    ws.commit();
  }
  await wb.commit();
  return sheets * catalog.length * 12;
}
