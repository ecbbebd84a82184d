import { join } from 'node:path';
import { writeWorkbook } from '../support/workbooks';
import { month, quarter, roman, year as wholeYear, ytd } from './periods';
import {
  pick,
  seeded,
  SheetBuilder,
  titleBlock,
  type ColumnSpec,
  type DataColumn,
  type RowSpec,
  type Target,
} from './sheet-builder';
import { planKey, provinceUnit, type CorpusCase } from './truth';
import { nameOf, rowUnit, stripDiacritics, type FileUnit } from './vocabulary';

/**
 * The provincial portal's monthly situation table (tình hình sản xuất công nghiệp, thương mại), one template per
 * month shape: January without a cumulative, February–April, May–June with "Ước thực hiện 6 tháng", July–November,
 * October with "Ước thực hiện năm" and "Kế hoạch năm sau", December with "Thực hiện năm trước" and the year against
 * the plan. Sections follow each other on one sheet.
 */
export interface PortalOptions {
  year: number;
  month: number;
  seed: number;
  twoRowHeader: boolean;
  codeRow: boolean;
  planFirst: boolean;
  samePeriodFirst: boolean;
  blankColumn: boolean;
  titleRow: 3 | 4 | 6;
  /** October's "Thực hiện năm trước" beside "Thực hiện cùng kỳ". */
  lastYearColumn?: boolean;
  sttStyle: 'number' | 'dot' | 'letter' | 'dash' | 'float';
  capitals?: boolean;
  noDiacritics?: boolean;
  withTrade?: boolean;
  withBorder?: boolean;
  sheetName?: string;
}

/** A data column with its heading on one row and, for two-row headers, under a group heading. */
interface PortalColumn {
  id: string;
  flat: string;
  group?: string;
  low: string;
  target: Target | null;
  scale: number | 'pct';
  /** A figure of last year (same period or the whole year): index rows leave it empty. */
  lastYear?: boolean;
}

