import type { Figure } from '../support/workbooks';
import { month, ytd, year as wholeYear } from './periods';
import type { ColumnSpec, RowSpec } from './sheet-builder';
import { nameColumn, simpleCase, sttColumn, titleBlock, unitColumn } from './simple-case';
import { planKey, type CorpusCase } from './truth';

/** The traps real workbooks hold, one workbook per trap (see ../shared/domain.md, "Numbers, text and traps"). */

const dataCol = (
  id: string,
  heading: string,
  target: Extract<ColumnSpec, { kind: 'data' }>['target'],
  scale: number | 'pct',
  group?: string,
): ColumnSpec => ({
  id,
  kind: 'data',
  heading,
  target,
  scale,
  ...(group ? { group } : {}),
});

/** A title that names no period: the clerk chooses May 2025, and the relative headings follow it. */
const noPeriodInTitle = simpleCase({
  family: 'traps',
  name: 'bay-khong-ky-trong-tieu-de.xlsx',
  seed: 601,
  reportPeriod: '2025-05',
  titleNamesPeriod: false,
  sheets: [
    {
      name: 'Chỉ tiêu',
      above: [...titleBlock(8), [], ['BÁO CÁO MỘT SỐ CHỈ TIÊU CHỦ YẾU NGÀNH CÔNG THƯƠNG'], []],
      columns: [
        sttColumn,
        nameColumn(),
        unitColumn(),
        dataCol('plan', 'Kế hoạch năm', { plan: planKey(2025) }, 12.5),
        dataCol('prev', 'Thực hiện tháng trước', { period: month(2025, 4), status: 'actual' }, 0.97),
        dataCol('est', 'Ước thực hiện tháng báo cáo', { period: month(2025, 5), status: 'estimate' }, 1),
        dataCol('cum', 'Lũy kế từ đầu năm', { period: ytd(2025, 5), status: 'estimate' }, 5),
        dataCol('same', 'Cùng kỳ tháng báo cáo năm trước', { period: month(2024, 5), status: null }, 0.93),
        dataCol('cmp', 'So sánh với cùng kỳ (%)', null, 'pct'),
      ],
      rows: [
        {
          stt: 1,
          name: 'Giá trị sản xuất công nghiệp (giá so sánh 2010)',
          unit: 'Tỷ đồng',
          land: { code: 'GTSXCN', factor: 1 },
          base: 1050,
        },
        { stt: 2, name: 'Điện thương phẩm', unit: 'Triệu kWh', land: { code: 'SPCN_DIEN_TP', factor: 1 }, base: 121 },
        {
          stt: 3,
          name: 'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng',
          unit: 'Tỷ đồng',
          land: { code: 'BLHH', factor: 1 },
          base: 2500,
        },
        { stt: 4, name: 'Kim ngạch xuất khẩu', unit: 'Triệu USD', land: { code: 'XK', factor: 1 }, base: 252 },
        { stt: 5, name: 'Kim ngạch nhập khẩu', unit: 'Triệu USD', land: { code: 'NK', factor: 1 }, base: 203 },
      ],
    },
  ],
});

/**
 * "Đơn vị tính: triệu đồng" once above a retail table without a unit column; the combined row "ăn uống, lưu trú,
 * du lịch lữ hành" names two indicators and lands on neither; "Cơ cấu (%)" is a share, not a figure.
 */
const unitNoteAndCombinedRow = simpleCase({
  family: 'traps',
  name: 'bay-don-vi-trieu-dong-dong-gop.xlsx',
  seed: 602,
  reportPeriod: '2025-07',
  sheets: [
    {
      name: 'BLHH',
      above: [
        ['CỤC THỐNG KÊ TỈNH BÌNH PHƯỚC'],
        [],
        ['TỔNG MỨC BÁN LẺ HÀNG HÓA VÀ DOANH THU DỊCH VỤ TIÊU DÙNG THÁNG 7 NĂM 2025'],
        [null, null, null, null, null, 'Đơn vị tính: triệu đồng'],
        [],
      ],
      columns: [
        sttColumn,
        nameColumn(''),
        dataCol('prev', 'Thực hiện tháng 6/2025', { period: month(2025, 6), status: 'actual' }, 0.98),
        dataCol('est', 'Ước tính tháng 7/2025', { period: month(2025, 7), status: 'estimate' }, 1),
        dataCol('cum', 'Cộng dồn 7 tháng năm 2025', { period: ytd(2025, 7), status: 'estimate' }, 7),
        dataCol('share', 'Cơ cấu 7 tháng năm 2025 (%)', null, 'pct'),
        dataCol('cmpm', 'Tháng 7/2025 so với cùng kỳ năm trước (%)', null, 'pct'),
        dataCol('cmpc', '7 tháng năm 2025 so với cùng kỳ năm trước (%)', null, 'pct'),
      ],
      rows: [
        { name: 'TỔNG SỐ', land: { code: 'BLHH', factor: 0.001 }, base: 2_500_000 },
        { stt: 1, name: 'Doanh thu bán lẻ hàng hóa', land: { code: 'BLHH_HH', factor: 0.001 }, base: 1_920_000 },
        { stt: 2, name: 'Doanh thu dịch vụ ăn uống, lưu trú, du lịch lữ hành', base: 308_000 },
        { stt: 3, name: 'Doanh thu dịch vụ khác', land: { code: 'BLHH_DVK', factor: 0.001 }, base: 272_000 },
      ],
      signatures: false,
    },
  ],
});

