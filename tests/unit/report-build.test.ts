import { describe, expect, it } from 'vitest';
import shippedCsv from '../../db/seed/report-templates.csv?raw';
import type { Indicator } from '../../shared/api/entities';
import type { ReportFinding } from '../../shared/api/report-entities';
import type { IndicatorKind } from '../../shared/catalog/indicator-kinds';
import { indexEnteredFigures, type EnteredValue } from '../../shared/figures/entered-figures';
import { computeGridRows, type PlanFigures } from '../../shared/figures/grid-rows';
import { periodOrThrow } from '../../shared/periods/period';
import { buildReport } from '../../shared/report/build-report';
import { parseTemplatesCsv, templatesInForce } from '../../shared/report/template-set';
import { readDefaultCatalog } from '../support/catalog-csv';

const catalog: Indicator[] = readDefaultCatalog().map((i, n) => ({
  ...i,
  kind: i.kind as IndicatorKind,
  aliases: [],
  sortOrder: n,
  active: true,
}));
const shipped = parseTemplatesCsv(shippedCsv);

const fig = (indicatorCode: string, period: string, value: number): EnteredValue => ({
  indicatorCode,
  period,
  value,
  status: 'actual',
});

function reportOf(
  period: string,
  figures: readonly EnteredValue[],
  plans: Record<string, number> = {},
  options: { edited?: { key: string; text: string }[]; findings?: ReportFinding[] } = {},
) {
  const planFigures = new Map<string, PlanFigures>(
    Object.entries(plans).map(([code, giao]) => [code, { giao, phanDau: null }]),
  );
  const rows = computeGridRows(catalog, periodOrThrow(period), indexEnteredFigures(figures), new Map(), planFigures);
  const edited = (options.edited ?? []).map((e) => ({
    ...e,
    updatedBy: 'Nguyễn Thị Lan',
    updatedAt: '2023-07-20T02:00:00.000Z',
  }));
  return buildReport({
    period: periodOrThrow(period),
    unitId: 1,
    unitName: 'Toàn tỉnh',
    indicators: catalog,
    rows: new Map(rows.map((r) => [r.code, r])),
    templates: templatesInForce(shipped, edited),
    findings: options.findings ?? [],
  });
}

const seed = [
  fig('XNK', '2022-H1', 1136.2),
  fig('BLHH', '2022-H1', 12026.2),
  fig('XNK', '2023-H1', 2260),
  fig('BLHH', '2023-H1', 14659.9),
  fig('IIP', '2023-H1', 105.79),
];
const seedPlans = { XNK: 3798.3, BLHH: 26899 };

describe('the shipped phrase templates', () => {
  it('name only indicators of the default catalog, and every one parses', () => {
    const codes = new Set(catalog.map((i) => i.code));
    for (const t of shipped) for (const code of t.codes) expect(codes.has(code), `${t.key}: ${code}`).toBe(true);
    expect(shipped.map((t) => t.sectionTitle)).toEqual(
      expect.arrayContaining([
        'Sản xuất công nghiệp',
        'Thương mại, dịch vụ',
        'Xuất nhập khẩu',
        'Thương mại biên giới',
        'Cải cách hành chính',
      ]),
    );
  });
});

