/**
 * The vocabulary of column headings in the reports of domain.md: "Kế hoạch năm", "Thực hiện kỳ trước",
 * "Ước thực hiện tháng 6", "Lũy kế", "Cộng dồn", "Thực hiện cùng kỳ", "Ước thực hiện 6 tháng", "Kế hoạch năm
 * sau", "Tháng 02/2026", and the "So với"/"So sánh" percentage columns, written out or abbreviated (TH, ƯTH,
 * KH, CK, LK), on one row or on two rows under a merged heading.
 */
import type { ValueStatus } from '../api/values-entities';
import { foldVietnamese } from '../text/fold-vietnamese';
import type { ColumnRole, PeriodRef, StructuralRole, Target } from './roles';
import { isMeasuredUnit, parseUnit } from './units';

/** Folded, without quotes, with "ư"-abbreviations and punctuation reduced to spaces. */
export function foldHeading(text: string): string {
  return foldVietnamese(text)
    .replace(/[“”"'’‘]/g, '')
    .replace(/\s*\/\s*/g, '/')
    .replace(/[:;,.]+(?=\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const structural: [RegExp, StructuralRole][] = [
  [/^(stt|tt|so tt|so thu tu|thu tu)$/, 'stt'],
  [/^(dvt|d v t|don vi tinh|don vi|dv tinh|don vi do)( \(.*\))?$/, 'unit'],
  [/^(ma|ma so|ma chi tieu|ma so chi tieu|ma hang|ma sp|ma san pham|ma hs|ma nganh|code|id)$/, 'code'],
  [/^(ghi chu|nguon|nguon so lieu|ghi chu nguon)\b/, 'note'],
];

const nameWords =
  /^(ten )?(chi tieu|noi dung|mat hang|san pham|danh muc|hang muc|nganh hang|nganh|linh vuc|loai hang|nhom hang|ten hang|chi tieu chu yeu|cua khau|thi truong|doanh nghiep|quoc gia|dia ban|xa phuong)\b/;
const planWords = /\b(ke hoach|kh|chi tieu (giao|phan dau|ke hoach|nam)|phan dau|muc tieu)\b/;

/** The role of a non-figure column (STT, name, unit, code, note) from its heading, if it is one. */
export function structuralRole(folded: string): StructuralRole | null {
  for (const [pattern, role] of structural) if (pattern.test(folded)) return role;
  if (
    nameWords.test(folded) &&
    !planWords.test(folded.replace(/^(ten )?chi tieu( chu yeu)?\b/, '')) &&
    !/\b(19|20)\d{2}\b/.test(folded)
  ) {
    return 'name';
  }
  return null;
}

interface PhraseReading {
  target: Target | null;
  /** The phrase names its own period (an anchor), rather than only "cùng kỳ". */
  anchored: boolean;
  yearsBack: number;
  status: ValueStatus | null;
}

const romanQuarters: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

function statusOf(p: string): ValueStatus | null {
  if (/\b(uoc|uth|utth|uoc tinh|ut)\b/.test(p)) return 'estimate';
  if (/\b(thuc hien|th|chinh thuc|so chinh thuc|thuc te)\b/.test(p)) return 'actual';
  return null;
}

/** Reads one side of a heading ("Ước thực hiện 6 tháng", "cùng kỳ", "kế hoạch năm") into what it names. */
function readPhrase(phrase: string): PhraseReading {
  let p = ` ${phrase} `;
  const status = statusOf(p);
  if (planWords.test(p)) {
    const level = /phan dau|muc tieu/.test(p) ? 'phan_dau' : 'giao';
    const year = /\b((?:19|20)\d{2})\b/.exec(p)?.[1];
    const ahead = /\bnam (sau|toi|ke tiep)\b/.test(p) ? 1 : 0;
    const target: Target = year
      ? { kind: 'plan', level, year: Number(year) }
      : { kind: 'plan', level, yearsAhead: ahead };
    return { target, anchored: true, yearsBack: 0, status };
  }
  let yearsBack = 0;
  let year: number | undefined;
  const take = (pattern: RegExp): RegExpExecArray | null => {
    const m = pattern.exec(p);
    if (m) p = p.replace(m[0], ' ');
    return m;
  };
  const yearOf = (text: string | undefined): number | undefined => (text ? Number(text) : undefined);
  // "Thực hiện năm trước" is the whole of last year; only "cùng kỳ" is the same period a year earlier.
  if (!/\b(cung ky|ck|cung thoi gian)\b/.test(p) && /\bnam truoc\b/.test(p)) {
    p = p.replace(/\bnam truoc\b/, ' nam ');
    yearsBack = 1;
  } else if (/\b(cung ky|ck|cung thoi gian|cung ky nam truoc)\b/.test(p)) {
    yearsBack = 1;
    // "Cùng kỳ năm 2022" is the same period in 2022, not the whole year 2022: the year is taken here, before
    // "năm" could be read as the period.
    year = yearOf(take(/\b(?:cung ky|ck|cung thoi gian)(?: nam)? ((?:19|20)\d{2})\b/)?.[1]);
    p = p.replace(/\b(cung ky nam truoc|cung ky|ck|cung thoi gian|nam truoc)\b/g, ' ');
  }
  const sameTimeYear = year;

  let at: PeriodRef | null = null;
  let m: RegExpExecArray | null;
  if ((m = take(/\b(?:luy ke|cong don|lk)\b.*?\b(?:den|toi|het|den het)(?: cuoi)? thang (\d{1,2})\b/))) {
    at = { anchor: 'months', n: Number(m[1]) };
  } else if ((m = take(/\b(\d{1,2}) thang(?: dau nam| dau| nam)?(?:\s*(?:\/|-|nam)?\s*((?:19|20)\d{2}))?\b/))) {
    at = { anchor: 'months', n: Number(m[1]) };
    year = yearOf(m[2]);
  } else if ((m = take(/\b(?:thang|t) ?(\d{1,2})\b(?:\s*(?:\/|-|nam)\s*((?:19|20)\d{2})\b)?/))) {
    at = { anchor: 'month', n: Number(m[1]) };
    year = yearOf(m[2]);
  } else if ((m = take(/\bquy (iv|iii|ii|i|[1-4])\b(?:\s*(?:\/|-|nam)\s*((?:19|20)\d{2})\b)?/))) {
    at = { anchor: 'quarter', n: romanQuarters[m[1] ?? ''] };
    year = yearOf(m[2]);
  } else if (take(/\b(luy ke tu dau nam|cong don tu dau nam|luy ke|cong don|lk|tu dau nam|cd)\b/)) {
    at = { anchor: 'ytd' };
  } else if (take(/\b(ky truoc|thang truoc|quy truoc|ky lien ke|thang lien ke)\b/)) {
    at = { anchor: 'previous' };
  } else if ((m = take(/\b(?:ca )?nam(?: ((?:19|20)\d{2}))?\b/))) {
    at = { anchor: 'months', n: 12 };
    year = yearOf(m[1]);
  } else if (take(/\bthang\b/)) {
    at = { anchor: 'month' };
  } else if (take(/\bquy\b/)) {
    at = { anchor: 'quarter' };
  } else if (take(/\b(ky bao cao|thang bao cao|ky nay|thang nay|bao cao)\b/)) {
    at = { anchor: 'report' };
  }
  year ??= sameTimeYear ?? yearOf(/\b((?:19|20)\d{2})\b/.exec(p)?.[1]);
  const anchored = at !== null;
  if (
    !at &&
    (status !== null ||
      yearsBack > 0 ||
      /\b(so lieu|gia tri|tri gia|tong so|so luong|luong|kim ngach|tong cong|tong)\b/.test(p))
  )
    at = { anchor: 'report' };
  if (!at && year !== undefined) at = { anchor: 'months', n: 12 };
  if (!at) return { target: null, anchored: false, yearsBack, status };
  const ref: PeriodRef = { ...at };
  if (year !== undefined) ref.year = year;
  else if (yearsBack > 0) ref.yearsBack = yearsBack;
  return { target: { kind: 'value', at: ref }, anchored, yearsBack, status };
}

const comparisonMark =
  /\bso sanh voi\b|\bso voi\b|\bso sanh\b|\bso\b(?= (thang|ky|cung|ke|kh|nam|ck|quy|luy|lk|tt|cd|cong|dau|uoc|thuc|th|uth|\d))/;

function isPercentText(p: string): boolean {
  return comparisonMark.test(p) || /%|\bty le\b/.test(p);
}

/** Splits "Thực hiện kỳ báo cáo so với kỳ trước" into its two sides; a bare "So sánh (%)" has two empty sides. */
function splitComparison(p: string): { left: string; right: string } {
  const m = comparisonMark.exec(p);
  const clean = (s: string) =>
    s
      .replace(/\(?%\)?/g, ' ')
      .replace(/\b(ty le|toc do|chi so|tang giam|tang|giam)\b/g, ' ')
      .replace(/[()]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  if (!m) {
    // "LK/KH (%)", "TH/CK": a ratio written with a slash between two short phrases.
    const slash = /^([a-z0-9 ]+?)\s*\/\s*([a-z0-9 ]+?)(?=\s*(?:\(|%|$))/.exec(p);
    if (slash?.[1] && slash[2]) return { left: clean(slash[1]), right: clean(slash[2]) };
    return { left: clean(p), right: '' };
  }
  const before = p.slice(0, m.index);
  const after = p.slice(m.index + m[0].length);
  // "So sánh LK với cùng kỳ (%)": the mark opens the heading, and "với" divides its two sides.
  const opening = /^\s*$/.test(before) ? /^(.*?)\bvoi\b(.*)$/.exec(after) : null;
  if (opening) return { left: clean(opening[1] ?? ''), right: clean(opening[2] ?? '') };
  return { left: clean(before), right: clean(after) };
}

function withYearsBack(target: Target, yearsBack: number): Target {
  if (target.kind !== 'value') return target;
  const at: PeriodRef = { ...target.at };
  if (at.year !== undefined) at.year -= yearsBack;
  else at.yearsBack = (at.yearsBack ?? 0) + yearsBack;
  return { kind: 'value', at };
}

/** The same period as `target` in the year a heading names ("so với cùng kỳ năm 2022"). */
function inYear(target: Target, year: number): Target {
  if (target.kind !== 'value') return target;
  const { yearsBack: _relative, ...at } = target.at;
  return { kind: 'value', at: { ...at, year } };
}

/** "(Cộng dồn)" or "(Lũy kế)" after a heading applies to both sides of a comparison. */
function cumulativeQualifier(p: string): { rest: string; cumulative: boolean } {
  const m = /\((?:[^)]*\b)?(luy ke|cong don|lk)\b[^)]*\)/.exec(p);
  if (!m) return { rest: p, cumulative: false };
  return { rest: p.replace(m[0], ' ').replace(/\s+/g, ' ').trim(), cumulative: true };
}

function upperEndsWithMark(upper: string): boolean {
  return /\b(so sanh voi|so voi)\s*(\(?%\)?)?\s*$/.test(upper);
}

function readPercent(upper: string, lower: string): ColumnRole | null {
  const parts = [upper, lower].filter((t) => t !== '');
  let cumulative = false;
  const sides = parts.map((t, i) => {
    const q = cumulativeQualifier(t);
    cumulative ||= q.cumulative;
    // "Tháng 8 năm 2025 so với" over "Tháng 7 năm 2025": the lower row is the right side of the upper one.
    const upperOpen = i === 1 && upperEndsWithMark(parts[0] ?? '');
    if (upperOpen && !isPercentText(q.rest)) return { left: '', right: q.rest };
    return isPercentText(q.rest) ? splitComparison(q.rest) : { left: q.rest, right: '' };
  });
  const qual = cumulative ? ' luy ke' : '';
  const leftText = sides
    .map((s) => s.left)
    .join(' ')
    .trim();
  const rightText = sides
    .map((s) => s.right)
    .join(' ')
    .trim();
  if (rightText === '') return null;
  const right = readPhrase(rightText + (cumulative && !planWords.test(rightText) ? qual : ''));
  if (!right.target && right.yearsBack === 0) return null;
  const leftReading = readPhrase(leftText + qual);
  let of: Target | null = leftReading.target && leftReading.anchored ? leftReading.target : null;
  if (!of)
    of =
      right.target?.kind === 'plan'
        ? { kind: 'value', at: { anchor: 'ytd' } }
        : { kind: 'value', at: { anchor: 'report' } };
  let to: Target | null = right.anchored ? right.target : null;
  if (!to && right.yearsBack > 0) {
    const namedYear = right.target?.kind === 'value' ? right.target.at.year : undefined;
    to = namedYear === undefined ? withYearsBack(of, right.yearsBack) : inYear(of, namedYear);
  }
  if (!to) return null;
  // "Ước tính tháng 9 … so với cùng kỳ": an index stated by it is an estimate.
  return leftReading.status ? { role: 'percent', of, to, status: leftReading.status } : { role: 'percent', of, to };
}

export interface HeadingReading {
  role: ColumnRole | null;
  /** The heading as shown to the clerk: both rows of a two-row heading, joined. */
  heading: string;
}

/**
 * The role of a column from its heading (and, under a merged heading, the heading above it). Null when the
 * heading says nothing this vocabulary knows: the clerk can then map the column by hand.
 */
const headingCache = new Map<string, HeadingReading>();

export function readHeading(upperText: string, lowerText = ''): HeadingReading {
  const cacheKey = `${upperText}\u0000${lowerText}`;
  const cached = headingCache.get(cacheKey);
  if (cached) return cached;
  const reading = readHeadingUncached(upperText, lowerText);
  if (headingCache.size >= 20_000) headingCache.clear();
  headingCache.set(cacheKey, reading);
  return reading;
}

function readHeadingUncached(upperText: string, lowerText: string): HeadingReading {
  const upperRaw = upperText.replace(/\s+/g, ' ').trim();
  const lowerRaw = lowerText.replace(/\s+/g, ' ').trim();
  const sameText = lowerRaw === '' || lowerRaw === upperRaw;
  const heading = sameText ? upperRaw : upperRaw === '' ? lowerRaw : `${upperRaw} / ${lowerRaw}`;
  const upper = foldHeading(upperRaw);
  const lower = sameText ? '' : foldHeading(lowerRaw);
  if (upper === '' && lower === '') return { role: null, heading };

  const ownStructural = structuralRole(lower || upper);
  if (ownStructural) return { role: { role: ownStructural }, heading };
  if (lower !== '' && structuralRole(upper) && structuralRole(upper) !== 'name') return { role: null, heading };

  if (isPercentText(upper) || isPercentText(lower)) {
    const role = readPercent(upper, lower);
    return { role, heading };
  }
  const unit = headingUnit(upperRaw) ?? headingUnit(lowerRaw);
  const reading = readPhrase(`${upper} ${lower}`.trim());
  if (!reading.target) return { role: null, heading };
  const status = reading.target.kind === 'plan' ? null : reading.status;
  return {
    role: unit
      ? { role: 'data', target: reading.target, status, unit }
      : { role: 'data', target: reading.target, status },
    heading,
  };
}

/** The unit a heading states in brackets ("Trị giá (Triệu USD)", "Lượng (Tấn)"), when it is one ChiTieu knows. */
export function headingUnit(raw: string): string | null {
  for (const m of raw.matchAll(/\(([^()]{1,24})\)/g)) {
    const text = (m[1] ?? '').trim();
    const unit = parseUnit(text);
    if (isMeasuredUnit(unit) && unit.family !== '%') return text;
  }
  return null;
}