/**
 * "Thực hiện năm 2024" (the whole of last year) beside "Thực hiện cùng kỳ" (the same eight months) in an August
 * report: two different periods.
 */
const lastYearBesideSamePeriod = simpleCase({
  family: 'traps',
  name: 'bay-nam-truoc-va-cung-ky.xlsx',
  seed: 603,
  reportPeriod: '2025-08',
  sheets: [
    {
      name: 'Biểu 03',
      above: [...titleBlock(9), ['Biểu số 03/BC-SCT'], ['TÌNH HÌNH THƯƠNG MẠI, DỊCH VỤ THÁNG 8 NĂM 2025'], []],
      codeRow: true,
      columns: [
        sttColumn,
        nameColumn(),
        unitColumn(),
        dataCol('lastyear', 'Thực hiện năm 2024', { period: wholeYear(2024), status: 'actual' }, 11.4),
        dataCol('samecum', 'Thực hiện cùng kỳ 8 tháng năm 2024', { period: ytd(2024, 8), status: 'actual' }, 7.4),
        dataCol('est', 'Ước thực hiện tháng 8/2025', { period: month(2025, 8), status: 'estimate' }, 1),
        dataCol('cum', 'Ước thực hiện 8 tháng năm 2025', { period: ytd(2025, 8), status: 'estimate' }, 8),
        dataCol('cmp', 'So sánh LK với cùng kỳ (%)', null, 'pct'),
        dataCol('vsyear', '8 tháng so với năm 2024 (%)', null, 'pct'),
      ],
      rows: [
        { stt: 'I', name: 'TỔNG MỨC BLHH VÀ DTDVTD', unit: 'Tỷ đồng', land: { code: 'BLHH', factor: 1 }, base: 2500 },
        { stt: 1, name: 'Bán lẻ hàng hóa', unit: 'Tỷ đồng', land: { code: 'BLHH_HH', factor: 1 }, base: 1920 },
        {
          stt: 2,
          name: 'Dịch vụ lưu trú, ăn uống',
          unit: 'Tỷ đồng',
          land: { code: 'BLHH_LTAU', factor: 1 },
          base: 290,
        },
        { stt: 3, name: 'Du lịch lữ hành', unit: 'Tỷ đồng', land: { code: 'BLHH_DL', factor: 1 }, base: 18 },
        { stt: 4, name: 'Dịch vụ khác', unit: 'Tỷ đồng', land: { code: 'BLHH_DVK', factor: 1 }, base: 272 },
        { stt: 'II', name: 'Kim ngạch xuất khẩu', unit: 'Triệu USD', land: { code: 'XK', factor: 1 }, base: 252 },
        { stt: 'III', name: 'Kim ngạch nhập khẩu', unit: 'Triệu USD', land: { code: 'NK', factor: 1 }, base: 203 },
      ],
    },
  ],
});

/**
 * Two cumulatives: the one beside "Thực hiện tháng 8" (official) is actual, the one beside "Ước thực hiện tháng 9"
 * is an estimate.
 */
const twoCumulatives = simpleCase({
  family: 'traps',
  name: 'bay-luy-ke-thuc-hien-va-uoc.xlsx',
  seed: 604,
  reportPeriod: '2025-09',
  sheets: [
    {
      name: 'Sheet1',
      above: [...titleBlock(8), [], ['BÁO CÁO TÌNH HÌNH SẢN XUẤT CÔNG NGHIỆP THÁNG 9 NĂM 2025'], []],
      twoRowHeader: true,
      columns: [
        sttColumn,
        nameColumn('Tên sản phẩm'),
        unitColumn('Đơn vị tính'),
        dataCol('prev', 'Tháng 8', { period: month(2025, 8), status: 'actual' }, 0.98, 'Thực hiện'),
        dataCol('prevcum', 'Lũy kế 8 tháng', { period: ytd(2025, 8), status: 'actual' }, 7.9, 'Thực hiện'),
        dataCol('est', 'Tháng 9', { period: month(2025, 9), status: 'estimate' }, 1, 'Ước thực hiện'),
        dataCol('cum', 'Lũy kế 9 tháng', { period: ytd(2025, 9), status: 'estimate' }, 9, 'Ước thực hiện'),
        dataCol('cmpm', 'Tháng 9 so với tháng 8', null, 'pct', 'So sánh (%)'),
        dataCol('cmpc', 'LK so với cùng kỳ', null, 'pct', 'So sánh (%)'),
      ],
      rows: [
        { stt: 1, name: 'Điện sản xuất', unit: 'Triệu KWh', land: { code: 'SPCN_DIEN_SX', factor: 1 }, base: 152 },
        { stt: 2, name: 'Điện thương phẩm', unit: 'Triệu KWh', land: { code: 'SPCN_DIEN_TP', factor: 1 }, base: 121 },
        { stt: 3, name: 'Nước máy thương phẩm', unit: '1000 m3', land: { code: 'SPCN_NUOC', factor: 1 }, base: 2050 },
        { stt: 4, name: 'Xi măng', unit: 'Nghìn tấn', land: { code: 'SPCN_XIMANG', factor: 1000 }, base: 31 },
        { stt: 5, name: 'Hạt điều nhân', unit: 'Tấn', land: { code: 'SPCN_DIEU', factor: 1 }, base: 8200 },
        { stt: 6, name: 'Quần áo các loại', unit: 'Triệu cái', land: { code: 'SPCN_QUANAO', factor: 1000 }, base: 2.6 },
      ],
    },
  ],
});

