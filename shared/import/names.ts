/**
 * Indicator names as workbooks write them: with STT prefixes ("- Bán lẻ…", "1.1 Hạt điều", "a) Cao su"),
 * in capitals, without diacritics, abbreviated ("TỔNG MỨC BLHH VÀ DTDVTD"). Matching works on a key that
 * leaves all of that out, and suggestions on a similarity between such keys.
 */
import { cleanNumber } from '../numbers/vi-number';
import { foldVietnamese } from '../text/fold-vietnamese';

const bullet = /^[\s\-–—•·+*>◦▪‣]+/u;
const numbered = /^\(?\d{1,3}(?:\s*\.\s*\d{1,3})*\s*[.)/:-]?\s+/u;
const lettered = /^\(?(?:[IVXLC]{1,6}|[A-Za-zĐđ])\s*[.)/:-]\s*/u;

/** The name without the STT or bullet a clerk typed into the same cell. */
export function stripStt(name: string): string {
  let text = name.replace(/\s+/g, ' ').trim();
  for (let i = 0; i < 3; i++) {
    const before = text;
    text = text.replace(bullet, '').replace(numbered, '').replace(lettered, '').trim();
    if (text === before) break;
  }
  return text === '' ? name.trim() : text;
}

/** Abbreviations of the trade and industry reports, as folded words. */
const abbreviations: ReadonlyMap<string, string> = new Map([
  ['blhh', 'ban le hang hoa'],
  ['dtdvtd', 'doanh thu dich vu tieu dung'],
  ['dtdv', 'doanh thu dich vu'],
  ['dvtd', 'dich vu tieu dung'],
  ['tmbl', 'tong muc ban le'],
  ['dt', 'doanh thu'],
  ['dv', 'dich vu'],
  ['hh', 'hang hoa'],
  ['xk', 'xuat khau'],
  ['nk', 'nhap khau'],
  ['xnk', 'xuat nhap khau'],
  ['kn', 'kim ngach'],
  ['knxk', 'kim ngach xuat khau'],
  ['knnk', 'kim ngach nhap khau'],
  ['sx', 'san xuat'],
  ['cn', 'cong nghiep'],
  ['sxcn', 'san xuat cong nghiep'],
  ['gtsx', 'gia tri san xuat'],
  ['gtsxcn', 'gia tri san xuat cong nghiep'],
  ['tm', 'thuong mai'],
  ['tmdt', 'thuong mai dien tu'],
  ['dn', 'doanh nghiep'],
  ['tthc', 'thu tuc hanh chinh'],
  ['cchc', 'cai cach hanh chinh'],
  ['dvc', 'dich vu cong'],
  ['sp', 'san pham'],
  ['spcn', 'san pham cong nghiep'],
]);

// "(giá so sánh 2010)", "theo giá so sánh năm 2010": the price basis the statistics office states, not another
// indicator; current prices ("giá hiện hành") are kept, as they are a figure of their own.
const priceBasis = /\(?\s*(?:theo\s+)?gia\s+(?:so\s+sanh|ss)(?:\s+nam)?(?:\s+\d{4})?\s*\)?/g;
const excluded = /\((?:tru|khong ke|khong bao gom|ngoai)\b[^)]*\)/g;

const stopWords = new Set(['va', 'cac', 'cua', 'loai', 'the', 'nhung']);

/** Folded words of a name, abbreviations spelled out, punctuation gone. */
export function nameWords(name: string): string[] {
  const folded = foldVietnamese(stripStt(name))
    // "Doanh thu dịch vụ (trừ lưu trú, ăn uống)" is every service but those: the words it excludes must not
    // make it look like the indicator of exactly those.
    .replace(excluded, ' ')
    .replace(priceBasis, ' ')
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim();
  if (folded === '') return [];
  const out: string[] = [];
  for (const word of folded.split(' ')) {
    const expanded = abbreviations.get(word);
    if (expanded) out.push(...expanded.split(' '));
    else out.push(word);
  }
  // "Một số sản phẩm công nghiệp chủ yếu" heads the same group as "Sản phẩm công nghiệp chủ yếu": "some of the".
  return out.length > 2 && out[0] === 'mot' && out[1] === 'so' ? out.slice(2) : out;
}

/** Equal for names that differ only in case, diacritics, spacing, punctuation, STT prefixes or abbreviations. */
export function nameKey(name: string): string {
  let key = keyCache.get(name);
  if (key === undefined) {
    key = nameWords(name).join(' ');
    // Workbooks repeat their names on every sheet and in every month: a bounded memo saves the folding.
    if (keyCache.size >= 20_000) keyCache.clear();
    keyCache.set(name, key);
  }
  return key;
}

const keyCache = new Map<string, string>();

/** Words that make a name read as a total without naming anything else ("Tổng kim ngạch", "toàn ngành"). */
const totalWords = new Set(['tong', 'toan', 'nganh', 'chung', 'cac']);
const basisPhrase = /\b(so voi cung ky( nam truoc)?|hang hoa|tren dia ban( tinh)?|toan tinh)\b/g;

/**
 * A name's key without the words of a total and without the basis of an index ("so với cùng kỳ"): "Tổng kim
 * ngạch xuất khẩu" and "Kim ngạch xuất khẩu" have one core; '' when nothing is left.
 */
export function coreKey(name: string): string {
  return nameWords(name)
    .join(' ')
    .replace(basisPhrase, ' ')
    .split(' ')
    .filter((w) => w !== '' && !totalWords.has(w))
    .join(' ');
}

function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  const padded = ` ${text} `;
  for (let i = 0; i < padded.length - 1; i++) {
    const g = padded.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

function dice(a: Map<string, number>, b: Map<string, number>): number {
  let common = 0;
  let total = 0;
  for (const [g, n] of a) {
    common += Math.min(n, b.get(g) ?? 0);
    total += n;
  }
  for (const n of b.values()) total += n;
  return total === 0 ? 0 : (2 * common) / total;
}

export interface NameProfile {
  key: string;
  words: Set<string>;
  grams: Map<string, number>;
}

export function nameProfile(name: string): NameProfile {
  const words = nameWords(name);
  const key = words.join(' ');
  const meaningful = words.filter((w) => !stopWords.has(w));
  return { key, words: new Set(meaningful), grams: bigrams(meaningful.join(' ')) };
}

/**
 * How alike two names are, from 0 to 1: the larger of the share of words they have in common and the
 * likeness of their letters (which forgives a typo such as "Quần án" for "Quần áo"). A name that holds the
 * whole of the other ("Công nghiệp khai khoáng" and "Khai khoáng") scores more the larger the share it is.
 */
export function similarity(a: NameProfile, b: NameProfile): number {
  if (a.key === b.key) return 1;
  if (a.words.size === 0 || b.words.size === 0) return 0;
  let common = 0;
  for (const w of a.words) if (b.words.has(w)) common++;
  const wordScore = (2 * common) / (a.words.size + b.words.size);
  const letterScore = dice(a.grams, b.grams) * 0.95;
  const smaller = Math.min(a.words.size, b.words.size);
  const contained =
    common === smaller && smaller >= 1 ? 0.45 + 0.45 * (smaller / Math.max(a.words.size, b.words.size)) : 0;
  return cleanNumber(Math.round(Math.min(0.99, Math.max(wordScore, letterScore, contained)) * 100) / 100);
}
