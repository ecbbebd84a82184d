import { foldVietnamese } from '../text/fold-vietnamese';

/**
 * The first line of the title block, the people's committee the department belongs to: "UBND TỈNH TÂY NINH".
 * Settings may hold the whole line as a clerk types it ("UBND TỈNH TÂY NINH", "ỦY BAN NHÂN DÂN THÀNH PHỐ HUẾ")
 * or only the province's name ("Tây Ninh"); a bare name is taken to be a province.
 */
export function committeeLine(provinceName: string): string {
  const text = provinceName.replace(/\s+/g, ' ').trim();
  if (text === '') return 'UBND TỈNH …';
  const folded = foldVietnamese(text);
  if (/^(ubnd|uy ban nhan dan)\b/.test(folded)) return text.toUpperCase();
  if (/^(tinh|thanh pho|tp\b)/.test(folded)) return `UBND ${text.toUpperCase()}`;
  return `UBND TỈNH ${text.toUpperCase()}`;
}