/** Prose, "-", "x" and numbers typed as Vietnamese text in the figure cells. */
const textInCells = simpleCase({
  family: 'traps',
  name: 'bay-chu-trong-o-so.xlsx',
  seed: 605,
  reportPeriod: '2024-06',
  sheets: [
    {
      name: 'Biểu 01',
      above: [...titleBlock(8), ['Biểu số 01'], ['BÁO CÁO TÌNH HÌNH KINH TẾ NGÀNH CÔNG THƯƠNG THÁNG 6 NĂM 2024'], []],
      columns: [
        sttColumn,
        nameColumn(),
        unitColumn(),
        dataCol('plan', 'Kế hoạch năm 2024', { plan: planKey(2024) }, 12.5),
        dataCol('est', 'Ước thực hiện tháng 6/2024', { period: month(2024, 6), status: 'estimate' }, 1),
        dataCol('cum', 'Ước thực hiện 6 tháng năm 2024', { period: ytd(2024, 6), status: 'estimate' }, 6),
        dataCol('same', 'Cùng kỳ 6 tháng năm 2023', { period: ytd(2023, 6), status: null }, 5.5),
        dataCol('cmp', 'So sánh 6 tháng với cùng kỳ (%)', null, 'pct'),
        dataCol('plan%', 'So với KH (%)', null, 'pct'),
      ],
      rows: [
        {
          stt: 'I',
          name: 'Giá trị sản xuất công nghiệp (giá so sánh 2010)',
          unit: 'Tỷ đồng',
          land: { code: 'GTSXCN', factor: 1 },
          base: 1050,
          cells: { est: { cell: '1.052,4', truth: 1052.4 }, same: { cell: '8.290 tỷ đồng (↓3,32%)', figure: false } },
        },
        {
          stt: 'II',
          name: 'TỔNG MỨC BLHH VÀ DTDVTD',
          unit: 'Tỷ đồng',
          land: { code: 'BLHH', factor: 1 },
          base: 2500,
          cells: {
            plan: { cell: '28.800', truth: 28800 },
            est: { cell: '2.260', truth: 2260 },
            cum: { cell: '14.659,9', truth: 14659.9 },
            cmp: { cell: '121,9', truth: 'none' },
          },
        },
        { stt: 'III', name: 'Sản phẩm chủ yếu' },
        {
          stt: 1,
          name: 'Điện sản xuất',
          unit: 'Triệu KWh',
          land: { code: 'SPCN_DIEN_SX', factor: 1 },
          base: 152,
          cells: { plan: { cell: 'x', figure: false }, same: { cell: '-', figure: false } },
        },
        {
          stt: 2,
          name: 'Xi măng Portland đen',
          unit: 'Tấn',
          land: { code: 'SPCN_XIMANG', factor: 1 },
          base: 31000,
          cells: { est: { cell: '-', figure: false }, cmp: { cell: 'x', figure: false } },
        },
        {
          stt: 3,
          name: 'Hạt điều nhân',
          unit: 'Tấn',
          land: { code: 'SPCN_DIEU', factor: 1 },
          base: 8200,
          cells: { cum: { cell: '56..537,447', figure: false } },
        },
        {
          stt: 4,
          name: 'Muối biển',
          unit: 'Tấn',
          land: { code: 'SPCN_MUOI', factor: 1 },
          base: 5200,
          cells: { est: { cell: ' 5.310 ', truth: 5310 } },
        },
      ],
    },
  ],
});

