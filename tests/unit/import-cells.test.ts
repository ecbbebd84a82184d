import { describe, expect, it } from 'vitest';
import { figureInCell, shownText, sttOfCell, type CellReading } from '../../shared/import/cells';
import { periodInTitle, unitLabelInTitle } from '../../shared/import/title';
import { formatPeriodKey } from '../../shared/periods/period';

function figure(cell: CellReading | undefined): number | null | string {
  const f = figureInCell(cell);
  return f.kind === 'number' ? f.value : f.kind === 'none' ? null : `problem: ${f.reason}`;
}

describe('the figure in a cell', () => {
  it('reads numbers, and text in Vietnamese notation: "2.260" is two thousand two hundred sixty', () => {
    expect(figure({ t: 'n', v: 14659.9 })).toBe(14659.9);
    expect(figure({ t: 's', v: '14.659,9' })).toBe(14659.9);
    expect(figure({ t: 's', v: '2.260' })).toBe(2260);
    expect(figure({ t: 's', v: ' 5,79 ' })).toBe(5.79);
  });

  it('reads a formula by the result Excel cached', () => {
    expect(figure({ t: 'n', v: 466.03, formula: 'E5+F5' })).toBe(466.03);
  });

  it('reads a number shown as a percentage as the percentage the clerk sees: 0,392 in a 0,0% cell is 39,2', () => {
    expect(figure({ t: 'n', v: 0.392, percent: true })).toBe(39.2);
    expect(figure({ t: 'n', v: 1.0579, percent: true, formula: 'D5/E5' })).toBe(105.79);
    expect(shownText({ t: 'n', v: 0.392, percent: true })).toBe('39,2%');
  });

  it('takes "-", "x" and an empty cell as no figure', () => {
    for (const text of ['-', 'x', 'X', '', '  ', '…']) expect(figure({ t: 's', v: text })).toBeNull();
    expect(figure(undefined)).toBeNull();
  });

  it('calls prose in a figure cell a problem, with the reason', () => {
    expect(figure({ t: 's', v: '8.290 tỷ đồng (↓3,32%)' })).toMatch(
      /^problem: Ô có "8.290 tỷ đồng \(↓3,32%\)", không phải một số\./,
    );
    expect(figure({ t: 's', v: '56..537,447' })).toMatch(/hai dấu chấm liền nhau/);
  });

  it('calls a formula without a cached result a problem, and says how to fix it', () => {
    expect(figure({ t: 'f', formula: 'SUM(E2:E9)' })).toMatch(
      /công thức =SUM\(E2:E9\) nhưng chưa có kết quả lưu sẵn.*lưu lại/,
    );
    expect(figure({ t: 'e', v: '#DIV/0!', formula: 'E2/F2' })).toMatch(/lỗi #DIV\/0!/);
  });

  it('keeps STT as the text the clerk typed, even when Excel stored 1.1000000000000001', () => {
    expect(sttOfCell({ t: 'n', v: 1.1000000000000001 })).toBe('1.1');
    expect(sttOfCell({ t: 's', v: '1.10' })).toBe('1.10');
    expect(sttOfCell({ t: 's', v: 'II' })).toBe('II');
  });
});

describe('the title block names the report period and the reporting unit', () => {
  const cases: [string, string][] = [
    ['BÁO CÁO TÌNH HÌNH SẢN XUẤT CÔNG NGHIỆP THÁNG 5 NĂM 2023', '2023-05'],
    ['Tháng 02/2026', '2026-02'],
    ['Báo cáo 6 tháng đầu năm 2023', '2023-H1'],
    ['BÁO CÁO 9 THÁNG NĂM 2024', '2024-9M'],
    ['Quý II năm 2023', '2023-Q2'],
    ['BÁO CÁO NĂM 2022', '2022'],
    ['SỐ LIỆU CÁC THÁNG NĂM 2023', '2023'],
    ['TÌNH HÌNH KINH TẾ - XÃ HỘI THÁNG 10 VÀ 10 THÁNG NĂM 2024', '2024-10'],
    ['Tình hình sản xuất công nghiệp năm 2024', '2024'],
  ];
  for (const [title, key] of cases) {
    it(`"${title}" is ${key}`, () => {
      const p = periodInTitle(title);
      expect(p && formatPeriodKey(p)).toBe(key);
    });
  }

  it('does not take the signature date for the report period', () => {
    expect(periodInTitle('Bình Phước, ngày 05 tháng 02 năm 2026')).toBeNull();
  });

  it('reads "Đơn vị báo cáo: Xã Tân Lập" but not "Đơn vị tính: triệu đồng"', () => {
    expect(unitLabelInTitle('Đơn vị báo cáo: Xã Tân Lập')).toBe('Xã Tân Lập');
    expect(unitLabelInTitle('Đơn vị tính: triệu đồng')).toBeNull();
  });
});
