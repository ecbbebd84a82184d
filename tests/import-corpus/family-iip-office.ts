import type { Figure } from '../support/workbooks';
import { month, quarter, roman, year as wholeYear, ytd } from './periods';
import type { ColumnSpec, DataColumn, RowSpec } from './sheet-builder';
import { simpleCase } from './simple-case';
import type { CorpusCase } from './truth';

/**
 * The statistics office's IIP table: "CHỈ SỐ SẢN XUẤT CÔNG NGHIỆP THÁNG 8 NĂM 2025", the first column's heading
 * empty or "Ngành công nghiệp", columns "… so với cùng kỳ năm trước (%)" (the index of that period) and "… so với
 * tháng trước" (stored nowhere), rows for the whole industry, the four sectors and divisions the catalog lacks.
 */
interface IipOptions {
  name: string;
  seed: number;
  year: number;
  month: number;
  twoRowHeader: boolean;
  firstHeading: string;
  /** The office's word for the current month's figure, when it gives one ("Ước tính"). */
  estimateWord?: string;
  quarterColumn?: boolean;
  industryCodes?: boolean;
}

const divisions: Record<string, string[]> = {
  IIP_B: ['Khai thác đá và khai khoáng khác'],
  IIP_C: [
    'Sản xuất, chế biến thực phẩm',
    'Sản xuất đồ uống',
    'Dệt',
    'Sản xuất trang phục',
    'Sản xuất da và các sản phẩm có liên quan',
    'Chế biến gỗ và sản xuất sản phẩm từ gỗ, tre, nứa (trừ giường, tủ, bàn, ghế)',
    'Sản xuất sản phẩm từ cao su và plastic',
    'Sản xuất sản phẩm từ khoáng phi kim loại khác',
    'Sản xuất giường, tủ, bàn, ghế',
  ],
  IIP_D: [],
  IIP_E: [
    'Khai thác, xử lý và cung cấp nước',
    'Thoát nước và xử lý nước thải',
    'Hoạt động thu gom, xử lý và tiêu hủy rác thải; tái chế phế liệu',
  ],
};
const vsic: Record<string, string[]> = {
  IIP_B: ['08'],
  IIP_C: ['10', '11', '13', '14', '15', '16', '22', '23', '31'],
  IIP_D: [],
  IIP_E: ['36', '37', '38'],
};
const sectors: [string, string, string][] = [
  ['IIP_B', 'B', 'Khai khoáng'],
  ['IIP_C', 'C', 'Công nghiệp chế biến, chế tạo'],
  ['IIP_D', 'D', 'Sản xuất và phân phối điện, khí đốt, nước nóng, hơi nước và điều hòa không khí'],
  ['IIP_E', 'E', 'Cung cấp nước, hoạt động quản lý và xử lý rác thải, nước thải'],
];