/** Cumulatives as formulas with the result Excel cached, and ratios in percent-formatted cells. */
const formulasAndPercentCells = simpleCase({
  family: 'traps',
  name: 'bay-cong-thuc-o-phan-tram.xlsx',
  seed: 606,
  reportPeriod: '2025-04',
  sheets: [
    {
      name: 'Tổng hợp',
      above: [...titleBlock(7), [], ['TÌNH HÌNH THỰC HIỆN CÁC CHỈ TIÊU THÁNG 4 NĂM 2025'], []],
      columns: [
        sttColumn,
        nameColumn(),
        unitColumn(),
        dataCol('prev', 'Thực hiện tháng 3/2025', { period: month(2025, 3), status: 'actual' }, 1),
        dataCol('est', 'Ước thực hiện tháng 4/2025', { period: month(2025, 4), status: 'estimate' }, 1),
        dataCol('cum', 'Lũy kế 4 tháng năm 2025', { period: ytd(2025, 4), status: 'estimate' }, 4),
        dataCol('cmp', 'So sánh LK với cùng kỳ (%)', null, 'pct'),
      ],
      rows: [
        {
          stt: 1,
          name: 'Điện thương phẩm',
          unit: 'Triệu kWh',
          land: { code: 'SPCN_DIEN_TP', factor: 1 },
          cells: {
            prev: { cell: 118.4 },
            est: { cell: 121.6 },
            cum: { cell: { formula: 'D7+E7+236.9', result: 476.9 } },
            cmp: { cell: { formula: 'F7/440*100', result: 108.4 } },
          },
        },
        {
          stt: 2,
          name: 'Nước máy thương phẩm',
          unit: 'Nghìn m3',
          land: { code: 'SPCN_NUOC', factor: 1 },
          cells: {
            prev: { cell: 2012 },
            est: { cell: 2068 },
            cum: { cell: { formula: 'D8+E8+4010', result: 8090 } },
            cmp: { cell: 1.052, format: '0.0%', truth: 'none' },
          },
        },
        { stt: 'II', name: 'Cải cách hành chính' },
        {
          stt: 1,
          name: 'Tỷ lệ cắt giảm thời gian giải quyết thủ tục hành chính',
          unit: '%',
          land: { code: 'CCHC_CATGIAM', factor: 1 },
          cells: {
            est: { cell: 0.392, format: '0.0%', truth: 39.2 },
            cum: { cell: 0.385, format: '0.0%', truth: 38.5 },
          },
        },
        {
          stt: 2,
          name: 'Tỷ lệ dịch vụ công trực tuyến mức độ 4',
          unit: '%',
          land: { code: 'CCHC_DVC4', factor: 1 },
          cells: { est: { cell: 1, format: '0%', truth: 100 }, cum: { cell: 1, format: '0%', truth: 100 } },
        },
        {
          stt: 3,
          name: 'Tỷ lệ thủ tục hành chính được tiếp nhận và trả kết quả trực tuyến',
          unit: '%',
          land: { code: 'CCHC_TRUCTUYEN', factor: 1 },
          cells: { est: { cell: 96.4, truth: 96.4 }, cum: { cell: 95.8, truth: 95.8 } },
        },
      ],
    },
  ],
});

/** A negative figure for a flow is a typing slip: refused with the reason, every other figure still imported. */
const negativeFlows = simpleCase({
  family: 'traps',
  name: 'bay-so-am.xlsx',
  seed: 607,
  reportPeriod: '2025-02',
  sheets: [
    {
      name: 'Biểu 01',
      above: [...titleBlock(7), [], ['BÁO CÁO TÌNH HÌNH SẢN XUẤT CÔNG NGHIỆP, THƯƠNG MẠI THÁNG 2 NĂM 2025'], []],
      columns: [
        sttColumn,
        nameColumn(),
        unitColumn(),
        dataCol('prev', 'Thực hiện tháng 1/2025', { period: month(2025, 1), status: 'actual' }, 1),
        dataCol('est', 'Ước thực hiện tháng 2/2025', { period: month(2025, 2), status: 'estimate' }, 1),
        dataCol('cum', 'Lũy kế 2 tháng năm 2025', { period: ytd(2025, 2), status: 'estimate' }, 2),
        dataCol('cmp', 'So sánh LK với cùng kỳ (%)', null, 'pct'),
      ],
      rows: [
        {
          stt: 1,
          name: 'Điện sản xuất',
          unit: 'Triệu kWh',
          land: { code: 'SPCN_DIEN_SX', factor: 1 },
          base: 152,
          cells: { est: { cell: -152.3, refuse: 'sản lượng điện của một tháng không thể âm' } },
        },
        { stt: 2, name: 'Đường RS', unit: 'Tấn', land: { code: 'SPCN_DUONG', factor: 1 }, base: 3100 },
        {
          stt: 3,
          name: 'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng',
          unit: 'Tỷ đồng',
          land: { code: 'BLHH', factor: 1 },
          base: 2500,
          cells: { cum: { cell: -4988.2, refuse: 'doanh thu lũy kế không thể âm' } },
        },
        { stt: 4, name: 'Kim ngạch xuất khẩu', unit: 'Triệu USD', land: { code: 'XK', factor: 1 }, base: 252 },
      ],
    },
  ],
});

/**
 * The title on row 6 under a form number and two empty lines, STT typed as numbers (1.1), a column-code row with
 * "7=3/5", an extra empty column and a note column, then the signature block.
 */
