import type { Figure } from '../support/workbooks';
import { month, year as wholeYear, ytd } from './periods';
import type { ColumnSpec, RowSpec } from './sheet-builder';
import { nameColumn, simpleCase, sttColumn, unitColumn } from './simple-case';
import { planKey, type CorpusCase } from './truth';

/**
 * The department's own template filled by a commune: "Đơn vị báo cáo: Xã …" in a cell of the title block names
 * the unit (created beforehand, as the clerk does on the Đơn vị báo cáo screen); headings relative to the report
 * period ("tháng trước", "tháng báo cáo", "từ đầu năm") and the period in the title.
 */
interface CommuneOptions {
  name: string;
  seed: number;
  year: number;
  month: number;
  commune: string;
  code: string;
  money: { text: string; factor: number };
  titleRow: 4 | 6;
  unitCellRight?: boolean;
}

function communeCase(o: CommuneOptions): CorpusCase {
  const { year: y, month: m } = o;
  const columns: ColumnSpec[] = [
    sttColumn,
    nameColumn('Chỉ tiêu'),
    unitColumn('Đơn vị tính'),
    { id: 'plan', kind: 'data', heading: `Kế hoạch năm ${y}`, target: { plan: planKey(y) }, scale: 12.5 },
    {
      id: 'prev',
      kind: 'data',
      heading: 'Thực hiện tháng trước',
      target: { period: month(y, m - 1), status: 'actual' },
      scale: 0.97,
    },
    {
      id: 'est',
      kind: 'data',
      heading: 'Ước thực hiện tháng báo cáo',
      target: { period: month(y, m), status: 'estimate' },
      scale: 1,
    },
    ...(m === 12
      ? ([
          {
            id: 'year',
            kind: 'data',
            heading: 'Ước thực hiện cả năm',
            target: { period: wholeYear(y), status: 'estimate' },
            scale: 12,
          },
          {
            id: 'lastyear',
            kind: 'data',
            heading: 'Thực hiện năm trước',
            target: { period: wholeYear(y - 1), status: 'actual' },
            scale: 11,
          },
        ] as ColumnSpec[])
      : ([
          {
            id: 'cum',
            kind: 'data',
            heading: 'Lũy kế từ đầu năm',
            target: { period: ytd(y, m), status: 'estimate' },
            scale: m,
          },
          {
            id: 'same',
            kind: 'data',
            heading: 'Cùng kỳ tháng báo cáo năm trước',
            target: { period: month(y - 1, m), status: null },
            scale: 0.92,
          },
        ] as ColumnSpec[])),
    { id: 'cmp', kind: 'data', heading: 'So sánh với cùng kỳ (%)', target: null, scale: 'pct' },
  ];
  const money = (code: string, monthly: number) => ({
    unit: o.money.text,
    land: { code, factor: o.money.factor },
    base: monthly / o.money.factor,
  });
  const rows: RowSpec[] = [
    { stt: 'I', name: 'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng', ...money('BLHH', 25) },
    { stt: '1', name: 'Doanh thu bán lẻ hàng hóa', ...money('BLHH_HH', 19.5) },
    { stt: '2', name: 'Doanh thu dịch vụ lưu trú, ăn uống', ...money('BLHH_LTAU', 3.1) },
    { stt: '3', name: 'Doanh thu dịch vụ khác', ...money('BLHH_DVK', 2.4) },
    { stt: 'II', name: 'Sản phẩm công nghiệp chủ yếu' },
    { stt: '1', name: 'Hạt điều nhân', unit: 'Tấn', land: { code: 'SPCN_DIEU', factor: 1 }, base: 420 },
    { stt: '2', name: 'Gỗ cưa, xẻ các loại', unit: 'm3', land: { code: 'SPCN_GO', factor: 1 }, base: 610 },
    { stt: '3', name: 'Đá xây dựng khác', unit: 'm3', land: { code: 'SPCN_DA', factor: 1 }, base: 5200 },
    { stt: 'III', name: 'Chợ, cửa hàng xăng dầu' },
    { stt: '1', name: 'Số chợ trên địa bàn', unit: 'Chợ', base: 3, decimals: 0, only: ['prev', 'est'] },
    { stt: '2', name: 'Số cửa hàng xăng dầu', unit: 'Cửa hàng', base: 7, decimals: 0, only: ['plan'] },
  ];
  const unitCell = `Đơn vị báo cáo: ${o.commune}`;
  const upper = `UBND ${o.commune.toUpperCase()}`;
  const above: Figure[][] = [
    [upper, null, null, null, null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
    [null, null, null, null, null, null, 'Độc lập - Tự do - Hạnh phúc'],
    o.unitCellRight ? [null, null, null, null, null, null, unitCell] : [unitCell],
    ...(o.titleRow === 6 ? [[], []] : []),
    [`BÁO CÁO TÌNH HÌNH THƯƠNG MẠI, DỊCH VỤ VÀ SẢN XUẤT CÔNG NGHIỆP THÁNG ${m} NĂM ${y}`],
    [],
  ];
  return simpleCase({
    family: 'commune',
    name: o.name,
    seed: o.seed,
    reportPeriod: month(y, m),
    unit: { code: o.code, create: { name: o.commune, kind: 'commune' } },
    sheets: [{ name: 'Biểu 02', above, columns, rows, codeRow: o.seed % 2 === 0 }],
  });
}

export const communeCases: CorpusCase[] = [
  communeCase({
    name: 'xa-tan-loi-2025-08.xlsx',
    seed: 501,
    year: 2025,
    month: 8,
    commune: 'Xã Tân Lợi',
    code: 'XA_TANLOI',
    money: { text: 'Triệu đồng', factor: 0.001 },
    titleRow: 4,
  }),
  communeCase({
    name: 'xa-dong-tien-2025-08.xlsx',
    seed: 502,
    year: 2025,
    month: 8,
    commune: 'Xã Đồng Tiến',
    code: 'XA_DONGTIEN',
    money: { text: 'Tỷ đồng', factor: 1 },
    titleRow: 4,
  }),
  communeCase({
    name: 'xa-loc-hung-2024-12.xlsx',
    seed: 503,
    year: 2024,
    month: 12,
    commune: 'Xã Lộc Hưng',
    code: 'XA_LOCHUNG',
    money: { text: 'Triệu đồng', factor: 0.001 },
    titleRow: 6,
  }),
  communeCase({
    name: 'xa-thien-hung-2025-03.xlsx',
    seed: 504,
    year: 2025,
    month: 3,
    commune: 'Xã Thiện Hưng',
    code: 'XA_THIENHUNG',
    money: { text: 'Tr.đồng', factor: 0.001 },
    titleRow: 6,
    unitCellRight: true,
  }),
];
