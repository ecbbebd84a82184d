import type { Figure } from '../support/workbooks';
import { month, ytd } from './periods';
import type { ColumnSpec, RowSpec } from './sheet-builder';
import { nameColumn, simpleCase, sttColumn, unitColumn } from './simple-case';
import { planKey, type CorpusCase } from './truth';

/**
 * The department's template filled by an enterprise, "Đơn vị báo cáo: Công ty …" in the title block: its own
 * production and exports, for its own reporting unit. Under "Xuất khẩu", the product's name is the exported
 * quantity, not the production.
 */
interface EnterpriseOptions {
  name: string;
  seed: number;
  year: number;
  month: number;
  company: string;
  code: string;
  rows: RowSpec[];
}

function enterpriseCase(o: EnterpriseOptions): CorpusCase {
  const { year: y, month: m } = o;
  const columns: ColumnSpec[] = [
    sttColumn,
    nameColumn('Chỉ tiêu'),
    unitColumn('ĐVT'),
    { id: 'plan', kind: 'data', heading: `Kế hoạch năm ${y}`, target: { plan: planKey(y) }, scale: 12.5 },
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
    { id: 'cmp', kind: 'data', heading: 'LK/KH (%)', target: null, scale: 'pct' },
  ];
  const above: Figure[][] = [
    [o.company.toUpperCase(), null, null, null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
    [null, null, null, null, null, 'Độc lập - Tự do - Hạnh phúc'],
    [`Đơn vị báo cáo: ${o.company}`],
    [],
    [`BÁO CÁO TÌNH HÌNH SẢN XUẤT KINH DOANH THÁNG ${m} NĂM ${y}`],
    [],
  ];
  return simpleCase({
    family: 'enterprise',
    name: o.name,
    seed: o.seed,
    reportPeriod: month(y, m),
    unit: { code: o.code, create: { name: o.company, kind: 'enterprise' } },
    sheets: [{ name: 'Báo cáo', above, columns, rows: o.rows }],
  });
}

export const enterpriseCases: CorpusCase[] = [
  enterpriseCase({
    name: 'doanh-nghiep-xi-mang-2025-08.xlsx',
    seed: 701,
    year: 2025,
    month: 8,
    company: 'Công ty Cổ phần Xi măng Bình Phước',
    code: 'DN_XIMANG',
    rows: [
      { stt: 'I', name: 'Sản phẩm sản xuất' },
      { stt: 1, name: 'Xi măng Portland đen', unit: 'Tấn', land: { code: 'SPCN_XIMANG', factor: 1 }, base: 18000 },
      { stt: 2, name: 'Clinker', unit: 'Tấn', base: 21000 },
      { stt: 3, name: 'Vỏ bao xi măng', unit: 'Nghìn chiếc', base: 360 },
      { stt: 'II', name: 'Doanh thu', unit: 'Triệu đồng', base: 42000 },
      { stt: 'III', name: 'Lao động bình quân', unit: 'Người', base: 850, decimals: 0, only: ['est', 'plan'] },
    ],
  }),
  enterpriseCase({
    name: 'doanh-nghiep-hat-dieu-2024-10.xlsx',
    seed: 702,
    year: 2024,
    month: 10,
    company: 'Công ty TNHH Chế biến Hạt điều Bình Phước',
    code: 'DN_HATDIEU',
    rows: [
      { stt: 'I', name: 'Sản xuất' },
      { stt: 1, name: 'Hạt điều nhân', unit: 'Tấn', land: { code: 'SPCN_DIEU', factor: 1 }, base: 950 },
      { stt: 'II', name: 'Xuất khẩu' },
      { stt: 1, name: 'Kim ngạch xuất khẩu', unit: 'Nghìn USD', land: { code: 'XK', factor: 0.001 }, base: 6200 },
      { stt: 2, name: 'Hạt điều nhân', unit: 'Tấn', land: { code: 'XK_DIEU_L', factor: 0.001 }, base: 880 },
      { stt: 3, name: 'Hạt điều nhân', unit: 'Nghìn USD', land: { code: 'XK_DIEU_GT', factor: 0.001 }, base: 5900 },
      { stt: 'III', name: 'Nhập khẩu' },
      { stt: 1, name: 'Hạt điều thô', unit: 'Tấn', base: 4100 },
      { stt: 2, name: 'Kim ngạch nhập khẩu', unit: 'Nghìn USD', land: { code: 'NK', factor: 0.001 }, base: 6400 },
    ],
  }),
];