const layoutOddities = simpleCase({
  family: 'traps',
  name: 'bay-tieu-de-dong-6-stt-so.xlsx',
  seed: 608,
  reportPeriod: '2024-07',
  sheets: [
    {
      name: 'Biểu 05',
      above: [
        ...titleBlock(10),
        ['Biểu số 05/SCT-TH'],
        [],
        [],
        ['SẢN PHẨM CÔNG NGHIỆP CHỦ YẾU THÁNG 7 NĂM 2024'],
        [null, null, null, null, null, null, null, '(Kèm theo báo cáo số 125/BC-SCT)'],
        [],
      ],
      codeRow: true,
      columns: [
        { id: 'stt', kind: 'stt', heading: 'STT', code: 'A' },
        { id: 'name', kind: 'name', heading: 'Tên sản phẩm', code: 'B' },
        { id: 'unit', kind: 'unit', heading: 'ĐVT', code: 'C' },
        { id: 'blank', kind: 'blank', heading: '' },
        {
          id: 'est',
          kind: 'data',
          heading: 'Ước thực hiện tháng 7/2024',
          code: '1',
          target: { period: month(2024, 7), status: 'estimate' },
          scale: 1,
        },
        {
          id: 'cum',
          kind: 'data',
          heading: 'Ước thực hiện 7 tháng năm 2024',
          code: '2',
          target: { period: ytd(2024, 7), status: 'estimate' },
          scale: 7,
        },
        {
          id: 'samem',
          kind: 'data',
          heading: 'Cùng kỳ tháng 7/2023',
          code: '3',
          target: { period: month(2023, 7), status: null },
          scale: 0.93,
        },
        {
          id: 'samec',
          kind: 'data',
          heading: 'Cùng kỳ 7 tháng năm 2023',
          code: '4',
          target: { period: ytd(2023, 7), status: null },
          scale: 6.6,
        },
        { id: 'cmpm', kind: 'data', heading: 'Tháng 7 so với cùng kỳ (%)', code: '5=1/3', target: null, scale: 'pct' },
        { id: 'cmpc', kind: 'data', heading: '7 tháng so với cùng kỳ (%)', code: '6=2/4', target: null, scale: 'pct' },
        { id: 'note', kind: 'blank', heading: 'Ghi chú', code: '7' },
      ],
      rows: [
        { stt: 1, name: 'Sản phẩm chủ yếu' },
        { stt: 1.1, name: 'Điện sản xuất', unit: 'Triệu KWh', land: { code: 'SPCN_DIEN_SX', factor: 1 }, base: 152 },
        { stt: 1.2, name: 'Tinh bột sắn', unit: 'Tấn', land: { code: 'SPCN_TINHBOTSAN', factor: 1 }, base: 21000 },
        {
          stt: 1.3,
          name: 'Giày, dép có đế hoặc mũ bằng da',
          unit: '1000 đôi',
          land: { code: 'SPCN_GIAYDEP', factor: 1 },
          base: 4100,
        },
        { stt: 1.4, name: 'Gỗ cưa, xẻ các loại', unit: 'M3', land: { code: 'SPCN_GO', factor: 1 }, base: 12500 },
        {
          stt: 1.5,
          name: 'Bao bì và túi bằng giấy nhăn và bìa nhăn',
          unit: '1000 chiếc',
          land: { code: 'SPCN_BAOBI', factor: 1 },
          base: 930,
        },
        { stt: 1.6, name: 'Hạt tiêu đen', unit: 'Tấn', base: 900 },
      ],
    },
  ],
});

/**
 * Section context: "Hạt điều nhân" in tấn under the products is what was produced; the same name, with its unit in
 * parentheses and no unit cell, under "Kim ngạch xuất khẩu" / "Trong đó:" is what was exported.
 */
const sameNameTwoSections = simpleCase({
  family: 'traps',
  name: 'bay-cung-ten-hai-phan.xlsx',
  seed: 609,
  reportPeriod: '2025-10',
  sheets: [
    {
      name: 'Biểu 01',
      above: [...titleBlock(7), [], ['TÌNH HÌNH SẢN XUẤT CÔNG NGHIỆP VÀ XUẤT KHẨU THÁNG 10 NĂM 2025'], []],
      columns: [
        sttColumn,
        nameColumn(),
        unitColumn(),
        dataCol('est', 'Ước thực hiện tháng 10/2025', { period: month(2025, 10), status: 'estimate' }, 1),
        dataCol('cum', 'Ước thực hiện 10 tháng năm 2025', { period: ytd(2025, 10), status: 'estimate' }, 10),
        dataCol('same', 'Cùng kỳ 10 tháng năm 2024', { period: ytd(2024, 10), status: null }, 9.2),
        dataCol('cmp', 'So sánh LK với cùng kỳ (%)', null, 'pct'),
      ],
      rows: [
        { stt: 'I', name: 'Sản phẩm công nghiệp chủ yếu' },
        { stt: 1, name: 'Hạt điều nhân', unit: 'Tấn', land: { code: 'SPCN_DIEU', factor: 1 }, base: 8200 },
        { stt: 2, name: 'Tinh bột sắn', unit: 'Tấn', land: { code: 'SPCN_TINHBOTSAN', factor: 1 }, base: 21000 },
        { stt: 3, name: 'Muối biển', unit: 'Tấn', land: { code: 'SPCN_MUOI', factor: 1 }, base: 5200 },
        { stt: 'II', name: 'Kim ngạch xuất khẩu', unit: 'Triệu USD', land: { code: 'XK', factor: 1 }, base: 252 },
        { name: 'Trong đó:' },
        { stt: '-', name: 'Hạt điều nhân (Tấn)', land: { code: 'XK_DIEU_L', factor: 0.001 }, base: 8400 },
        { stt: '-', name: 'Hạt điều nhân (Triệu USD)', land: { code: 'XK_DIEU_GT', factor: 1 }, base: 51 },
        { stt: '-', name: 'Cao su (Tấn)', land: { code: 'XK_CAOSU_L', factor: 0.001 }, base: 10200 },
        { stt: '-', name: 'Cao su (Triệu USD)', land: { code: 'XK_CAOSU_GT', factor: 1 }, base: 15.5 },
        { stt: 'III', name: 'Kim ngạch nhập khẩu', unit: 'Triệu USD', land: { code: 'NK', factor: 1 }, base: 203 },
        { name: 'Trong đó:' },
        { stt: '-', name: 'Hạt điều nhân (Tấn)', base: 900 },
        { stt: '-', name: 'Hạt điều thô (Tấn)', base: 41000 },
        { stt: '-', name: 'Hàng hóa khác (Triệu USD)', base: 120 },
      ],
    },
  ],
});

