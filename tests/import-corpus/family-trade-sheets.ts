import { join } from 'node:path';
import { writeWorkbook } from '../support/workbooks';
import { month, ytd } from './periods';
import {
  pick,
  seeded,
  SheetBuilder,
  titleBlock,
  type ColumnSpec,
  type DataColumn,
  type RowSpec,
} from './sheet-builder';
import { provinceUnit, type CorpusCase } from './truth';
import { catalogOf } from './vocabulary';

/**
 * Export and import situation sheets ("TÌNH HÌNH XUẤT KHẨU", "TÌNH HÌNH NHẬP KHẨU"): the total, the goods with
 * quantity and value columns side by side (units in the headings), then the main markets by country and the main
 * enterprises. A country's or an enterprise's line is never the province's; the catalog has export goods only.
 */
export interface TradeOptions {
  flow: 'export' | 'import';
  year: number;
  month: number;
  seed: number;
  /** Unit of the quantity columns and of the value columns, as the headings say. */
  qty: { text: string; factor: number } | null;
  value: { text: string; factor: number };
  /** The unit given once in a note above the table instead of in the headings. */
  unitNote?: boolean;
  twoRowHeader: boolean;
  /** Markets and enterprises under a header of their own instead of the goods' columns. */
  marketsOwnHeader?: boolean;
  /** Goods under each market ("Hoa Kỳ" then "- Hạt điều nhân"). */
  goodsUnderMarkets?: boolean;
  sheetName: string;
}

interface Good {
  name: string;
  qtyCode?: string;
  valueCode?: string;
  qtyMonth?: number;
  valueMonth: number;
}

const exportGoods: Good[] = [
  { name: 'Hạt điều nhân', qtyCode: 'XK_DIEU_L', valueCode: 'XK_DIEU_GT', qtyMonth: 8.4, valueMonth: 51 },
  { name: 'Cao su', qtyCode: 'XK_CAOSU_L', valueCode: 'XK_CAOSU_GT', qtyMonth: 10.2, valueMonth: 15.5 },
  { name: 'Hạt tiêu', qtyMonth: 1.1, valueMonth: 6.2 },
  { name: 'Sản phẩm từ gỗ', valueMonth: 12.4 },
  { name: 'Hàng dệt, may', valueMonth: 41.3 },
  { name: 'Giày dép các loại', valueMonth: 38.1 },
  { name: 'Hàng hóa khác', valueCode: 'XK_KHAC_GT', valueMonth: 87.6 },
];
const importGoods: Good[] = [
  { name: 'Hạt điều thô', qtyMonth: 41, valueMonth: 62 },
  { name: 'Cao su', qtyMonth: 3.2, valueMonth: 5.1 },
  { name: 'Phân bón các loại', qtyMonth: 5.2, valueMonth: 2.1 },
  { name: 'Máy móc, thiết bị, dụng cụ, phụ tùng khác', valueMonth: 18.3 },
  { name: 'Hàng hóa khác', valueMonth: 44.7 },
];
const markets = ['Hoa Kỳ', 'Trung Quốc', 'Nhật Bản', 'Canada', 'Liên minh châu Âu (EU)', 'Ấn Độ', 'Campuchia'];
const enterprises = [
  'Công ty TNHH Olam Việt Nam',
  'Công ty Cổ phần Cao su Đồng Phú',
  'Công ty TNHH MTV Cao su Phú Riềng',
  'Công ty TNHH Chế biến Hạt điều Bình Phước',
  'Công ty TNHH Giày da Hưng Thịnh',
];

