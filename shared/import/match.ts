/**
 * Which catalog indicator a workbook row is: by its code, else by name and unit (a name met twice with two
 * units is two indicators: Hạt điều nhân in nghìn tấn and in triệu USD), else by an alias the clerk taught
 * earlier, else suggestions with a confidence that are applied only when the clerk confirms them.
 */
import type { Indicator } from '../api/entities';
import type { Suggestion } from '../api/import-entities';
import { nameKey, nameProfile, nameWords, similarity, type NameProfile } from './names';
import { compareUnits, parseUnit, type ParsedUnit, type UnitComparison } from './units';

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
  | { kind: 'matched'; indicator: Indicator; how: 'code' | 'name' | 'alias'; fit: UnitFit }
  /** Found by code, name or alias, but its unit cannot be converted into the catalog's. */
  | { kind: 'unit-mismatch'; indicator: Indicator; how: 'code' | 'name' | 'alias'; fit: UnitFit }
  | { kind: 'suggested'; suggestions: Suggestion[] }
  | { kind: 'none' };

export const suggestionThreshold = 0.6;
const maxSuggestions = 3;
const maxFuzzyCandidates = 400;

interface Entry {
  indicator: Indicator;
  unit: ParsedUnit;
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

  constructor(indicators: readonly Indicator[]) {
    for (const indicator of indicators) {
      if (!indicator.active) continue;
      const entry: Entry = { indicator, unit: parseUnit(indicator.unit), profiles: null };
      this.entries.push(entry);
      this.byCode.set(indicator.code.toUpperCase(), entry);
      push(this.byName, nameKey(indicator.nameVi), entry);
      for (const alias of indicator.aliases) push(this.byAlias, nameKey(alias), entry);
    }
  }

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

  /** Everything but suggestions; `taken` are indicators other rows of the sheet already are. */
  match(row: RowIdentity, taken: ReadonlySet<string> = new Set()): RowMatch {
    const code = row.code.trim().toUpperCase();
    if (code !== '') {
      const entry = this.byCode.get(code);
      if (entry) return this.judge([entry], row.unit, 'code', taken) ?? { kind: 'none' };
    }
    const key = row.nameKey ?? nameKey(row.name);
    if (key !== '') {
      const byName = this.byName.get(key);
      if (byName) {
        const judged = this.judge(byName, row.unit, 'name', taken);
        if (judged) return judged;
      }
      const byAlias = this.byAlias.get(key);
      if (byAlias) {
        const judged = this.judge(byAlias, row.unit, 'alias', taken);
        if (judged) return judged;
      }
    }
    const suggestions = this.suggest(row, taken);
    return suggestions.length > 0 ? { kind: 'suggested', suggestions } : { kind: 'none' };
  }

  /**
   * Among indicators of the same name, the one whose unit is the row's, else the one it converts into; two
   * equally good ones are a question for the clerk (suggestions), none is a unit finding.
   */
  private judge(entries: Entry[], rowUnit: string, how: 'code' | 'name' | 'alias', taken: ReadonlySet<string>): RowMatch | null {
    const fits = entries.map((entry) => ({ entry, fit: unitFit(rowUnit, entry.indicator) }));
    for (const wanted of ['same', 'convert', 'assumed'] as const) {
      const found = fits.filter((f) => f.fit.kind === wanted);
      const free = found.filter((f) => !taken.has(f.entry.indicator.code));
      const pick = free.length === 1 ? free[0] : found.length === 1 ? found[0] : undefined;
      if (pick) return { kind: 'matched', indicator: pick.entry.indicator, how, fit: pick.fit };
      if (found.length > 1) {
        return {
          kind: 'suggested',
          suggestions: found.map((f) => ({ code: f.entry.indicator.code, nameVi: f.entry.indicator.nameVi, unit: f.entry.indicator.unit, confidence: 0.9 })),
        };
      }
    }
    const first = fits[0];
    if (!first) return null;
    return { kind: 'unit-mismatch', indicator: first.entry.indicator, how, fit: first.fit };
  }

  /** Indicators whose names are like the row's, best first, in units the row's unit converts into. */
  suggest(row: RowIdentity, taken: ReadonlySet<string> = new Set()): Suggestion[] {
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
    if (candidates.size === 0 && this.entries.length <= 500) for (const e of this.entries) if (e.indicator.kind !== 'group') candidates.add(e);
    const scored: Suggestion[] = [];
    for (const e of candidates) {
      if (taken.has(e.indicator.code) || e.indicator.kind === 'group') continue;
      // A unit not understood ("999 cái") still gets suggestions; one of another family never does.
      if (unitFit(row.unit, e.indicator).kind === 'other-family') continue;
      let best = 0;
      for (const p of profilesOf(e)) best = Math.max(best, similarity(profile, p));
      if (best >= suggestionThreshold) scored.push({ code: e.indicator.code, nameVi: e.indicator.nameVi, unit: e.indicator.unit, confidence: best });
    }
    return scored.sort((a, b) => b.confidence - a.confidence || a.code.localeCompare(b.code)).slice(0, maxSuggestions);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