/** The assigned plan and the stretch target of the same year side by side. */
const twoPlanLevels = simpleCase({
  family: 'traps',
  name: 'bay-ke-hoach-giao-va-phan-dau.xlsx',
  seed: 610,
  // "6 tháng đầu năm 2025" in the title: the report is of the first half, not of June.
  reportPeriod: '2025-H1',
  sheets: [
    {
      name: 'KH 2025',
      above: [...titleBlock(8), [], ['KẾT QUẢ THỰC HIỆN 6 THÁNG ĐẦU NĂM 2025 SO VỚI KẾ HOẠCH'], []],
      twoRowHeader: true,
      columns: [
        sttColumn,
        nameColumn(),
        unitColumn(),
        dataCol('giao', 'Kế hoạch giao', { plan: planKey(2025, 'giao') }, 12.2, 'Năm 2025'),
        dataCol('phandau', 'Chỉ tiêu phấn đấu', { plan: planKey(2025, 'phan_dau') }, 12.8, 'Năm 2025'),
        dataCol('h1', 'Ước thực hiện 6 tháng năm 2025', { period: ytd(2025, 6), status: 'estimate' }, 6),
        dataCol('pg', 'So với KH giao', null, 'pct', 'Tỷ lệ đạt (%)'),
        dataCol('pp', 'So với chỉ tiêu phấn đấu', null, 'pct', 'Tỷ lệ đạt (%)'),
      ],
      rows: [
        {
          stt: 1,
          name: 'Giá trị sản xuất công nghiệp (giá so sánh 2010)',
          unit: 'Tỷ đồng',
          land: { code: 'GTSXCN', factor: 1 },
          base: 1050,
        },
        {
          stt: 2,
          name: 'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng',
          unit: 'Tỷ đồng',
          land: { code: 'BLHH', factor: 1 },
          base: 2500,
        },
        {
          stt: 3,
          name: 'Tổng kim ngạch xuất nhập khẩu',
          unit: 'Triệu USD',
          land: { code: 'XNK', factor: 1 },
          base: 455,
        },
        { stt: 4, name: 'Kim ngạch xuất khẩu', unit: 'Triệu USD', land: { code: 'XK', factor: 1 }, base: 252 },
        {
          stt: 5,
          name: 'Chỉ số sản xuất công nghiệp (IIP)',
          unit: '%',
          land: { code: 'IIP', factor: 1 },
          base: 100,
          index: true,
          only: ['giao', 'phandau', 'h1'],
        },
      ],
    },
  ],
});