function iipCase(o: IipOptions): CorpusCase {
  const { year: y, month: m } = o;
  const prevMonth = m === 1 ? { y: y - 1, m: 12 } : { y, m: m - 1 };
  const current = o.estimateWord ? 'estimate' : null;
  const data: DataColumn[] = [];
  const sameYearAgo = 'cùng kỳ năm trước';
  data.push({
    id: 'prev',
    kind: 'data',
    heading: `Tháng ${prevMonth.m} năm ${prevMonth.y} so với ${sameYearAgo} (%)`,
    target: { period: month(prevMonth.y, prevMonth.m), status: null },
    scale: 1,
  });
  const word = o.estimateWord ? `${o.estimateWord} tháng` : 'Tháng';
  if (o.twoRowHeader) {
    const group = `${word} ${m} năm ${y} so với`;
    data.push({
      id: 'vsprev',
      kind: 'data',
      group,
      heading: `Tháng ${prevMonth.m} năm ${prevMonth.y}`,
      target: null,
      scale: 1,
    });
    data.push({
      id: 'cur',
      kind: 'data',
      group,
      heading: 'Cùng kỳ năm trước',
      target: { period: month(y, m), status: current },
      scale: 1,
    });
  } else {
    data.push({
      id: 'vsprev',
      kind: 'data',
      heading: `${word} ${m} năm ${y} so với tháng ${prevMonth.m} năm ${prevMonth.y} (%)`,
      target: null,
      scale: 1,
    });
    data.push({
      id: 'cur',
      kind: 'data',
      heading: `${word} ${m} năm ${y} so với ${sameYearAgo} (%)`,
      target: { period: month(y, m), status: current },
      scale: 1,
    });
  }
  if (o.quarterColumn && m % 3 === 0) {
    data.push({
      id: 'quarter',
      kind: 'data',
      heading: `Quý ${roman[m / 3]} năm ${y} so với ${sameYearAgo} (%)`,
      target: { period: quarter(y, m / 3), status: current },
      scale: 1,
    });
  }
  if (m === 12) {
    data.push({
      id: 'cum',
      kind: 'data',
      heading: `Năm ${y} so với năm ${y - 1} (%)`,
      target: { period: wholeYear(y), status: current },
      scale: 1,
    });
  } else if (m > 1) {
    data.push({
      id: 'cum',
      kind: 'data',
      heading: `${m} tháng năm ${y} so với ${sameYearAgo} (%)`,
      target: { period: ytd(y, m), status: current },
      scale: 1,
    });
  }
  // The index of a past month compared with the previous month is not a figure of the catalog; every other
  // column is the index itself, so the rows' figures are near 100 in every column.
  const columns: ColumnSpec[] = [
    ...(o.industryCodes ? [{ id: 'code', kind: 'stt' as const, heading: 'Mã ngành' }] : []),
    { id: 'name', kind: 'name', heading: o.firstHeading },
    ...data,
  ];
  const row = (name: string, code: string | null, stt?: string): RowSpec => ({
    ...(stt !== undefined ? { stt } : {}),
    name,
    ...(code ? { land: { code, factor: 1 } } : {}),
    base: 100,
    index: true,
  });
  const rows: RowSpec[] = [row('TOÀN NGÀNH CÔNG NGHIỆP', 'IIP', o.industryCodes ? '' : undefined)];
  for (const [code, letter, name] of sectors) {
    rows.push(row(name, code, o.industryCodes ? letter : undefined));
    (divisions[code] ?? []).forEach((division, i) =>
      rows.push(row(division, null, o.industryCodes ? vsic[code]?.[i] : undefined)),
    );
  }
  const above: Figure[][] = [
    [`CHỈ SỐ SẢN XUẤT CÔNG NGHIỆP THÁNG ${m} NĂM ${y}`],
    [null, null, null, null, 'Đơn vị tính: %'],
  ];
  return simpleCase({
    family: 'iip-office',
    name: o.name,
    seed: o.seed,
    reportPeriod: month(y, m),
    sheets: [
      {
        name: pick3(o.seed),
        above,
        columns,
        rows,
        twoRowHeader: o.twoRowHeader,
        signatures: false,
        below: [[], ['Nguồn: Cục Thống kê tỉnh']],
      },
    ],
  });
}

function pick3(seed: number): string {
  return ['IIP', 'Sheet1', 'CSSXCN'][seed % 3] ?? 'IIP';
}

export const iipOfficeCases: CorpusCase[] = [
  iipCase({
    name: 'iip-cuc-thong-ke-2025-08-o-trong.xlsx',
    seed: 401,
    year: 2025,
    month: 8,
    twoRowHeader: false,
    firstHeading: '',
  }),
  iipCase({
    name: 'iip-cuc-thong-ke-2025-08-hai-dong.xlsx',
    seed: 402,
    year: 2025,
    month: 8,
    twoRowHeader: true,
    firstHeading: 'Ngành công nghiệp',
  }),
  iipCase({
    name: 'iip-cuc-thong-ke-2025-01.xlsx',
    seed: 403,
    year: 2025,
    month: 1,
    twoRowHeader: false,
    firstHeading: 'Ngành công nghiệp',
  }),
  iipCase({
    name: 'iip-cuc-thong-ke-2024-06-quy.xlsx',
    seed: 404,
    year: 2024,
    month: 6,
    twoRowHeader: true,
    firstHeading: '',
    quarterColumn: true,
  }),
  iipCase({
    name: 'iip-cuc-thong-ke-2025-09-uoc-tinh.xlsx',
    seed: 405,
    year: 2025,
    month: 9,
    twoRowHeader: false,
    firstHeading: '',
    estimateWord: 'Ước tính',
    industryCodes: true,
  }),
  iipCase({
    name: 'iip-cuc-thong-ke-2024-12-nam.xlsx',
    seed: 406,
    year: 2024,
    month: 12,
    twoRowHeader: true,
    firstHeading: 'Ngành công nghiệp',
    quarterColumn: true,
  }),
];
