import { describe, expect, it } from 'vitest';
import { readHeading } from '../../shared/import/headings';
import { describeRole } from '../../shared/import/plan';
import { periodOrThrow } from '../../shared/periods/period';

/** What a clerk reads beside the column in the preview, for a report period. */
function meaning(heading: string, report: string, lower = ''): string {
  return describeRole(readHeading(heading, lower).role, periodOrThrow(report));
}

describe('a column heading tells which period its figures are for, relative to the report period', () => {
  const may2023 = '2023-05';
  const cases: [string, string][] = [
    ['Thực hiện kỳ báo cáo', 'Tháng 5/2023 (thực hiện)'],
    ['Thực hiện kỳ trước', 'Tháng 4/2023 (thực hiện)'],
    ['Thực hiện tháng trước', 'Tháng 4/2023 (thực hiện)'],
    ['Thực hiện cùng kỳ', 'Tháng 5/2022 (thực hiện)'],
    ['Cùng kỳ năm trước', 'Tháng 5/2022'],
    ['Thực hiện 6 tháng đầu năm cùng kỳ', '6 tháng đầu năm 2022 (thực hiện)'],
    ['Ước thực hiện tháng 6', 'Tháng 6/2023 (ước tính)'],
    ['Ước thực hiện 6 tháng', '6 tháng đầu năm 2023 (ước tính)'],
    ['Ước thực hiện năm', 'Năm 2023 (ước tính)'],
    ['Lũy kế', '5 tháng năm 2023'],
    ['Lũy kế từ đầu năm', '5 tháng năm 2023'],
    ['Cộng dồn', '5 tháng năm 2023'],
    ['TH tháng (Cộng dồn)', '5 tháng năm 2023 (thực hiện)'],
    ['Lũy kế cùng kỳ', '5 tháng năm 2022'],
    ['Kế hoạch năm', 'Kế hoạch năm 2023'],
    ['Kế hoạch năm sau', 'Kế hoạch năm 2024'],
    ['KH năm 2023', 'Kế hoạch năm 2023'],
    ['Chỉ tiêu phấn đấu', 'Chỉ tiêu phấn đấu năm 2023'],
    ['Tháng 02/2026', 'Tháng 2/2026'],
    ['Tháng 2 năm 2026', 'Tháng 2/2026'],
    ['Quý II/2023', 'Quý II/2023'],
    ['TH tháng', 'Tháng 5/2023 (thực hiện)'],
    ['ƯTH tháng', 'Tháng 5/2023 (ước tính)'],
    ['Tổng số', 'Tháng 5/2023'],
  ];
  for (const [heading, expected] of cases) {
    it(`"${heading}" in May 2023's report holds ${expected}`, () => {
      expect(meaning(heading, may2023)).toBe(expected);
    });
  }

  it('"cùng kỳ" is a year earlier whatever the report period is: a quarter, six months', () => {
    expect(meaning('Thực hiện cùng kỳ', '2023-Q2')).toBe('Quý II/2022 (thực hiện)');
    expect(meaning('Thực hiện cùng kỳ', '2023-H1')).toBe('6 tháng đầu năm 2022 (thực hiện)');
    expect(meaning('Lũy kế', '2023-H1')).toBe('6 tháng đầu năm 2023');
  });

  it('"cùng kỳ năm 2022" is the same period in 2022, not the whole year 2022', () => {
    expect(meaning('Cùng kỳ năm 2022', '2023-05')).toBe('Tháng 5/2022');
    expect(meaning('Thực hiện cùng kỳ năm 2022', '2023-05')).toBe('Tháng 5/2022 (thực hiện)');
    expect(meaning('Cùng kỳ năm 2022', '2023-Q2')).toBe('Quý II/2022');
    expect(meaning('Cùng kỳ năm 2022', '2023-H1')).toBe('6 tháng đầu năm 2022');
    expect(meaning('Lũy kế cùng kỳ năm 2022', '2023-05')).toBe('5 tháng năm 2022');
    expect(meaning('Cùng kỳ', '2023-05', 'Năm 2022')).toBe('Tháng 5/2022');
    // A year two back is taken as written, not as "a year earlier".
    expect(meaning('Cùng kỳ năm 2021', '2023-05')).toBe('Tháng 5/2021');
    expect(meaning('So với cùng kỳ năm 2021 (%)', '2023-05')).toBe('Kiểm tra: Tháng 5/2023 so với Tháng 5/2021 (%)');
    // Without "cùng kỳ", "năm 2022" still names the year.
    expect(meaning('Năm 2022', '2023-05')).toBe('Năm 2022');
  });

  it('"kỳ trước" of January is December of the year before', () => {
    expect(meaning('Thực hiện kỳ trước', '2026-01')).toBe('Tháng 12/2025 (thực hiện)');
  });
});

