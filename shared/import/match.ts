/**
 * Which catalog indicator a workbook row is: by its code, else by name and unit (a name met twice with two
 * units is two indicators: Hạt điều nhân in nghìn tấn and in triệu USD), else by an alias the clerk taught
 * earlier, else suggestions with a confidence that are applied only when the clerk confirms them.
 */
import type { Indicator } from '../api/entities';
import type { Suggestion } from '../api/import-entities';
import { commonNames } from './common-names';
import { coreKey, nameKey, nameProfile, nameWords, similarity, type NameProfile } from './names';
import { CatalogTree } from './sections';
import { compareUnits, parseUnit, type ParsedUnit, type UnitComparison } from './units';

/**
 * Which indicators a row may be where it stands (see sections.ts): `exact` tells a name found whole from a guess;
 * `within` is the heading a common name is given for.
 */
export interface MatchScope {
  allows(code: string, exact: boolean): boolean;
  /** Whether an indicator is under the row's heading. */
  inside(code: string): boolean;
  /** Whether the row's heading is under an indicator. */
  under(code: string): boolean;
  /** No heading above the row says what part of the report it is in. */
  open: boolean;
}

export const anywhere: MatchScope = { allows: () => true, inside: () => false, under: () => false, open: true };

export interface RowIdentity {
  name: string;
  /** The unit the row states, or the table's "Đơn vị tính" note; '' when neither says. */
  unit: string;
  code: string;
  /** nameKey(name), when the caller has it already. */
  nameKey?: string;
}

export type UnitFit =
  | { kind: 'same' }
  | { kind: 'convert'; factor: number }
  /** The row states no unit; the catalog's is assumed. */
  | { kind: 'assumed' }
  | { kind: 'other-family' }
  | { kind: 'not-understood' };

export type RowMatch =
  | {
      kind: 'matched';
      indicator: Indicator;
      how: 'code' | 'name' | 'alias';
      fit: UnitFit;
      /** Why, in words. */ evidence?: string;
    }
  /** Found by code, name or alias, but its unit cannot be converted into the catalog's. */
  | { kind: 'unit-mismatch'; indicator: Indicator; how: 'code' | 'name' | 'alias'; fit: UnitFit }
  | { kind: 'suggested'; suggestions: Suggestion[] }
  /** The row names several indicators at once ("ăn uống, lưu trú, du lịch lữ hành"): it is none of them. */
  | { kind: 'combined'; codes: string[] }
  /** Its name is an indicator's, but not one that can stand where the row stands. */
  | { kind: 'out-of-section'; codes: string[] }
  | { kind: 'none' };

export const suggestionThreshold = 0.6;
const maxSuggestions = 3;
const maxFuzzyCandidates = 400;

interface Entry {
  indicator: Indicator;
  unit: ParsedUnit;
  /** For a common name: the heading it is given under. */
  within?: string | undefined;
  /** Built on the first suggestion asked for: most imports never need one. */
  profiles: NameProfile[] | null;
}

function profilesOf(entry: Entry): NameProfile[] {
  if (!entry.profiles) entry.profiles = [entry.indicator.nameVi, ...entry.indicator.aliases].map((n) => nameProfile(n));
  return entry.profiles;
}

/** How a row's unit fits an indicator's. */
export function unitFit(rowUnit: string, indicator: Pick<Indicator, 'unit'>): UnitFit {
  if (rowUnit.trim() === '') return indicator.unit.trim() === '' ? { kind: 'same' } : { kind: 'assumed' };
  const comparison: UnitComparison = compareUnits(parseUnit(rowUnit), parseUnit(indicator.unit));
  return comparison;
}

export class IndicatorMatcher {
  private readonly byCode = new Map<string, Entry>();
  private readonly byName = new Map<string, Entry[]>();
  private readonly byAlias = new Map<string, Entry[]>();
  private byWordIndex: Map<string, Entry[]> | null = null;
  private readonly entries: Entry[] = [];

  private readonly byCore = new Map<string, Entry[]>();
  readonly tree: CatalogTree;

  constructor(indicators: readonly Indicator[]) {
    this.tree = new CatalogTree(indicators);
    for (const indicator of indicators) {
      if (!indicator.active) continue;
      const entry: Entry = { indicator, unit: parseUnit(indicator.unit), profiles: null };
      this.entries.push(entry);
      this.byCode.set(indicator.code.toUpperCase(), entry);
      push(this.byName, nameKey(indicator.nameVi), entry);
      pushOnce(this.byCore, coreKey(indicator.nameVi), entry);
      for (const alias of indicator.aliases) push(this.byAlias, nameKey(alias), entry);
    }
    for (const common of commonNames) {
      const own = this.byCode.get(common.code);
      if (!own) continue;
      const entry: Entry = { ...own, within: common.within };
      for (const name of common.names) push(this.byCommon, nameKey(name), entry);
    }
  }

  private readonly byCommon = new Map<string, Entry[]>();

