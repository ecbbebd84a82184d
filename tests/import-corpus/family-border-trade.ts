import type { Figure } from '../support/workbooks';
import { month, ytd } from './periods';
import type { ColumnSpec, RowSpec } from './sheet-builder';
import { nameColumn, simpleCase, sttColumn, titleBlock, unitColumn } from './simple-case';
import type { CorpusCase } from './truth';

/**
 * Border trade (thương mại biên giới): the total of all border gates is the catalog's TMBG; each gate's line, and
 * the export and import parts of a gate or of the total, are nowhere in the catalog.
 */
interface BorderOptions {
  name: string;
  seed: number;
  year: number;
  month: number;
  unit: { text: string; factor: number };
  totalName: string;
  totalAtBottom?: boolean;
  unitColumn: boolean;
}

const gates = [
  'Cửa khẩu Quốc tế Hoa Lư',
  'Cửa khẩu chính Hoàng Diệu',
  'Cửa khẩu phụ Tân Tiến',
  'Cửa khẩu phụ Lộc Thịnh',
  'Lối mở Tà Vát',
];

function borderCase(o: BorderOptions): CorpusCase {
  const { year: y, month: m } = o;
  const columns: ColumnSpec[] = [
    sttColumn,
    nameColumn('Cửa khẩu'),
    ...(o.unitColumn ? [unitColumn()] : []),
    {
      id: 'prev',
      kind: 'data',
      heading: `Thực hiện tháng ${m - 1}/${y}`,
      target: { period: month(y, m - 1), status: 'actual' },
      scale: 0.97,
    },
    {
      id: 'est',
      kind: 'data',
      heading: `Ước thực hiện tháng ${m}/${y}`,
      target: { period: month(y, m), status: 'estimate' },
      scale: 1,
    },
    {
      id: 'cum',
      kind: 'data',
      heading: `Lũy kế ${m} tháng năm ${y}`,
      target: { period: ytd(y, m), status: 'estimate' },
      scale: m,
    },
    {
      id: 'same',
      kind: 'data',
      heading: `Cùng kỳ ${m} tháng năm ${y - 1}`,
      target: { period: ytd(y - 1, m), status: null },
      scale: m * 0.9,
    },
    { id: 'cmp', kind: 'data', heading: 'So sánh LK với cùng kỳ (%)', target: null, scale: 'pct' },
  ];
  const unit = o.unitColumn ? { unit: o.unit.text } : {};
  const total: RowSpec = {
    stt: o.totalAtBottom ? null : 'I',
    name: o.totalName,
    ...unit,
    land: { code: 'TMBG', factor: o.unit.factor },
    base: 31 / o.unit.factor,
  };
  const parts: RowSpec[] = [
    { stt: '-', name: 'Xuất khẩu', ...unit, base: 12 / o.unit.factor },
    { stt: '-', name: 'Nhập khẩu', ...unit, base: 19 / o.unit.factor },
  ];
  const gateRows: RowSpec[] = gates.flatMap((gate, i) => [
    { stt: i + 1, name: gate, ...unit, base: 6 / o.unit.factor },
    { stt: '-', name: 'Xuất khẩu', ...unit, base: 2.5 / o.unit.factor },
    { stt: '-', name: 'Nhập khẩu', ...unit, base: 3.5 / o.unit.factor },
  ]);
  const rows = o.totalAtBottom
    ? [...gateRows, total]
    : [total, ...parts, { stt: 'II', name: 'Chia theo cửa khẩu' }, ...gateRows];
  const above: Figure[][] = [
    ...titleBlock(columns.length),
    [],
    [`TÌNH HÌNH THƯƠNG MẠI QUA CÁC CỬA KHẨU BIÊN GIỚI THÁNG ${m} NĂM ${y}`],
    ...(o.unitColumn ? [] : [[null, null, null, null, `Đơn vị tính: ${o.unit.text}`]]),
    [],
  ];
  return simpleCase({
    family: 'border-trade',
    name: o.name,
    seed: o.seed,
    reportPeriod: month(y, m),
    sheets: [{ name: 'Biên giới', above, columns, rows }],
  });
}

export const borderTradeCases: CorpusCase[] = [
  borderCase({
    name: 'bien-gioi-2025-08.xlsx',
    seed: 301,
    year: 2025,
    month: 8,
    unit: { text: 'Triệu USD', factor: 1 },
    totalName: 'Tổng kim ngạch các cửa khẩu',
    unitColumn: true,
  }),
  borderCase({
    name: 'bien-gioi-2024-04-nghin-usd.xlsx',
    seed: 302,
    year: 2024,
    month: 4,
    unit: { text: 'Nghìn USD', factor: 0.001 },
    totalName: 'Tổng kim ngạch xuất nhập khẩu qua các cửa khẩu',
    unitColumn: false,
  }),
  borderCase({
    name: 'bien-gioi-2025-11-tong-cuoi.xlsx',
    seed: 303,
    year: 2025,
    month: 11,
    unit: { text: 'Tr.USD', factor: 1 },
    totalName: 'Tổng kim ngạch các cửa khẩu',
    totalAtBottom: true,
    unitColumn: true,
  }),
];