export async function buildTradeSheet(dir: string, file: string, o: TradeOptions) {
  const rng = seeded(o.seed);
  const { year: y, month: m } = o;
  const est = pick(rng, ['Ước thực hiện', 'Ước TH', 'Ước tính']);
  const headingUnit = (u: { text: string }) => (o.unitNote ? '' : ` (${u.text})`);
  const measures = (id: string, group: string, target: DataColumn['target'], scale: number): DataColumn[] => {
    const value: DataColumn = {
      id: `${id}-val`,
      kind: 'data',
      heading: `Trị giá${headingUnit(o.value)}`,
      group,
      target,
      scale,
      measure: 'val',
    };
    if (!o.qty) return [{ ...value, heading: o.twoRowHeader ? value.heading.trim() : group }];
    const qty: DataColumn = {
      id: `${id}-qty`,
      kind: 'data',
      heading: `Lượng${headingUnit(o.qty)}`,
      group,
      target,
      scale,
      measure: 'qty',
    };
    return [qty, value];
  };
  const data: DataColumn[] = [
    ...measures('prev', `Thực hiện tháng ${m - 1}/${y}`, { period: month(y, m - 1), status: 'actual' }, 0.97),
    ...measures('est', `${est} tháng ${m}/${y}`, { period: month(y, m), status: 'estimate' }, 1),
    ...measures(
      'cum',
      `${pick(rng, ['Lũy kế', 'Cộng dồn'])} ${m} tháng năm ${y}`,
      { period: ytd(y, m), status: 'estimate' },
      m,
    ),
    ...measures('same', `Cùng kỳ ${m} tháng năm ${y - 1}`, { period: ytd(y - 1, m), status: null }, m * 0.92),
    { id: 'cmp', kind: 'data', heading: 'So sánh LK với cùng kỳ (%)', target: null, scale: 'pct' },
  ];
  const oneRow = (c: DataColumn): DataColumn => {
    if (c.group === undefined) return c;
    const { group, ...rest } = c;
    return { ...rest, heading: o.qty ? `${group} - ${c.heading}` : c.heading };
  };
  const columns: ColumnSpec[] = [
    { id: 'stt', kind: 'stt', heading: 'STT' },
    { id: 'name', kind: 'name', heading: pick(rng, ['Mặt hàng', 'Tên hàng', 'Chỉ tiêu']) },
    ...(o.twoRowHeader ? data : data.map(oneRow)),
  ];
  const goods = o.flow === 'export' ? exportGoods : importGoods;
  const totalCode = o.flow === 'export' ? 'XK' : 'NK';
  const totalMonth = catalogOf[totalCode]?.month ?? 200;
  const rows: RowSpec[] = [];
  rows.push({
    stt: 'I',
    name:
      o.flow === 'export'
        ? pick(rng, ['TỔNG KIM NGẠCH XUẤT KHẨU', 'Tổng trị giá xuất khẩu', 'Kim ngạch xuất khẩu'])
        : pick(rng, ['TỔNG KIM NGẠCH NHẬP KHẨU', 'Tổng trị giá nhập khẩu', 'Kim ngạch nhập khẩu']),
    land: { val: { code: totalCode, factor: o.value.factor } },
    bases: { val: totalMonth / o.value.factor },
    only: ['val'],
  });
  rows.push({ stt: 'II', name: pick(rng, ['Mặt hàng chủ yếu', 'MẶT HÀNG XUẤT KHẨU CHỦ YẾU', 'Trong đó:']) });
  goods.forEach((g, i) => {
    const land: Record<string, { code: string; factor: number }> = {};
    if (g.valueCode) land.val = { code: g.valueCode, factor: o.value.factor };
    if (g.qtyCode && o.qty) land.qty = { code: g.qtyCode, factor: o.qty.factor };
    rows.push({
      stt: i + 1,
      name: g.name,
      ...(o.flow === 'export' && Object.keys(land).length > 0 ? { land } : {}),
      bases: {
        val: g.valueMonth / o.value.factor,
        ...(g.qtyMonth !== undefined && o.qty ? { qty: g.qtyMonth / o.qty.factor } : {}),
      },
      only: g.qtyMonth !== undefined ? ['qty', 'val'] : ['val'],
    });
  });
  const sheet = new SheetBuilder(o.sheetName, rng);
  const width = columns.length;
  for (const line of titleBlock(width)) sheet.line(...line);
  sheet.blank();
  sheet.title(`TÌNH HÌNH ${o.flow === 'export' ? 'XUẤT KHẨU' : 'NHẬP KHẨU'} THÁNG ${m} NĂM ${y}`, width);
  if (o.unitNote) sheet.line(null, null, null, null, `Đơn vị tính: ${o.value.text}`);
  sheet.blank();
  const marketRows: RowSpec[] = [];
  const marketTitle = o.flow === 'export' ? 'THỊ TRƯỜNG XUẤT KHẨU CHỦ YẾU' : 'Thị trường nhập khẩu chủ yếu';
  const someMarkets = markets.filter(() => rng() < 0.7);
  someMarkets.forEach((country, i) => {
    marketRows.push({ stt: i + 1, name: country, bases: { val: 20 / o.value.factor }, only: ['val'] });
    if (o.goodsUnderMarkets) {
      marketRows.push({
        stt: '-',
        name: goods[0]?.name ?? 'Hạt điều nhân',
        bases: { val: 9 / o.value.factor, ...(o.qty ? { qty: 1.3 / o.qty.factor } : {}) },
        only: ['qty', 'val'],
      });
    }
  });
  const enterpriseRows: RowSpec[] = enterprises.map((name, i) => ({
    stt: i + 1,
    name,
    bases: { val: 14 / o.value.factor },
    only: ['val'],
  }));
  const enterpriseTitle = o.flow === 'export' ? 'DOANH NGHIỆP XUẤT KHẨU CHỦ YẾU' : 'Doanh nghiệp nhập khẩu chủ yếu';
  if (o.marketsOwnHeader) {
    sheet.table({ columns, twoRowHeader: o.twoRowHeader, rows });
    sheet.blank();
    const own: ColumnSpec[] = [
      { id: 'stt', kind: 'stt', heading: 'STT' },
      { id: 'name', kind: 'name', heading: 'Thị trường' },
      {
        id: 'est-val',
        kind: 'data',
        heading: `Tháng ${m}/${y}${headingUnit(o.value)}`,
        target: null,
        scale: 1,
        measure: 'val',
      },
      {
        id: 'cum-val',
        kind: 'data',
        heading: `${m} tháng năm ${y}${headingUnit(o.value)}`,
        target: null,
        scale: m,
        measure: 'val',
      },
      { id: 'cmp', kind: 'data', heading: 'So với cùng kỳ (%)', target: null, scale: 'pct' },
    ];
    sheet.title(`III. ${marketTitle}`, 5);
    sheet.table({ columns: own, rows: marketRows });
    sheet.blank();
    sheet.title(`IV. ${enterpriseTitle}`, 5);
    sheet.table({
      columns: own.map((c) => (c.id === 'name' ? { ...c, heading: 'Doanh nghiệp' } : c)),
      rows: enterpriseRows,
    });
  } else {
    sheet.table({
      columns,
      twoRowHeader: o.twoRowHeader,
      rows: [
        ...rows,
        { stt: 'III', name: marketTitle },
        ...marketRows,
        { stt: 'IV', name: enterpriseTitle },
        ...enterpriseRows,
      ],
    });
  }
  sheet.signatures(width);
  const path = await writeWorkbook(join(dir, file), [sheet.spec()]);
  return {
    file: path,
    truth: {
      unit: provinceUnit,
      reportPeriod: month(y, m),
      titleNamesPeriod: true,
      figures: sheet.truth,
      refused: sheet.refused,
      filledCells: sheet.filledCells,
    },
  };
}