/** Export and import of one month on two sheets of one workbook: the sheet's title says which flow its goods are. */
const twoSheetsOneFile: CorpusCase = simpleCase({
  family: 'traps',
  name: 'bay-hai-sheet-xuat-nhap.xlsx',
  seed: 611,
  reportPeriod: '2024-08',
  sheets: (['XUẤT KHẨU', 'NHẬP KHẨU'] as const).map((flow) => {
    const exporting = flow === 'XUẤT KHẨU';
    const goods: RowSpec[] = [
      {
        stt: 'I',
        name: exporting ? 'Tổng kim ngạch xuất khẩu' : 'Tổng kim ngạch nhập khẩu',
        unit: 'Triệu USD',
        land: { code: exporting ? 'XK' : 'NK', factor: 1 },
        base: exporting ? 252 : 203,
      },
      { stt: 'II', name: 'Mặt hàng chủ yếu' },
      {
        stt: 1,
        name: 'Hạt điều nhân',
        unit: 'Tấn',
        ...(exporting ? { land: { code: 'XK_DIEU_L', factor: 0.001 } } : {}),
        base: 8400,
      },
      {
        stt: '',
        name: 'Hạt điều nhân',
        unit: 'Triệu USD',
        ...(exporting ? { land: { code: 'XK_DIEU_GT', factor: 1 } } : {}),
        base: 51,
      },
      {
        stt: 2,
        name: 'Hàng hóa khác',
        unit: 'Triệu USD',
        ...(exporting ? { land: { code: 'XK_KHAC_GT', factor: 1 } } : {}),
        base: 90,
      },
    ];
    const columns: ColumnSpec[] = [
      sttColumn,
      nameColumn('Mặt hàng'),
      unitColumn(),
      dataCol('est', 'Ước thực hiện tháng 8/2024', { period: month(2024, 8), status: 'estimate' }, 1),
      dataCol('cum', 'Lũy kế 8 tháng năm 2024', { period: ytd(2024, 8), status: 'estimate' }, 8),
      dataCol('cmp', 'So sánh LK với cùng kỳ (%)', null, 'pct'),
    ];
    const above: Figure[][] = [...titleBlock(6), [], [`TÌNH HÌNH ${flow} THÁNG 8 NĂM 2024`], []];
    return { name: exporting ? 'XK' : 'NK', above, columns, rows: goods };
  }),
});

/** A quarterly report: the title names the quarter, the columns the quarter and the nine months. */
const quarterReport = simpleCase({
  family: 'traps',
  name: 'bay-bao-cao-quy-III.xlsx',
  seed: 612,
  reportPeriod: '2025-Q3',
  sheets: [
    {
      name: 'Quý III',
      above: [...titleBlock(8), [], ['BÁO CÁO TÌNH HÌNH KINH TẾ NGÀNH CÔNG THƯƠNG QUÝ III NĂM 2025'], []],
      twoRowHeader: true,
      columns: [
        sttColumn,
        nameColumn(),
        unitColumn(),
        dataCol('q', 'Quý III', { period: '2025-Q3', status: 'actual' }, 3, 'Thực hiện năm 2025'),
        dataCol('cum', '9 tháng', { period: ytd(2025, 9), status: 'actual' }, 9, 'Thực hiện năm 2025'),
        dataCol('sameq', 'Quý III', { period: '2024-Q3', status: null }, 2.8, 'Cùng kỳ năm 2024'),
        dataCol('samecum', '9 tháng', { period: ytd(2024, 9), status: null }, 8.4, 'Cùng kỳ năm 2024'),
        dataCol('cmpq', 'Quý III', null, 'pct', 'So với cùng kỳ (%)'),
        dataCol('cmpc', '9 tháng', null, 'pct', 'So với cùng kỳ (%)'),
      ],
      rows: [
        {
          stt: 'I',
          name: 'Chỉ số sản xuất công nghiệp (IIP)',
          unit: '%',
          land: { code: 'IIP', factor: 1 },
          base: 100,
          index: true,
          only: ['q', 'cum'],
        },
        {
          stt: 'II',
          name: 'Giá trị sản xuất công nghiệp (giá so sánh 2010)',
          unit: 'Tỷ đồng',
          land: { code: 'GTSXCN', factor: 1 },
          base: 1050,
        },
        {
          stt: 'III',
          name: 'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng',
          unit: 'Tỷ đồng',
          land: { code: 'BLHH', factor: 1 },
          base: 2500,
        },
        { stt: 'IV', name: 'Kim ngạch xuất khẩu', unit: 'Triệu USD', land: { code: 'XK', factor: 1 }, base: 252 },
        { stt: 'V', name: 'Kim ngạch nhập khẩu', unit: 'Triệu USD', land: { code: 'NK', factor: 1 }, base: 203 },
        {
          stt: 'VI',
          name: 'Kim ngạch thương mại qua các cửa khẩu biên giới',
          unit: 'Triệu USD',
          land: { code: 'TMBG', factor: 1 },
          base: 31,
        },
      ],
    },
  ],
});