describe('percentage columns are checks of one figure against another, never figures of their own', () => {
  const cases: [string, string][] = [
    ['Thực hiện kỳ báo cáo so với kỳ trước', 'Kiểm tra: Tháng 5/2023 so với Tháng 4/2023 (%)'],
    ['Thực hiện so với cùng kỳ  năm trước', 'Kiểm tra: Tháng 5/2023 so với Tháng 5/2022 (%)'],
    ['Ước thực hiện 6 tháng so với cùng kỳ', 'Kiểm tra: 6 tháng đầu năm 2023 so với 6 tháng đầu năm 2022 (%)'],
    ['Ước thực hiện 6 tháng so với kế hoạch năm', 'Kiểm tra: 6 tháng đầu năm 2023 so với Kế hoạch năm 2023 (%)'],
    ['ƯTH so Tháng cùng kỳ', 'Kiểm tra: Tháng 5/2023 so với Tháng 5/2022 (%)'],
    ['ƯTH so tháng trước', 'Kiểm tra: Tháng 5/2023 so với Tháng 4/2023 (%)'],
    ['ƯTH so với cùng kỳ (Cộng dồn)', 'Kiểm tra: 5 tháng năm 2023 so với 5 tháng năm 2022 (%)'],
    ['ƯTH so kế hoạch năm (Cộng dồn)', 'Kiểm tra: 5 tháng năm 2023 so với Kế hoạch năm 2023 (%)'],
    ['Lũy kế so với kế hoạch (%)', 'Kiểm tra: 5 tháng năm 2023 so với Kế hoạch năm 2023 (%)'],
  ];
  for (const [heading, expected] of cases) {
    it(`"${heading}"`, () => {
      expect(meaning(heading, '2023-05')).toBe(expected);
    });
  }

  it('reads a merged "So sánh (%)" above "Tháng so cùng kỳ" and "Lũy kế so kế hoạch" as two checks', () => {
    expect(meaning('So sánh (%)', '2023-05', 'Tháng báo cáo so với cùng kỳ')).toBe(
      'Kiểm tra: Tháng 5/2023 so với Tháng 5/2022 (%)',
    );
    expect(meaning('So sánh (%)', '2023-05', 'Lũy kế so với kế hoạch năm')).toBe(
      'Kiểm tra: 5 tháng năm 2023 so với Kế hoạch năm 2023 (%)',
    );
    expect(meaning('So với cùng kỳ (%)', '2023-05', 'Lũy kế')).toBe(
      'Kiểm tra: 5 tháng năm 2023 so với 5 tháng năm 2022 (%)',
    );
  });
});

describe('two-row headings under a merged heading', () => {
  it('joins "Thực hiện" above "Tháng 5/2023" and "Cùng kỳ"', () => {
    expect(meaning('Thực hiện', '2023-05', 'Tháng 5/2023')).toBe('Tháng 5/2023 (thực hiện)');
    expect(meaning('Thực hiện', '2023-05', 'Cùng kỳ')).toBe('Tháng 5/2022 (thực hiện)');
    expect(meaning('Năm 2023', '2023-05', 'Kế hoạch')).toBe('Kế hoạch năm 2023');
  });

  it('shows both rows of the heading to the clerk', () => {
    expect(readHeading('So sánh (%)', 'Lũy kế so với kế hoạch').heading).toBe('So sánh (%) / Lũy kế so với kế hoạch');
  });
});

describe('label columns', () => {
  const cases: [string, string][] = [
    ['STT', 'Số thứ tự'],
    ['Chỉ tiêu', 'Tên chỉ tiêu'],
    ['Chỉ tiêu chủ yếu', 'Tên chỉ tiêu'],
    ['Tên chỉ tiêu', 'Tên chỉ tiêu'],
    ['ĐVT', 'Đơn vị tính'],
    ['Đơn vị tính', 'Đơn vị tính'],
    ['Mã số', 'Mã chỉ tiêu'],
    ['Mã chỉ tiêu', 'Mã chỉ tiêu'],
    ['Ghi chú', 'Ghi chú (không nhập)'],
  ];
  for (const [heading, expected] of cases) {
    it(`"${heading}" is ${expected}`, () => expect(meaning(heading, '2023-05')).toBe(expected));
  }

  it('leaves headings it does not know to the clerk', () => {
    expect(readHeading('Nhà nước').role).toBeNull();
    expect(readHeading('Chia theo khu vực kinh tế', 'Ngoài nhà nước').role).toBeNull();
  });
});