  private get byWord(): Map<string, Entry[]> {
    if (!this.byWordIndex) {
      this.byWordIndex = new Map();
      for (const entry of this.entries) {
        if (entry.indicator.kind === 'group') continue;
        const words = new Set(profilesOf(entry).flatMap((p) => [...p.words]));
        for (const w of words) push(this.byWordIndex, w, entry);
      }
    }
    return this.byWordIndex;
  }

  indicator(code: string): Indicator | undefined {
    return this.byCode.get(code.toUpperCase())?.indicator;
  }

  /**
   * Everything but suggestions; `taken` are indicators other rows of the sheet already are, `scope` what the row
   * may be where it stands. Among indicators of one name, those under the row's own heading come first.
   */
  match(row: RowIdentity, taken: ReadonlySet<string> = new Set(), scope: MatchScope = anywhere): RowMatch {
    const code = row.code.trim().toUpperCase();
    if (code !== '') {
      const entry = this.byCode.get(code);
      if (entry) return this.judge([entry], row.unit, 'code', taken) ?? { kind: 'none' };
    }
    const key = row.nameKey ?? nameKey(row.name);
    const outside: string[] = [];
    if (key !== '') {
      const core = coreKey(row.name);
      const lists: [Entry[] | undefined, 'name' | 'alias', string][] = [
        [this.byName.get(key), 'name', 'tên trùng tên trong danh mục'],
        [this.byAlias.get(key), 'alias', 'tên trùng một tên khác của chỉ tiêu'],
        [this.byCommon.get(key), 'name', 'tên thường dùng trong báo cáo của ngành cho chỉ tiêu này'],
        [
          core === '' ? undefined : this.byCore.get(core),
          'name',
          'tên trùng tên trong danh mục, bỏ qua các chữ «tổng», «toàn ngành», «hàng hóa»',
        ],
      ];
      for (const [list, how, why] of lists) {
        if (!list) continue;
        const fitting = list.filter(
          (e) => scope.allows(e.indicator.code, true) && (!e.within || scope.under(e.within)),
        );
        for (const e of list)
          if (!fitting.includes(e) && !outside.includes(e.indicator.code)) outside.push(e.indicator.code);
        if (fitting.length === 0) continue;
        const inner = fitting.filter((e) => scope.inside(e.indicator.code));
        const candidates = inner.length > 0 ? inner : fitting;
        if (scope.open) {
          const apart = this.apartByRoot(candidates, row.unit);
          if (apart) return apart;
        }
        const judged = this.judge(candidates, row.unit, how, taken);
        if (judged) return judged.kind === 'matched' ? { ...judged, evidence: why } : judged;
      }
    }
    const combined = this.combinedCodes(row, scope);
    if (combined.length >= 2) return { kind: 'combined', codes: combined };
    const shortened = scope.open ? [] : this.shortenedNames(row, scope);
    if (shortened.length > 0) {
      const judged = this.judge(shortened, row.unit, 'name', taken);
      if (judged?.kind === 'matched' && judged.fit.kind !== 'assumed') {
        return {
          ...judged,
          evidence: 'tên là tên trong danh mục viết gọn, và chỉ một chỉ tiêu dưới tiêu đề này mang những chữ ấy',
        };
      }
    }
    const suggestions = this.suggest(row, taken, scope);
    if (suggestions.length > 0) return { kind: 'suggested', suggestions };
    return outside.length > 0 ? { kind: 'out-of-section', codes: outside } : { kind: 'none' };
  }

  /**
   * Under a heading, a name written short ("Sản xuất và phân phối điện, khí đốt, nước" for the whole name of
   * IIP_D, "Điều nhân" for Hạt điều nhân) is the one name below that heading that holds all its words, when only
   * one does.
   */
  private shortenedNames(row: RowIdentity, scope: MatchScope): Entry[] {
    const words = nameProfile(row.name).words;
    if (words.size === 0) return [];
    const found: Entry[] = [];
    for (const w of words) {
      for (const e of this.byWord.get(w) ?? []) {
        if (found.includes(e) || !scope.inside(e.indicator.code) || !scope.allows(e.indicator.code, false)) continue;
        if (profilesOf(e).some((p) => [...words].every((x) => p.words.has(x)))) found.push(e);
      }
    }
    // The quantity and the value of one commodity share their name: the unit tells them apart. Two names are a question.
    const names = new Set(found.map((e) => nameKey(e.indicator.nameVi)));
    return names.size === 1 ? found : [];
  }

  /**
   * One name in two parts of the report (Hạt điều nhân produced and exported, both in tấn) with nothing above
   * the row to tell which: a question for the clerk, never a pick by unit alone.
   */
  private apartByRoot(entries: Entry[], rowUnit: string): RowMatch | null {
    const fitting = entries.filter((e) => ['same', 'convert', 'assumed'].includes(unitFit(rowUnit, e.indicator).kind));
    const roots = new Set(fitting.map((e) => this.tree.root(e.indicator.code)));
    if (roots.size < 2) return null;
    return {
      kind: 'suggested',
      suggestions: fitting.map((e) => ({
        code: e.indicator.code,
        nameVi: e.indicator.nameVi,
        unit: e.indicator.unit,
        confidence: 0.9,
      })),
    };
  }