/** The year's report: this year, last year and next year's plan, each a column of its own. */
const annualReport = simpleCase({
  family: 'traps',
  name: 'bay-bao-cao-nam-2024.xlsx',
  seed: 613,
  reportPeriod: '2024',
  sheets: [
    {
      name: 'Năm 2024',
      above: [
        ...titleBlock(9),
        ['Biểu số 02/BC-SCT'],
        ['BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2024 VÀ KẾ HOẠCH NĂM 2025'],
        [],
      ],
      codeRow: true,
      columns: [
        sttColumn,
        nameColumn(),
        unitColumn(),
        dataCol('last', 'Thực hiện năm 2023', { period: wholeYear(2023), status: 'actual' }, 11.2),
        dataCol('plan', 'Kế hoạch năm 2024', { plan: planKey(2024) }, 12.4),
        dataCol('year', 'Thực hiện năm 2024', { period: wholeYear(2024), status: 'actual' }, 12),
        dataCol('vslast', 'So với năm 2023 (%)', null, 'pct'),
        dataCol('vsplan', 'So với kế hoạch (%)', null, 'pct'),
        dataCol('next', 'Kế hoạch năm 2025', { plan: planKey(2025) }, 13.1),
      ],
      rows: [
        {
          stt: 1,
          name: 'Chỉ số sản xuất công nghiệp (IIP)',
          unit: '%',
          land: { code: 'IIP', factor: 1 },
          base: 100,
          index: true,
          only: ['plan', 'year', 'next'],
        },
        {
          stt: 2,
          name: 'Giá trị sản xuất công nghiệp (giá so sánh 2010)',
          unit: 'Tỷ đồng',
          land: { code: 'GTSXCN', factor: 1 },
          base: 1050,
        },
        {
          stt: 3,
          name: 'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng',
          unit: 'Tỷ đồng',
          land: { code: 'BLHH', factor: 1 },
          base: 2500,
        },
        {
          stt: 4,
          name: 'Tổng kim ngạch xuất nhập khẩu',
          unit: 'Triệu USD',
          land: { code: 'XNK', factor: 1 },
          base: 455,
        },
        { stt: '-', name: 'Kim ngạch xuất khẩu', unit: 'Triệu USD', land: { code: 'XK', factor: 1 }, base: 252 },
        { stt: '-', name: 'Kim ngạch nhập khẩu', unit: 'Triệu USD', land: { code: 'NK', factor: 1 }, base: 203 },
        { stt: 5, name: 'Số doanh nghiệp thương mại điện tử', unit: 'Doanh nghiệp', base: 14, decimals: 0 },
      ],
    },
  ],
});

/**
 * A table that starts in column B with the units in the names ("Điện sản xuất (triệu kWh)") and no unit column;
 * then retail by district and by kind of enterprise, which the catalog does not break down.
 */
const marginUnitsInNamesAndBreakdowns = simpleCase({
  family: 'traps',
  name: 'bay-cot-b-don-vi-trong-ten-chia-theo-huyen.xlsx',
  seed: 614,
  reportPeriod: '2024-11',
  sheets: [
    {
      name: 'TH',
      above: [[null, 'SỞ CÔNG THƯƠNG BÌNH PHƯỚC'], [], [null, 'MỘT SỐ CHỈ TIÊU CHỦ YẾU THÁNG 11/2024'], []],
      startColumn: 2,
      columns: [
        sttColumn,
        nameColumn('Chỉ tiêu'),
        dataCol('est', 'Ước TH tháng 11/2024', { period: month(2024, 11), status: 'estimate' }, 1),
        dataCol('cum', 'Ước TH 11 tháng 2024', { period: ytd(2024, 11), status: 'estimate' }, 11),
        dataCol('same', 'Cùng kỳ 11 tháng 2023', { period: ytd(2023, 11), status: null }, 10.2),
        dataCol('cmp', 'So sánh (%)', null, 'pct'),
      ],
      rows: [
        { stt: 1, name: 'Điện sản xuất (triệu kWh)', land: { code: 'SPCN_DIEN_SX', factor: 1 }, base: 152 },
        { stt: 2, name: 'Nước máy thương phẩm (1000 m3)', land: { code: 'SPCN_NUOC', factor: 1 }, base: 2050 },
        { stt: 3, name: 'Hạt điều nhân (tấn)', land: { code: 'SPCN_DIEU', factor: 1 }, base: 8200 },
        {
          stt: 4,
          name: 'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng (tỷ đồng)',
          land: { code: 'BLHH', factor: 1 },
          base: 2500,
        },
        { stt: '', name: 'Chia theo huyện, thị xã, thành phố' },
        { stt: '-', name: 'Thành phố Đồng Xoài (tỷ đồng)', base: 520 },
        { stt: '-', name: 'Thị xã Bình Long (tỷ đồng)', base: 210 },
        { stt: '-', name: 'Huyện Bù Đăng (tỷ đồng)', base: 190 },
        { stt: '-', name: 'Huyện Lộc Ninh (tỷ đồng)', base: 230 },
        { stt: '', name: 'Chia theo loại hình kinh tế' },
        { stt: '-', name: 'Kinh tế nhà nước (tỷ đồng)', base: 120 },
        { stt: '-', name: 'Kinh tế ngoài nhà nước (tỷ đồng)', base: 2250 },
        { stt: '-', name: 'Khu vực có vốn đầu tư nước ngoài (tỷ đồng)', base: 130 },
        { stt: 5, name: 'Kim ngạch xuất khẩu (triệu USD)', land: { code: 'XK', factor: 1 }, base: 252 },
        { stt: '', name: 'Trong đó: khu vực có vốn đầu tư nước ngoài (triệu USD)', base: 160 },
      ],
    },
  ],
});

export const trapCases: CorpusCase[] = [
  noPeriodInTitle,
  unitNoteAndCombinedRow,
  lastYearBesideSamePeriod,
  twoCumulatives,
  textInCells,
  formulasAndPercentCells,
  negativeFlows,
  layoutOddities,
  sameNameTwoSections,
  twoPlanLevels,
  twoSheetsOneFile,
  quarterReport,
  annualReport,
  marginUnitsInNamesAndBreakdowns,
];
