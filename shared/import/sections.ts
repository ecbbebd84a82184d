/**
 * Where a row stands in its table. A report lists its parts one after another ("Kim ngạch xuất khẩu", then
 * "Trong đó:" and its goods; "Sản phẩm công nghiệp chủ yếu" and its products), so the same name means another
 * indicator under another heading: "Hạt điều nhân (Tấn)" under exports is the exported quantity, not the
 * production. Sub-tables by market, enterprise, border gate or commune list lines that are never the province's
 * own figures. The section a row is in decides which catalog indicators it may be.
 */
import type { Indicator } from '../api/entities';
import { foldVietnamese } from '../text/fold-vietnamese';
import { nameWords } from './names';

/** The catalog as a tree, for the questions sections ask. */
export class CatalogTree {
  private readonly byCode = new Map<string, Indicator>();
  private readonly withChildren = new Set<string>();

  constructor(indicators: readonly Indicator[]) {
    for (const i of indicators) if (i.active) this.byCode.set(i.code, i);
    for (const i of this.byCode.values()) if (i.parentCode) this.withChildren.add(i.parentCode);
  }

  get(code: string): Indicator | undefined {
    return this.byCode.get(code);
  }

  hasChildren(code: string): boolean {
    return this.withChildren.has(code);
  }

  /** The top-level indicator `code` is under. */
  root(code: string): string {
    let c = code;
    for (let n = 0, p = this.byCode.get(c)?.parentCode; p && n < 20; p = this.byCode.get(p)?.parentCode, n++) c = p;
    return c;
  }

  depth(code: string): number {
    let depth = 0;
    for (let p = this.byCode.get(code)?.parentCode; p && depth < 20; p = this.byCode.get(p)?.parentCode) depth++;
    return depth;
  }

  /** Whether `code` is `ancestor` or below it. */
  within(code: string, ancestor: string): boolean {
    for (let c: string | null | undefined = code, n = 0; c && n < 20; c = this.byCode.get(c)?.parentCode, n++)
      if (c === ancestor) return true;
    return false;
  }

  /**
   * An indicator that heads a part of a report and may stand anywhere in a table: a top-level one, one with parts
   * of its own, or a part of a flow (exports and imports of XNK, the parts of retail). A product of a group or a
   * sector of an index stands only under its own heading.
   */
  isHeadline(code: string): boolean {
    const indicator = this.byCode.get(code);
    if (!indicator) return false;
    if (!indicator.parentCode || this.withChildren.has(code)) return true;
    const parent = this.byCode.get(indicator.parentCode);
    return parent?.kind === 'flow' && !parent.parentCode;
  }
}

export type Section =
  | { kind: 'none' }
  | {
      kind: 'indicator';
      code: string;
      /** Where it was set, in words: a row, or the sheet's title. */
      from: string;
      /** Set by a row of the table (whose own figure is above), not by the title. */
      byRow: boolean;
      level: number | null;
      /** Inferred from the lines above, not stated by a heading: it tells which of two names, it excludes none. */
      inferred?: true;
    }
  | { kind: 'breakdown'; heading: string; row: number; level: number | null; outer: Section };

/** Sub-tables whose lines are a market's, an enterprise's, a border gate's or a commune's, never the province's. */
const breakdownHeading =
  /^(?:(?:chia|phan) )?(?:theo )?(?:cac )?(?:thi truong|quoc gia|doi tac|doanh nghiep|dn|cua khau|dia ban|dia phuong|khu vuc kinh te|loai hinh doanh nghiep)\b/;
const breakdownLine =
  /^(?:cua khau|cong ty|cty|tong cong ty|doanh nghiep|dn|thi tran|thi xa|thanh pho|tp|hop tac xa|htx|nha may|khu cong nghiep|kcn|cum cong nghiep|ccn|chi nhanh)\b/;
