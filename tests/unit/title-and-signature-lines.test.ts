import { describe, expect, it } from 'vitest';
import { committeeLine } from '../../shared/report/committee-line';
import { signerTitleLines } from '../../shared/report/signer-title';

describe("the title block's first line names the people's committee once, however Cài đặt holds it", () => {
  it('keeps a whole line typed as the clerk sees it on the forms', () => {
    expect(committeeLine('UBND TỈNH TÂY NINH')).toBe('UBND TỈNH TÂY NINH');
    expect(committeeLine('Ủy ban nhân dân tỉnh Tây Ninh')).toBe('ỦY BAN NHÂN DÂN TỈNH TÂY NINH');
  });

  it('puts the committee before a province or city named without it', () => {
    expect(committeeLine('Tây Ninh')).toBe('UBND TỈNH TÂY NINH');
    expect(committeeLine('tỉnh  Tây Ninh')).toBe('UBND TỈNH TÂY NINH');
    expect(committeeLine('Thành phố Huế')).toBe('UBND THÀNH PHỐ HUẾ');
  });

  it('leaves a gap to fill by hand when no province is set', () => {
    expect(committeeLine('  ')).toBe('UBND TỈNH …');
  });
});

describe("the head's title above the signature", () => {
  it('keeps the lines of a deputy signing for the director apart', () => {
    expect(signerTitleLines('KT. Giám đốc\nPhó giám đốc')).toEqual(['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC']);
  });

  it('says THỦ TRƯỞNG ĐƠN VỊ when no title is set', () => {
    expect(signerTitleLines(' \n ')).toEqual(['THỦ TRƯỞNG ĐƠN VỊ']);
  });
});