function portalColumns(o: PortalOptions, rng: () => number): PortalColumn[] {
  const { year: y, month: m } = o;
  const ly = y - 1;
  const done = pick(rng, ['Thực hiện', 'TH']);
  const est = pick(rng, ['Ước thực hiện', 'Ước TH', 'Ước tính']);
  const cumWord = pick(rng, ['Lũy kế', 'Cộng dồn', 'Luỹ kế']);
  const sameWord = pick(rng, ['Cùng kỳ', 'Thực hiện cùng kỳ']);
  const sameStatus = sameWord.startsWith('Thực hiện') ? 'actual' : null;
  const cur = `Năm ${y}`;
  const plan: PortalColumn = {
    id: 'plan',
    flat: `Kế hoạch năm ${y}`,
    low: `Kế hoạch năm ${y}`,
    target: { plan: planKey(y) },
    scale: 12.5,
  };
  const prev: PortalColumn =
    m === 1
      ? {
          id: 'prev',
          flat: `${done} tháng 12/${ly}`,
          group: cur,
          low: `${done} tháng 12/${ly}`,
          target: { period: month(ly, 12), status: 'actual' },
          scale: 1.02,
        }
      : {
          id: 'prev',
          flat: `${done} tháng ${m - 1}/${y}`,
          group: cur,
          low: `${done} tháng ${m - 1}`,
          target: { period: month(y, m - 1), status: 'actual' },
          scale: 0.98,
        };
  const current: PortalColumn = {
    id: 'est',
    flat: `${est} tháng ${m}/${y}`,
    group: cur,
    low: `${est} tháng ${m}`,
    target: { period: month(y, m), status: 'estimate' },
    scale: 1,
  };
  const columns: PortalColumn[] = [];
  const ours: PortalColumn[] = [prev, current];
  if (m === 12) {
    ours.push({
      id: 'year',
      flat: `${est} năm ${y}`,
      group: cur,
      low: `${est} năm ${y}`,
      target: { period: wholeYear(y), status: 'estimate' },
      scale: 12,
    });
  } else if (m === 6) {
    ours.push({
      id: 'cum',
      flat: `${est} 6 tháng năm ${y}`,
      group: cur,
      low: `${est} 6 tháng`,
      target: { period: ytd(y, 6), status: 'estimate' },
      scale: 6,
    });
  } else if (m > 1) {
    ours.push({
      id: 'cum',
      flat: `${cumWord} ${m} tháng năm ${y}`,
      group: cur,
      low: `${cumWord} ${m} tháng`,
      target: { period: ytd(y, m), status: 'estimate' },
      scale: m,
    });
  }
  if (m % 3 === 0 && m < 12) {
    const q = m / 3;
    ours.push({
      id: 'quarter',
      flat: `${est} quý ${roman[q]}/${y}`,
      group: cur,
      low: `${est} quý ${roman[q]}`,
      target: { period: quarter(y, q), status: 'estimate' },
      scale: 3,
    });
  }
  if (m === 5)
    ours.push({
      id: 'h1',
      flat: `${est} 6 tháng năm ${y}`,
      group: cur,
      low: `${est} 6 tháng`,
      target: { period: ytd(y, 6), status: 'estimate' },
      scale: 6,
    });
  if (m === 10)
    ours.push({
      id: 'year',
      flat: `${est} năm ${y}`,
      group: cur,
      low: `${est} năm ${y}`,
      target: { period: wholeYear(y), status: 'estimate' },
      scale: 12,
    });

  const same: PortalColumn[] = [];
  const sameGroup = `${sameWord} năm ${ly}`;
  if (m === 12 || (m === 10 && o.lastYearColumn)) {
    same.push({
      id: 'lastyear',
      flat: pick(rng, [`Thực hiện năm ${ly}`, 'Thực hiện năm trước']),
      low: `Thực hiện năm ${ly}`,
      target: { period: wholeYear(ly), status: 'actual' },
      scale: 11.3,
      lastYear: true,
    });
  }
  same.push({
    id: 'samemonth',
    flat: `${sameWord} tháng ${m}/${ly}`,
    group: sameGroup,
    low: `Tháng ${m}`,
    target: { period: month(ly, m), status: sameStatus },
    scale: 0.93,
    lastYear: true,
  });
  if (m > 1 && m < 12) {
    same.push({
      id: 'samecum',
      flat: `${sameWord} ${m} tháng năm ${ly}`,
      group: sameGroup,
      low: `${m} tháng`,
      target: { period: ytd(ly, m), status: sameStatus },
      scale: m * 0.93,
      lastYear: true,
    });
  }
  const compare: PortalColumn[] = [
    {
      id: 'cmpmonth',
      flat: `Tháng ${m} so với cùng kỳ (%)`,
      group: 'So sánh (%)',
      low: `Tháng ${m} so với cùng kỳ`,
      target: null,
      scale: 'pct',
    },
  ];
  if (m === 12) {
    compare.push({
      id: 'cmpyear',
      flat: `Năm ${y} so với năm ${ly} (%)`,
      group: 'So sánh (%)',
      low: `Năm ${y} so với năm ${ly}`,
      target: null,
      scale: 'pct',
    });
    compare.push({
      id: 'cmpplan',
      flat: `Năm ${y} so với KH (%)`,
      group: 'So sánh (%)',
      low: 'So với KH năm',
      target: null,
      scale: 'pct',
    });
  } else if (m > 1) {
    compare.push({
      id: 'cmpcum',
      flat: 'So sánh LK với cùng kỳ (%)',
      group: 'So sánh (%)',
      low: 'LK so với cùng kỳ',
      target: null,
      scale: 'pct',
    });
    compare.push({ id: 'cmpplan', flat: 'LK/KH (%)', group: 'So sánh (%)', low: 'LK/KH', target: null, scale: 'pct' });
  } else {
    compare.push({
      id: 'cmpplan',
      flat: 'So với kế hoạch năm (%)',
      group: 'So sánh (%)',
      low: 'So với KH năm',
      target: null,
      scale: 'pct',
    });
  }
  const nextPlan: PortalColumn[] =
    m === 10
      ? [
          {
            id: 'nextplan',
            flat: `Kế hoạch năm ${y + 1}`,
            low: `Kế hoạch năm ${y + 1}`,
            target: { plan: planKey(y + 1) },
            scale: 13.2,
          },
        ]
      : [];

  if (o.planFirst) columns.push(plan);
  if (o.samePeriodFirst) columns.push(...same, ...ours);
  else columns.push(...ours, ...same);
  if (!o.planFirst) columns.push(plan);
  columns.push(...compare, ...nextPlan);
  return columns;
}

