import { describe, expect, it } from 'vitest';
import { fillTemplate, parseTemplate, type TemplatePart } from '../../shared/report/phrase-template';

const allowed = ['ten', 'giatri', 'donvi', 'pctKeHoach', 'soCungKy', 'namTruoc', 'kyLuyKe', 'luyKe'];

function parts(text: string): TemplatePart[] {
  const parsed = parseTemplate(text, allowed);
  if (!parsed.ok) throw new Error(parsed.messageVi);
  return parsed.parts;
}

function fill(text: string, values: Record<string, string>): string | string[] {
  const filled = fillTemplate(parts(text), new Map(Object.entries(values)));
  return filled.ok ? filled.text : filled.missing;
}

const sentence =
  '{ten} đạt {giatri} {donvi}[, đạt {pctKeHoach}% kế hoạch][, {soCungKy} so với cùng kỳ {namTruoc}][; lũy kế {kyLuyKe} đạt {luyKe} {donvi}[, đạt {pctLuyKeKeHoach}% kế hoạch]].';

describe('a phrase template', () => {
  it('puts every value in its place', () => {
    const values = {
      ten: 'Tổng mức bán lẻ',
      giatri: '14.659,9',
      donvi: 'tỷ đồng',
      pctKeHoach: '54,5',
      soCungKy: 'tăng 21,9%',
      namTruoc: 'năm 2022',
    };
    expect(
      fill('{ten} đạt {giatri} {donvi}[, đạt {pctKeHoach}% kế hoạch][, {soCungKy} so với cùng kỳ {namTruoc}].', values),
    ).toBe('Tổng mức bán lẻ đạt 14.659,9 tỷ đồng, đạt 54,5% kế hoạch, tăng 21,9% so với cùng kỳ năm 2022.');
  });

  it('leaves out an optional part whose figure is missing, and keeps the rest of the sentence whole', () => {
    expect(
      fill('{ten} đạt {giatri} {donvi}[, đạt {pctKeHoach}% kế hoạch][, {soCungKy} so với cùng kỳ].', {
        ten: 'Xuất khẩu',
        giatri: '61,1',
        donvi: 'triệu USD',
        soCungKy: 'tăng 9,3%',
      }),
    ).toBe('Xuất khẩu đạt 61,1 triệu USD, tăng 9,3% so với cùng kỳ.');
  });

  it('leaves out a nested part with its outer part, and only the inner one when the outer has its figures', () => {
    const template = '{ten} đạt {giatri}[; lũy kế {kyLuyKe} đạt {luyKe}[, đạt {pctKeHoach}% kế hoạch]].';
    expect(fill(template, { ten: 'XNK', giatri: '376,7', kyLuyKe: '6 tháng', luyKe: '2.260' })).toBe(
      'XNK đạt 376,7; lũy kế 6 tháng đạt 2.260.',
    );
    expect(fill(template, { ten: 'XNK', giatri: '376,7', pctKeHoach: '59,5' })).toBe('XNK đạt 376,7.');
  });

  it('writes nothing, and names what is missing, when a figure outside the brackets is missing', () => {
    expect(
      fill('{ten} đạt {giatri} {donvi}[, đạt {pctKeHoach}% kế hoạch].', {
        ten: 'Xuất khẩu',
        donvi: 'triệu USD',
        pctKeHoach: '50',
      }),
    ).toEqual(['giatri']);
  });

  it('does not leave the spaces of an empty unit, and starts with a capital letter', () => {
    expect(
      fill('{ten} đạt {giatri} {donvi}, {soCungKy}.', {
        ten: 'kim ngạch',
        giatri: '5',
        donvi: '',
        soCungKy: 'tương đương',
      }),
    ).toBe('Kim ngạch đạt 5, tương đương.');
  });

  it('refuses an unknown placeholder by name, in Vietnamese, with the ones that can be used', () => {
    expect(parseTemplate('{ten} đạt {gia_tri} và {tangTruong}', allowed)).toEqual({
      ok: false,
      messageVi: expect.stringContaining('không hợp lệ'),
    });
    const unknown = parseTemplate('{ten} đạt {giaTri}, {tangTruong}', allowed);
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) {
      expect(unknown.messageVi).toMatch(
        /^Mẫu câu có chỗ điền không biết: \{giaTri\}, \{tangTruong\}\. Các chỗ điền dùng được: \{ten\}, \{giatri\}/,
      );
    }
  });

  it('refuses brackets and braces that do not pair up', () => {
    const message = (text: string) => {
      const parsed = parseTemplate(text, allowed);
      return parsed.ok ? null : parsed.messageVi;
    };
    expect(message('{ten} đạt {giatri')).toBe('Mẫu câu thiếu dấu "}" đóng chỗ điền mở ở vị trí 11.');
    expect(message('{ten} đạt giatri}')).toBe('Mẫu câu có dấu "}" ở vị trí 17 mà không có dấu "{" mở trước nó.');
    expect(message('{ten}[, đạt {giatri}')).toBe('Mẫu câu thiếu dấu "]" đóng phần không bắt buộc.');
    expect(message('{ten}], đạt')).toBe('Mẫu câu có dấu "]" ở vị trí 6 mà không có dấu "[" mở trước nó.');
    expect(message(sentence)).toContain('{pctLuyKeKeHoach}');
  });
});