// Folded, "Xã" is "Xà phòng" and "Nước" is "Nước máy": these are read with their marks.
const placeLine = /^(?:(?:chia |phân )?theo )?(?:các )?(?:xã|phường|huyện|quận|nước|xã, phường)(?=[\s,:]|$)/u;

export function isBreakdownRow(name: string): boolean {
  const plain = name
    .replace(/^[\s\-–—•·+*>]+/, '')
    .replace(/:\s*$/, '')
    .trim();
  const folded = foldVietnamese(plain);
  return (
    breakdownHeading.test(folded) ||
    breakdownLine.test(folded) ||
    (placeLine.test(plain.toLowerCase()) &&
      !/^nước (máy|sạch|thải|khoáng|giải khát|ngọt|mắm|tinh khiết)/u.test(plain.toLowerCase()))
  );
}

/** "Trong đó:", "Chia ra:", "Bao gồm:": the lines below are parts of the row above, in its section. */
export function isOfWhichRow(name: string): boolean {
  return /^(trong do|chia ra|bao gom|gom|cu the|cu the nhu sau)\s*:?\s*$/.test(foldVietnamese(name).trim());
}

/**
 * The level of a row from its STT as the reports number them (A, I, 1, 1.1, a, -, +); null when there is none.
 * A smaller level is a higher heading.
 */
export function sttLevel(stt: string): number | null {
  const t = stt.trim().replace(/[.)]$/, '');
  if (t === '') return null;
  if (/^[A-H]$/.test(t)) return 0;
  if (/^[IVXLC]+$/.test(t)) return 1;
  if (/^\d+$/.test(t)) return 2;
  if (/^\d+(\.\d+)+$/.test(t)) return 1 + t.split('.').length;
  if (/^[a-zđ]$/.test(t)) return 6;
  if (/^[-–—•·]$/.test(t)) return 7;
  if (/^[+*]$/.test(t)) return 8;
  return null;
}

const topics: [RegExp, string][] = [
  [/\bchi so san xuat (toan nganh )?cong nghiep\b|\biip\b/, 'IIP'],
  [/\b(thuong mai )?(qua )?(cac )?cua khau\b|\bthuong mai bien gioi\b|\bbien mau\b/, 'TMBG'],
  [/\bban le\b/, 'BLHH'],
  [/\bgia tri san xuat cong nghiep\b/, 'GTSXCN'],
];

/**
 * The part of the catalog a sheet is about, from its title block and name ("TÌNH HÌNH NHẬP KHẨU" → imports);
 * none for a report of several parts.
 */
export function topicOf(texts: readonly string[], tree: CatalogTree): string | null {
  const folded = texts.map((t) => foldVietnamese(t)).join(' | ');
  const exports = /\bxuat khau\b/.test(folded);
  const imports = /\bnhap khau\b/.test(folded.replace(/\bxuat nhap khau\b/g, ' '));
  let code: string | null = null;
  if (/\bxuat nhap khau\b/.test(folded) || (exports && imports)) code = null;
  else if (exports) code = 'XK';
  else if (imports) code = 'NK';
  else for (const [pattern, c] of topics) if (pattern.test(folded)) code = code ?? c;
  // A report of several parts names more than one: it has no single topic.
  if (code && /\bthuong mai\b.*\bcong nghiep\b|\bcong nghiep\b.*\bthuong mai\b/.test(folded) && code !== 'TMBG')
    return null;
  return code && tree.get(code) ? code : null;
}