  /**
   * The indicators a row names together: each one's words are all in the row, and none of them is a part of
   * another's name ("Doanh thu dịch vụ ăn uống, lưu trú, du lịch lữ hành" names BLHH_LTAU and BLHH_DL).
   */
  private combinedCodes(row: RowIdentity, scope: MatchScope): string[] {
    const words = new Set(nameWords(row.name));
    if (words.size < 4) return [];
    const contained: { code: string; words: Set<string> }[] = [];
    for (const w of words) {
      for (const e of this.byWord.get(w) ?? []) {
        if (contained.some((c) => c.code === e.indicator.code) || !scope.allows(e.indicator.code, false)) continue;
        const own = profilesOf(e)[0]?.words;
        if (own && own.size >= 2 && [...own].every((x) => words.has(x)))
          contained.push({ code: e.indicator.code, words: own });
      }
    }
    // One commodity's quantity and value share a name: together they are still one name.
    const distinct = contained.filter((c, i) => contained.findIndex((d) => sameWords(d.words, c.words)) === i);
    const maximal = distinct.filter(
      (c) => !distinct.some((d) => d !== c && d.words.size > c.words.size && [...c.words].every((x) => d.words.has(x))),
    );
    if (maximal.length < 2) return [];
    // Two names that together still leave most of the row unexplained are a coincidence of common words.
    const covered = new Set(maximal.flatMap((c) => [...c.words]));
    const meaningful = [...words].filter((w) => !['va', 'cac', 'loai', 'khac'].includes(w));
    return covered.size >= meaningful.length * 0.8 ? maximal.map((c) => c.code).sort() : [];
  }

  /**
   * Among indicators of the same name, the one whose unit is the row's, else the one it converts into; two
   * equally good ones are a question for the clerk (suggestions), none is a unit finding.
   */
  private judge(
    all: Entry[],
    rowUnit: string,
    how: 'code' | 'name' | 'alias',
    taken: ReadonlySet<string>,
  ): RowMatch | null {
    const entries = all.filter((e, i) => all.findIndex((f) => f.indicator.code === e.indicator.code) === i);
    const fits = entries.map((entry) => ({ entry, fit: unitFit(rowUnit, entry.indicator) }));
    for (const wanted of ['same', 'convert', 'assumed'] as const) {
      const found = fits.filter((f) => f.fit.kind === wanted);
      const free = found.filter((f) => !taken.has(f.entry.indicator.code));
      const pick = free.length === 1 ? free[0] : found.length === 1 ? found[0] : undefined;
      if (pick) return { kind: 'matched', indicator: pick.entry.indicator, how, fit: pick.fit };
      if (found.length > 1) {
        return {
          kind: 'suggested',
          suggestions: found.map((f) => ({
            code: f.entry.indicator.code,
            nameVi: f.entry.indicator.nameVi,
            unit: f.entry.indicator.unit,
            confidence: 0.9,
          })),
        };
      }
    }
    const first = fits[0];
    if (!first) return null;
    return { kind: 'unit-mismatch', indicator: first.entry.indicator, how, fit: first.fit };
  }

  /** Indicators whose names are like the row's, best first, in units the row's unit converts into. */
  suggest(row: RowIdentity, taken: ReadonlySet<string> = new Set(), scope: MatchScope = anywhere): Suggestion[] {
    const words = nameWords(row.name);
    if (words.length === 0) return [];
    const profile = nameProfile(row.name);
    const candidates = new Set<Entry>();
    for (const w of new Set(words)) {
      for (const e of this.byWord.get(w) ?? []) {
        if (candidates.size >= maxFuzzyCandidates) break;
        candidates.add(e);
      }
    }
    // A typo in every word ("Quan an") shares no word: a small catalog is searched whole.
    if (candidates.size === 0 && this.entries.length <= 500)
      for (const e of this.entries) if (e.indicator.kind !== 'group') candidates.add(e);
    const scored: Suggestion[] = [];
    for (const e of candidates) {
      if (taken.has(e.indicator.code) || e.indicator.kind === 'group' || !scope.allows(e.indicator.code, false))
        continue;
      // A unit not understood ("999 cái") still gets suggestions; one of another family never does.
      if (unitFit(row.unit, e.indicator).kind === 'other-family') continue;
      let best = 0;
      for (const p of profilesOf(e)) best = Math.max(best, similarity(profile, p));
      if (best >= suggestionThreshold)
        scored.push({ code: e.indicator.code, nameVi: e.indicator.nameVi, unit: e.indicator.unit, confidence: best });
    }
    return scored.sort((a, b) => b.confidence - a.confidence || a.code.localeCompare(b.code)).slice(0, maxSuggestions);
  }
}

function sameWords(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((w) => b.has(w));
}

function pushOnce<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  if (key === '') return;
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
