import { describe, expect, it } from 'vitest';
import { foldVietnamese, matchesFolded } from '../../shared/text/fold-vietnamese';

describe('folding Vietnamese text for search', () => {
  it('turns "Bán Lẻ  Hàng hóa" into "ban le hang hoa"', () => {
    expect(foldVietnamese('Bán Lẻ  Hàng hóa')).toBe('ban le hang hoa');
  });

  it('turns đ and Đ into d', () => {
    expect(foldVietnamese('Điện sản xuất')).toBe('dien san xuat');
    expect(foldVietnamese('tỷ đồng')).toBe('ty dong');
  });

  it('strips every tone and vowel mark', () => {
    expect(foldVietnamese('ăâêôơư ÀẢÃÁẠ ờởỡớợ ỳỷỹýỵ')).toBe('aaeoou aaaaa ooooo yyyyy');
    expect(foldVietnamese('Chỉ số sản xuất công nghiệp')).toBe('chi so san xuat cong nghiep');
  });

  it('gives the same result for text typed in composed and decomposed Unicode', () => {
    const composed = 'Kim ngạch xuất khẩu'.normalize('NFC');
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(foldVietnamese(decomposed)).toBe(foldVietnamese(composed));
  });

  it('collapses tabs, new lines and no-break spaces and trims the ends', () => {
    expect(foldVietnamese('  Xuất\tkhẩu\n\u00A0hàng  ')).toBe('xuat khau hang');
  });

  it('leaves text without marks as it is, only lower case', () => {
    expect(foldVietnamese('IIP 2023')).toBe('iip 2023');
    expect(foldVietnamese('')).toBe('');
  });
});

describe('searching with folded text', () => {
  it('finds "Bán lẻ hàng hóa" when typing "ban le" without marks', () => {
    expect(matchesFolded('Bán lẻ hàng hóa', 'ban le')).toBe(true);
  });

  it('finds words in any order and as parts of longer words', () => {
    expect(matchesFolded('Tổng mức bán lẻ hàng hóa', 'hoa ban')).toBe(true);
    expect(matchesFolded('Kim ngạch xuất khẩu', 'XUẤT KH')).toBe(true);
  });

  it('needs every word of the query to be there', () => {
    expect(matchesFolded('Kim ngạch xuất khẩu', 'xuat nhap')).toBe(false);
  });

  it('finds Điện when typing "dien"', () => {
    expect(matchesFolded('Điện thương phẩm', 'dien')).toBe(true);
  });

  it('shows everything for an empty search box', () => {
    expect(matchesFolded('Kim ngạch xuất khẩu', '')).toBe(true);
    expect(matchesFolded('Kim ngạch xuất khẩu', '   ')).toBe(true);
  });
});