function spelled(o: PortalOptions, text: string): string {
  let out = o.noDiacritics ? stripDiacritics(text) : text;
  if (o.capitals) out = out.toUpperCase();
  return out;
}

function sttOf(style: PortalOptions['sttStyle'], section: number, i: number): string | number {
  switch (style) {
    case 'number':
      return String(i);
    case 'dot':
      return `${i}.`;
    case 'letter':
      return `${'abcdefghijklmnop'[i - 1]})`;
    case 'dash':
      return '-';
    case 'float':
      // As Excel keeps a typed 1.1: a number (1.1000000000000001 when read back), not the text.
      return Number(`${section}.${i}`);
  }
}

/** The rows of every section, one after another. */
function portalRows(o: PortalOptions, rng: () => number, indexOnly: string[]): RowSpec[] {
  const rows: RowSpec[] = [];
  const add = (row: RowSpec) => rows.push(row);
  let section = 0;
  const head = (key: string, code?: string, fixed?: FileUnit) => {
    section++;
    const name = spelled(o, nameOf(rng, key));
    if (!code) return add({ stt: roman[section], name });
    const u = rowUnit(rng, code, fixed);
    add({
      stt: roman[section],
      name,
      unit: u.unit,
      land: u.land,
      base: u.base,
      ...(code.startsWith('IIP') ? { index: true, only: indexOnly } : {}),
    });
  };
  const item = (i: number, key: string, code: string | null, fixed?: FileUnit) => {
    const name = spelled(o, nameOf(rng, key));
    const u = rowUnit(rng, code ?? key, fixed);
    add({
      stt: sttOf(o.sttStyle, section, i),
      name,
      unit: u.unit,
      ...(code ? { land: u.land } : {}),
      base: u.base,
      ...((code ?? key).startsWith('IIP') ? { index: true, only: indexOnly } : {}),
    });
  };

  head('IIP', 'IIP', { text: '%', factor: 1 });
  ['IIP_B', 'IIP_C', 'IIP_D', 'IIP_E'].forEach((code, i) => item(i + 1, code, code, { text: '%', factor: 1 }));
  head('GTSXCN', 'GTSXCN');
  head('SPCN');
  const products = [
    'SPCN_DIEN_SX',
    'SPCN_DIEN_TP',
    'SPCN_NUOC',
    'SPCN_XIMANG',
    'SPCN_DA',
    'SPCN_DIEU',
    'SPCN_TINHBOTSAN',
    'SPCN_DUONG',
    'SPCN_QUANAO',
    'SPCN_GIAYDEP',
    'SPCN_GO',
    'SPCN_BAOBI',
    'SPCN_MUOI',
  ];
  products.filter((code) => code === 'SPCN_DIEU' || rng() < 0.7).forEach((code, i) => item(i + 1, code, code));
  head('BLHH', 'BLHH');
  const retailUnit = rows[rows.length - 1]?.unit === 'Triệu đồng' ? { text: 'Triệu đồng', factor: 0.001 } : undefined;
  ['BLHH_HH', 'BLHH_LTAU', 'BLHH_DL', 'BLHH_DVK'].forEach((code, i) => item(i + 1, code, code, retailUnit));
  if (o.withTrade !== false) {
    if (rng() < 0.5) head('XNK', 'XNK');
    head('XK', 'XK');
    add({ name: 'Trong đó:' });
    const tons = pick(rng, [
      { text: 'Tấn', factor: 0.001 },
      { text: 'Nghìn tấn', factor: 1 },
    ]);
    const usd = pick(rng, [
      { text: 'Triệu USD', factor: 1 },
      { text: 'Tr.USD', factor: 1 },
    ]);
    item(1, 'XK_DIEU', 'XK_DIEU_L', tons);
    item(1, 'XK_DIEU', 'XK_DIEU_GT', usd);
    item(2, 'XK_CAOSU', 'XK_CAOSU_L', tons);
    item(2, 'XK_CAOSU', 'XK_CAOSU_GT', usd);
    item(3, 'XK_KHAC', 'XK_KHAC_GT', usd);
    head('NK', 'NK');
    add({ name: 'Trong đó:' });
    const nk = (i: number, name: string, unit: string, base: number) =>
      add({ stt: sttOf(o.sttStyle, section, i), name: spelled(o, name), unit, base });
    nk(1, 'Hạt điều thô', 'Tấn', 41000);
    nk(1, 'Hạt điều thô', usd.text, 62);
    nk(2, 'Phân bón các loại', 'Tấn', 5200);
    nk(3, 'Hàng hóa khác', usd.text, 120);
  }
  if (o.withBorder) head('TMBG', 'TMBG');
  return rows;
}

