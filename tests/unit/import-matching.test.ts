import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../shared/api/entities';
import { IndicatorMatcher, type RowMatch } from '../../shared/import/match';
import { nameKey, stripStt } from '../../shared/import/names';
import { parseCatalogCsv } from '../../shared/catalog/default-catalog';
import { readFileSync } from 'node:fs';
import { defaultCatalogFile } from '../support/catalog-csv';

function catalog(extra: Partial<Indicator>[] = []): Indicator[] {
  const rows = parseCatalogCsv(readFileSync(defaultCatalogFile, 'utf8')).map((r, i) => ({
    ...r,
    aliases: [] as string[],
    sortOrder: i * 10,
    active: true,
  })) as Indicator[];
  return [...rows.map((r) => ({ ...r, ...(extra.find((e) => e.code === r.code) ?? {}) }))];
}

function matched(result: RowMatch): string {
  if (result.kind !== 'matched') throw new Error(`expected a match, got ${JSON.stringify(result)}`);
  return result.indicator.code;
}

describe('STT and bullets typed into the name cell are not part of the name', () => {
  const cases: [string, string][] = [
    ['- Bán lẻ sản phẩm hạt điều', 'Bán lẻ sản phẩm hạt điều'],
    ['1.1 Hạt điều nhân', 'Hạt điều nhân'],
    ['1.1. Hạt điều nhân', 'Hạt điều nhân'],
    ['a) Cao su', 'Cao su'],
    ['II. Sản phẩm công nghiệp chủ yếu', 'Sản phẩm công nghiệp chủ yếu'],
    ['+ Điện sản xuất', 'Điện sản xuất'],
    ['3. Xi măng Portland đen', 'Xi măng Portland đen'],
    ['Công nghiệp chế biến, chế tạo', 'Công nghiệp chế biến, chế tạo'],
  ];
  for (const [cell, name] of cases) it(`"${cell}" is "${name}"`, () => expect(stripStt(cell)).toBe(name));

  it('ignores case, diacritics, spacing and abbreviations', () => {
    expect(nameKey('TỔNG MỨC BLHH VÀ DTDVTD')).toBe(nameKey('Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng'));
    expect(nameKey('  hat  dieu   NHAN ')).toBe(nameKey('Hạt điều nhân'));
  });

  it('leaves out the price basis a workbook states, but not current prices', () => {
    expect(nameKey('Chỉ số sản xuất công nghiệp (IIP) so với cùng kỳ theo giá so sánh năm 2010')).toBe(
      nameKey('Chỉ số sản xuất công nghiệp (IIP) so với cùng kỳ'),
    );
    expect(nameKey('Giá trị sản xuất công nghiệp theo giá so sánh năm 2010')).toBe(
      nameKey('Giá trị sản xuất công nghiệp (giá so sánh 2010)'),
    );
    expect(nameKey('Giá trị sản xuất công nghiệp (giá hiện hành)')).not.toBe(
      nameKey('Giá trị sản xuất công nghiệp (giá so sánh 2010)'),
    );
  });

  it('reads a heading "Một số …" (some of the …) as the group it heads', () => {
    expect(nameKey('II. Một số sản phẩm công nghiệp chủ yếu')).toBe(nameKey('Sản phẩm công nghiệp chủ yếu'));
    expect(nameKey('Một số')).toBe('mot so');
  });
});

describe('a row is found in the catalog by code, else by name and unit, else by alias', () => {
  const matcher = new IndicatorMatcher(catalog([{ code: 'XK', aliases: ['Tổng kim ngạch xuất khẩu'] }]));

  it('finds a row by its code even under another name', () => {
    expect(matched(matcher.match({ name: 'Kim ngạch XK', unit: 'triệu USD', code: 'xk_dieu_gt' }))).toBe('XK_DIEU_GT');
  });

  it('tells the two "Hạt điều nhân" apart by their units, and asks which is meant when production and exports both fit', () => {
    expect(matched(matcher.match({ name: 'Hạt điều nhân', unit: 'Triệu USD', code: '' }))).toBe('XK_DIEU_GT');
    // Tấn fits the product (tấn) and the exported quantity (nghìn tấn): without a heading above, only the clerk knows.
    const tan = matcher.match({ name: 'Hạt điều nhân', unit: 'Tấn', code: '' });
    expect(tan.kind).toBe('suggested');
    if (tan.kind === 'suggested') expect(tan.suggestions.map((s) => s.code).sort()).toEqual(['SPCN_DIEU', 'XK_DIEU_L']);
  });

  it('asks rather than guesses when a name has two units and the row states none', () => {
    const result = matcher.match({ name: 'Cao su', unit: '', code: '' });
    expect(result.kind).toBe('suggested');
    if (result.kind === 'suggested')
      expect(result.suggestions.map((s) => s.code).sort()).toEqual(['XK_CAOSU_GT', 'XK_CAOSU_L']);
  });

  it('finds a row by an alias the clerk taught', () => {
    const result = matcher.match({ name: 'TỔNG KIM NGẠCH XUẤT KHẨU', unit: 'Triệu USD', code: '' });
    expect(result).toMatchObject({ kind: 'matched', how: 'alias' });
    expect(matched(result)).toBe('XK');
  });

  it('reports a unit of another family instead of matching', () => {
    const result = matcher.match({ name: 'Gỗ cưa, xẻ các loại', unit: 'M2', code: '' });
    expect(result).toMatchObject({ kind: 'unit-mismatch', fit: { kind: 'other-family' } });
  });

  it("suggests, with a confidence, the indicator whose name is nearly the row's", () => {
    const result = matcher.match({ name: 'Quần án các loại', unit: 'nghìn cái', code: '' });
    expect(result.kind).toBe('suggested');
    if (result.kind !== 'suggested') return;
    expect(result.suggestions[0]).toMatchObject({ code: 'SPCN_QUANAO', nameVi: 'Quần áo các loại' });
    expect(result.suggestions[0]?.confidence).toBeGreaterThan(0.6);
    expect(result.suggestions[0]?.confidence).toBeLessThan(1);
  });

  it('suggests first what a name leaves over, not the indicator it excludes ("trừ lưu trú, ăn uống")', () => {
    const result = matcher.match({
      name: 'Doanh thu hoạt động dịch vụ (trừ lưu trú, ăn uống, dịch vụ lữ hành)',
      unit: 'Triệu đồng',
      code: '',
    });
    const codes = result.kind === 'suggested' ? result.suggestions.map((s) => s.code) : [];
    expect(codes[0]).toBe('BLHH_DVK');
  });

  it('suggests nothing in another unit family, and nothing for an unrelated name', () => {
    expect(matcher.match({ name: 'Giày, dép các loại', unit: 'Triệu USD', code: '' }).kind).toBe('none');
    expect(matcher.match({ name: 'Chì chưa gia công', unit: 'Tấn', code: '' }).kind).toBe('none');
  });

  it('never matches a retired indicator', () => {
    const retired = new IndicatorMatcher(catalog([{ code: 'TMBG', active: false }]));
    expect(
      retired.match({ name: 'Kim ngạch thương mại qua các cửa khẩu biên giới', unit: 'triệu USD', code: '' }).kind,
    ).not.toBe('matched');
  });
});