/** What may a row in this section be; `exact` is whether the row's name was found whole, not guessed. */
export function allowedIn(section: Section, tree: CatalogTree, code: string, exact: boolean): boolean {
  switch (section.kind) {
    case 'none':
      return true;
    case 'indicator': {
      if (section.inferred || tree.within(code, section.code)) return true;
      if (tree.hasChildren(section.code)) return tree.isHeadline(code);
      // Under a heading without parts stand its siblings or a new part of the report; under a top-level one
      // (border trade, production value), only another top-level part: "Xuất khẩu" there is its own part.
      const parent = tree.get(code)?.parentCode ?? null;
      const sectionParent = tree.get(section.code)?.parentCode ?? null;
      if (sectionParent === null) return parent === null || (exact && !tree.isHeadline(code));
      return tree.isHeadline(code) || parent === sectionParent;
    }
    case 'breakdown':
      return exact && tree.isHeadline(code) && !tree.get(code)?.parentCode;
  }
}

/** The section below a row, given what the row is. */
export function sectionAfter(
  section: Section,
  base: Section,
  tree: CatalogTree,
  row: {
    row: number;
    name: string;
    stt: string;
    matched: string | null;
    /** No figures: a heading, not a line. */ heading: boolean;
  },
): Section {
  const level = sttLevel(row.stt);
  if (section.kind === 'breakdown') {
    const ends = row.matched !== null || (level !== null && section.level !== null && level <= section.level);
    if (!ends) return section;
    if (row.matched === null)
      return isBreakdownRow(row.name) ? { ...section, heading: row.name, row: row.row, level } : section.outer;
  }
  if (row.matched !== null) {
    if (tree.isHeadline(row.matched))
      return { kind: 'indicator', code: row.matched, from: `dòng ${row.row}`, level, byRow: true };
    // A list without its heading ("Điện sản xuất", "Xi măng" …): the part of the report its lines are in.
    const parent = tree.get(row.matched)?.parentCode;
    if (parent && !(section.kind === 'indicator' && tree.within(row.matched, section.code))) {
      return {
        kind: 'indicator',
        code: parent,
        from: `các dòng từ dòng ${row.row}`,
        level: null,
        byRow: true,
        inferred: true,
      };
    }
    return section;
  }
  if (isBreakdownRow(row.name)) return { kind: 'breakdown', heading: row.name, row: row.row, level, outer: section };
  if (isOfWhichRow(row.name) || section.kind !== 'indicator' || mentions(row.name, section.code, tree)) return section;
  // A heading ChiTieu does not know ends the part above it, unless its number puts it inside that part.
  const deeper = level !== null && section.level !== null && level > section.level;
  return row.heading && !deeper ? base : section;
}

export function describeSection(section: Section, tree: CatalogTree): string {
  switch (section.kind) {
    case 'none':
      return '';
    case 'indicator': {
      const indicator = tree.get(section.code);
      return `phần «${indicator?.nameVi ?? section.code}» (${section.code}, ${section.from})`;
    }
    case 'breakdown':
      return `bảng chi tiết «${section.heading}» (dòng ${section.row})`;
  }
}

/** A row that says only that it is the total: "Tổng số", "Tổng cộng", "Toàn tỉnh", "Toàn ngành". */
export function isTotalName(name: string): boolean {
  return /^(tong so|tong cong|tong|cong|toan tinh|toan nganh|toan nganh cong nghiep|chung|tong so toan tinh)$/.test(
    foldVietnamese(name)
      .replace(/[^a-z0-9 ]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

const genericWords = new Set([
  'kim',
  'ngach',
  'tong',
  'muc',
  'gia',
  'tri',
  'chi',
  'so',
  'hang',
  'hoa',
  'va',
  'cac',
  'voi',
  'cung',
  'ky',
  'doanh',
  'thu',
]);

/**
 * Whether a heading speaks of the part it stands in ("Mặt hàng xuất khẩu chủ yếu" under exports): then it heads
 * a list of that part, not a new one.
 */
function mentions(name: string, code: string, tree: CatalogTree): boolean {
  const own = nameWords(tree.get(code)?.nameVi ?? '').filter((w) => !genericWords.has(w));
  if (own.length === 0) return false;
  const words = new Set(nameWords(name));
  const found = own.filter((w) => words.has(w)).length;
  return found >= Math.min(2, own.length);
}