export async function buildPortalMonthly(dir: string, file: string, o: PortalOptions) {
  const rng = seeded(o.seed);
  const portal = portalColumns(o, rng);
  const indexOnly = portal.filter((c) => c.target !== null && !c.lastYear).map((c) => c.id);
  const dataColumns: DataColumn[] = portal.map((c) => ({
    id: c.id,
    kind: 'data',
    heading: o.twoRowHeader ? (c.group ? c.low : c.flat) : c.flat,
    ...(o.twoRowHeader && c.group ? { group: c.group } : {}),
    target: c.target,
    scale: c.scale,
  }));
  const columns: ColumnSpec[] = [
    { id: 'stt', kind: 'stt', heading: 'STT' },
    { id: 'name', kind: 'name', heading: pick(rng, ['Chỉ tiêu', 'CHỈ TIÊU', 'Chỉ tiêu chủ yếu', 'Nội dung']) },
    { id: 'unit', kind: 'unit', heading: pick(rng, ['Đơn vị tính', 'ĐVT', 'Đơn vị']) },
    ...(o.blankColumn ? [{ id: 'blank', kind: 'blank' as const, heading: '' }] : []),
    ...dataColumns,
  ];
  const rows = portalRows(o, rng, indexOnly);
  const sheet = new SheetBuilder(o.sheetName ?? pick(rng, ['Biểu 01', 'Sheet1', `T${o.month}`, 'BC thang']), rng);
  const width = columns.length;
  for (const line of titleBlock(width)) sheet.line(...line);
  if (o.titleRow >= 4) sheet.line(`Biểu số 01/BC-SCT`);
  if (o.titleRow === 6) sheet.blank(2);
  const title = pick(rng, [
    `BÁO CÁO TÌNH HÌNH SẢN XUẤT CÔNG NGHIỆP, THƯƠNG MẠI THÁNG ${o.month} NĂM ${o.year}`,
    `Tình hình kinh tế ngành Công Thương tháng ${o.month}/${o.year}`,
    `MỘT SỐ CHỈ TIÊU KINH TẾ NGÀNH CÔNG THƯƠNG THÁNG ${String(o.month).padStart(2, '0')} NĂM ${o.year}`,
  ]);
  sheet.title(title, width);
  sheet.blank();
  sheet.table({ columns, twoRowHeader: o.twoRowHeader, codeRow: o.codeRow, rows });
  sheet.signatures(width);
  const path = await writeWorkbook(join(dir, file), [sheet.spec()]);
  return {
    file: path,
    sheet,
    truth: {
      unit: provinceUnit,
      reportPeriod: month(o.year, o.month),
      titleNamesPeriod: true,
      figures: sheet.truth,
      refused: sheet.refused,
      filledCells: sheet.filledCells,
    },
  };
}