describe('the report engine', () => {
  it("writes seed 000's sentences from the grid rows of 6 tháng đầu năm 2023", () => {
    const report = reportOf('2023-H1', seed, seedPlans);
    expect(report.sections.map((s) => [s.title, s.paragraphs])).toEqual([
      [
        'Sản xuất công nghiệp',
        ['Chỉ số sản xuất công nghiệp 6 tháng đầu năm 2023 tăng 5,79% so với cùng kỳ năm 2022.'],
      ],
      [
        'Thương mại, dịch vụ',
        [
          'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng 6 tháng đầu năm 2023 đạt 14.659,9 tỷ đồng, đạt 54,5% kế hoạch, tăng 21,9% so với cùng kỳ năm 2022.',
        ],
      ],
      [
        'Xuất nhập khẩu',
        [
          'Tổng kim ngạch xuất nhập khẩu hàng hóa 6 tháng đầu năm 2023 đạt 2.260 triệu USD, đạt 59,5% kế hoạch, tăng 98,9% so với cùng kỳ năm 2022.',
        ],
      ],
    ]);
    expect(report.title).toBe('BÁO CÁO TÌNH HÌNH THỰC HIỆN CÁC CHỈ TIÊU NGÀNH CÔNG THƯƠNG 6 THÁNG ĐẦU NĂM 2023');
    expect(report.text.split('\n').slice(0, 5)).toEqual([
      report.title,
      'Đơn vị: Toàn tỉnh',
      '',
      'I. SẢN XUẤT CÔNG NGHIỆP',
      'Chỉ số sản xuất công nghiệp 6 tháng đầu năm 2023 tăng 5,79% so với cùng kỳ năm 2022.',
    ]);
  });

  it('writes a month with its own figure and the cumulative from January, whose share of the plan it quotes', () => {
    const months = [1, 2, 3, 4, 5, 6].flatMap((m) => [fig('XNK', `2022-0${m}`, 190), fig('XNK', `2023-0${m}`, 376.7)]);
    const report = reportOf('2023-06', months, seedPlans);
    expect(report.text).toContain(
      'Tổng kim ngạch xuất nhập khẩu hàng hóa tháng 6 năm 2023 đạt 376,7 triệu USD, tăng 98,3% so với cùng kỳ năm 2022; lũy kế 6 tháng đầu năm 2023 đạt 2.260,2 triệu USD, đạt 59,5% kế hoạch, tăng 98,3% so với cùng kỳ.',
    );
    // XK and NK add up to nothing here: XNK's months are its own, and no sentence is written for them.
    expect(report.skipped.filter((s) => s.indicatorCode === 'XK' || s.indicatorCode === 'NK')).toHaveLength(2);
  });

  it('says "giảm" and "tương đương" for indices as their decimals show them', () => {
    const report = reportOf('2023-Q2', [
      fig('IIP', '2023-Q2', 98.5),
      fig('IIP', '2023-H1', 105.79),
      fig('IIP_B', '2023-Q2', 100.004),
      fig('IIP_C', '2023-Q2', 112.3),
    ]);
    expect(report.sections[0]?.paragraphs).toEqual([
      'Chỉ số sản xuất công nghiệp quý II năm 2023 giảm 1,5% so với cùng kỳ năm 2022; lũy kế 6 tháng đầu năm 2023 tăng 5,79%. Ngành khai khoáng tương đương. Ngành công nghiệp chế biến, chế tạo tăng 12,3%.',
    ]);
  });

  it("uses the department's wording where it has one, and skips, with the reason, a stored wording that no longer parses", () => {
    const report = reportOf('2023-H1', seed, seedPlans, {
      edited: [
        {
          key: 'xuat-nhap-khau',
          text: '{ten} qua địa bàn tỉnh {ky} đạt {giatri} {donvi}[, bằng {pctKeHoach}% kế hoạch năm].',
        },
        { key: 'ban-le', text: '{ten} đạt {khongCo}.' },
      ],
    });
    expect(report.text).toContain(
      'Tổng kim ngạch xuất nhập khẩu hàng hóa qua địa bàn tỉnh 6 tháng đầu năm 2023 đạt 2.260 triệu USD, bằng 59,5% kế hoạch năm.',
    );
    expect(report.text).not.toContain('Tổng mức bán lẻ');
    expect(report.skipped).toContainEqual({
      templateKey: 'ban-le',
      indicatorCode: null,
      reason: expect.stringContaining('{khongCo}'),
    });
  });

  it('names what a skipped sentence lacks', () => {
    const report = reportOf('2023-H1', [fig('TMBG', '2023-H1', 52.4)]);
    expect(report.sections.map((s) => s.paragraphs[0])).toEqual([
      'Kim ngạch thương mại qua các cửa khẩu biên giới 6 tháng đầu năm 2023 đạt 52,4 triệu USD.',
    ]);
    expect(report.skipped.find((s) => s.indicatorCode === 'XNK')).toEqual({
      templateKey: 'xuat-nhap-khau',
      indicatorCode: 'XNK',
      reason: 'Chưa có số liệu kỳ này.',
    });
  });

  it('says there is nothing to report rather than printing empty headings, and lists open findings, errors first', () => {
    const findings: ReportFinding[] = [
      { severity: 'warning', indicatorCode: 'BLHH', message: 'Tăng bất thường.' },
      { severity: 'error', indicatorCode: 'XNK', message: 'XNK khác XK + NK.' },
    ];
    const report = reportOf('2024-06', [], {}, { findings });
    expect(report.sections).toEqual([]);
    expect(report.openFindings.map((f) => f.severity)).toEqual(['error', 'warning']);
    expect(report.text).toBe(
      [
        report.title,
        'Đơn vị: Toàn tỉnh',
        '',
        'Chưa có số liệu nào của kỳ này để viết báo cáo.',
        '',
        'I. CÁC VẤN ĐỀ KIỂM TRA SỐ LIỆU CÒN MỞ (2)',
        '- [Lỗi] XNK: XNK khác XK + NK.',
        '- [Cảnh báo] BLHH: Tăng bất thường.',
        '',
      ].join('\n'),
    );
  });
});