function tradeCase(name: string, o: TradeOptions): CorpusCase {
  return {
    family: o.flow === 'export' ? 'export-sheet' : 'import-sheet',
    name,
    build: (dir) => buildTradeSheet(dir, name, o),
  };
}

const tons = { text: 'Tấn', factor: 0.001 };
const kilotons = { text: 'Nghìn tấn', factor: 1 };
const musd = { text: 'Triệu USD', factor: 1 };

export const tradeSheetCases: CorpusCase[] = [
  tradeCase('xuat-khau-2025-08.xlsx', {
    flow: 'export',
    year: 2025,
    month: 8,
    seed: 201,
    qty: tons,
    value: musd,
    twoRowHeader: true,
    sheetName: 'XK',
  }),
  tradeCase('xuat-khau-2024-06-nghin-tan.xlsx', {
    flow: 'export',
    year: 2024,
    month: 6,
    seed: 202,
    qty: kilotons,
    value: { text: 'Tr.USD', factor: 1 },
    twoRowHeader: true,
    marketsOwnHeader: true,
    sheetName: 'Xuất khẩu',
  }),
  tradeCase('xuat-khau-2025-03-mot-dong.xlsx', {
    flow: 'export',
    year: 2025,
    month: 3,
    seed: 203,
    qty: tons,
    value: musd,
    twoRowHeader: false,
    goodsUnderMarkets: true,
    sheetName: 'Sheet1',
  }),
  tradeCase('xuat-khau-2024-11-nghin-usd.xlsx', {
    flow: 'export',
    year: 2024,
    month: 11,
    seed: 204,
    qty: tons,
    value: { text: 'Nghìn USD', factor: 0.001 },
    twoRowHeader: true,
    sheetName: 'TH XK',
  }),
  tradeCase('xuat-khau-2025-05-chi-tri-gia.xlsx', {
    flow: 'export',
    year: 2025,
    month: 5,
    seed: 205,
    qty: null,
    value: musd,
    unitNote: true,
    twoRowHeader: false,
    sheetName: 'XK T5',
  }),
  tradeCase('nhap-khau-2025-08.xlsx', {
    flow: 'import',
    year: 2025,
    month: 8,
    seed: 211,
    qty: tons,
    value: musd,
    twoRowHeader: true,
    sheetName: 'NK',
  }),
  tradeCase('nhap-khau-2024-09-thi-truong.xlsx', {
    flow: 'import',
    year: 2024,
    month: 9,
    seed: 212,
    qty: kilotons,
    value: musd,
    twoRowHeader: true,
    marketsOwnHeader: true,
    sheetName: 'Nhập khẩu',
  }),
  tradeCase('nhap-khau-2025-04-don-vi-ghi-chu.xlsx', {
    flow: 'import',
    year: 2025,
    month: 4,
    seed: 213,
    qty: null,
    value: { text: 'Nghìn USD', factor: 0.001 },
    unitNote: true,
    twoRowHeader: false,
    goodsUnderMarkets: true,
    sheetName: 'Sheet1',
  }),
];