function portalCase(name: string, o: PortalOptions): CorpusCase {
  return { family: 'portal-monthly', name, build: (dir) => buildPortalMonthly(dir, name, o) };
}

const base = {
  codeRow: false,
  planFirst: true,
  samePeriodFirst: false,
  blankColumn: false,
  titleRow: 4 as const,
  sttStyle: 'number' as const,
};

export const portalMonthlyCases: CorpusCase[] = [
  portalCase('portal-2025-01-mot-dong.xlsx', { ...base, year: 2025, month: 1, seed: 101, twoRowHeader: false }),
  portalCase('portal-2024-01-hai-dong.xlsx', {
    ...base,
    year: 2024,
    month: 1,
    seed: 102,
    twoRowHeader: true,
    codeRow: true,
    sttStyle: 'dot',
  }),
  portalCase('portal-2025-02.xlsx', {
    ...base,
    year: 2025,
    month: 2,
    seed: 103,
    twoRowHeader: true,
    planFirst: false,
    sttStyle: 'dash',
  }),
  portalCase('portal-2024-03-quy.xlsx', {
    ...base,
    year: 2024,
    month: 3,
    seed: 104,
    twoRowHeader: false,
    codeRow: true,
    titleRow: 3,
  }),
  portalCase('portal-2025-04-cot-trong.xlsx', {
    ...base,
    year: 2025,
    month: 4,
    seed: 105,
    twoRowHeader: true,
    blankColumn: true,
    sttStyle: 'letter',
  }),
  portalCase('portal-2025-05-uoc-6-thang.xlsx', {
    ...base,
    year: 2025,
    month: 5,
    seed: 106,
    twoRowHeader: true,
    codeRow: true,
  }),
  portalCase('portal-2024-05.xlsx', {
    ...base,
    year: 2024,
    month: 5,
    seed: 107,
    twoRowHeader: false,
    samePeriodFirst: true,
    titleRow: 6,
  }),
  portalCase('portal-2025-06.xlsx', {
    ...base,
    year: 2025,
    month: 6,
    seed: 108,
    twoRowHeader: true,
    sttStyle: 'float',
  }),
  portalCase('portal-2024-06-chu-hoa.xlsx', {
    ...base,
    year: 2024,
    month: 6,
    seed: 109,
    twoRowHeader: false,
    capitals: true,
  }),
  portalCase('portal-2025-07.xlsx', {
    ...base,
    year: 2025,
    month: 7,
    seed: 110,
    twoRowHeader: true,
    planFirst: false,
    codeRow: true,
    withBorder: true,
  }),
  portalCase('portal-2025-08.xlsx', {
    ...base,
    year: 2025,
    month: 8,
    seed: 111,
    twoRowHeader: true,
    samePeriodFirst: true,
    blankColumn: true,
  }),
  portalCase('portal-2024-09-quy-III.xlsx', {
    ...base,
    year: 2024,
    month: 9,
    seed: 112,
    twoRowHeader: false,
    sttStyle: 'dot',
    titleRow: 3,
  }),
  portalCase('portal-2025-11-khong-dau.xlsx', {
    ...base,
    year: 2025,
    month: 11,
    seed: 113,
    twoRowHeader: true,
    noDiacritics: true,
  }),
  portalCase('portal-2025-10.xlsx', { ...base, year: 2025, month: 10, seed: 114, twoRowHeader: true, codeRow: true }),
  portalCase('portal-2024-10-nam-truoc.xlsx', {
    ...base,
    year: 2024,
    month: 10,
    seed: 115,
    twoRowHeader: false,
    lastYearColumn: true,
    planFirst: false,
  }),
  portalCase('portal-2024-12.xlsx', {
    ...base,
    year: 2024,
    month: 12,
    seed: 116,
    twoRowHeader: true,
    sttStyle: 'dash',
    withBorder: true,
  }),
  portalCase('portal-2025-12.xlsx', {
    ...base,
    year: 2025,
    month: 12,
    seed: 117,
    twoRowHeader: false,
    codeRow: true,
    titleRow: 6,
    samePeriodFirst: true,
  }),
];
