/**
 * Units of measure as workbooks write them ("Triệu đồng", "1000 đôi", "M3", "Tr.KWh") and the conversion of a
 * figure into the catalog's unit. A unit is a multiplier and a base ("nghìn" + "tấn"); two units convert into
 * each other only when their bases are the same family (tấn and kg do, tấn and m3 never do).
 */
import { cleanNumber, formatViNumber } from '../numbers/vi-number';
import { foldVietnamese } from '../text/fold-vietnamese';

export interface ParsedUnit {
  /** What the workbook wrote, trimmed. */
  text: string;
  /** The family that conversions stay within ("dong", "usd", "kwh", "tan", "m3" …); null for a unit not understood. */
  family: string | null;
  /** How many base units one of this unit is (triệu đồng: 1e6 đồng); 1 when not understood. */
  factor: number;
  /** A canonical spelling, equal for units that are the same ("1000 đôi" and "nghìn đôi"). */
  key: string;
}

/** Words for a multiplier in front of the base. */
const multiplierWords: ReadonlyMap<string, number> = new Map([
  ['nghin', 1e3],
  ['ngan', 1e3],
  ['ng', 1e3],
  ['trieu', 1e6],
  ['tr', 1e6],
  ['ty', 1e9],
  ['ti', 1e9],
  ['tram', 1e2],
  ['chuc', 1e1],
]);

/** Bases that are a known multiple of their family's base, and spellings of the same base. */
const bases: ReadonlyMap<string, { family: string; factor: number }> = new Map([
  ['dong', { family: 'dong', factor: 1 }],
  ['d', { family: 'dong', factor: 1 }],
  ['vnd', { family: 'dong', factor: 1 }],
  ['usd', { family: 'usd', factor: 1 }],
  ['do la my', { family: 'usd', factor: 1 }],
  ['do la', { family: 'usd', factor: 1 }],
  ['$', { family: 'usd', factor: 1 }],
  ['kwh', { family: 'kwh', factor: 1 }],
  ['mwh', { family: 'kwh', factor: 1e3 }],
  ['gwh', { family: 'kwh', factor: 1e6 }],
  ['tan', { family: 'tan', factor: 1 }],
  ['kg', { family: 'tan', factor: 1e-3 }],
  ['ta', { family: 'tan', factor: 0.1 }],
  ['cai', { family: 'cai', factor: 1 }],
  ['chiec', { family: 'cai', factor: 1 }],
  ['doi', { family: 'doi', factor: 1 }],
  ['m3', { family: 'm3', factor: 1 }],
  ['m2', { family: 'm2', factor: 1 }],
  ['lit', { family: 'lit', factor: 1 }],
  ['l', { family: 'lit', factor: 1 }],
  ['%', { family: '%', factor: 1 }],
  ['phan tram', { family: '%', factor: 1 }],
]);

const cleanKeyCache = new Map<string, ParsedUnit>();

/** "Tr.KWh" → "tr kwh"; "1.000 đôi" → "1000 doi"; "m³" → "m3". */
function normalizeUnitText(text: string): string {
  return foldVietnamese(text)
    .replace(/³/g, '3')
    .replace(/²/g, '2')
    .replace(/(\d)[. \u00a0](?=\d{3}\b)/g, '$1')
    .replace(/[().,:;/\\]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function parseUnit(text: string | null | undefined): ParsedUnit {
  const raw = (text ?? '').trim();
  const cached = cleanKeyCache.get(raw);
  if (cached) return cached;
  const parsed = parseUncached(raw);
  if (cleanKeyCache.size > 5000) cleanKeyCache.clear();
  cleanKeyCache.set(raw, parsed);
  return parsed;
}

function parseUncached(raw: string): ParsedUnit {
  let rest = normalizeUnitText(raw);
  if (rest === '') return { text: raw, family: null, factor: 1, key: '' };
  let multiplier = 1;
  // "1000 đôi", "10^3 tấn", "nghìn tấn", "tr kwh", "trđ" (triệu đồng run together), "tỷ đ".
  for (;;) {
    const numeric = /^(\d+)\s*(?=\D)/.exec(rest);
    if (numeric?.[1]) {
      const n = Number(numeric[1]);
      if (!/^10*$/.test(numeric[1]) || n < 10) return unknown(raw, rest);
      multiplier *= n;
      rest = rest.slice(numeric[0].length).trim();
      continue;
    }
    const word = /^([a-z]+)(?: |$)/.exec(rest);
    const glued = /^(tr|ng)(d|kwh|usd)$/.exec(rest);
    if (glued?.[1] && glued[2]) {
      multiplier *= multiplierWords.get(glued[1]) ?? 1;
      rest = glued[2];
      continue;
    }
    if (word?.[1] && multiplierWords.has(word[1]) && rest.length > word[1].length) {
      multiplier *= multiplierWords.get(word[1]) ?? 1;
      rest = rest.slice(word[1].length).trim();
      continue;
    }
    break;
  }
  const known = bases.get(rest);
  if (known) {
    const factor = multiplier * known.factor;
    return { text: raw, family: known.family, factor, key: `${known.family}*${factor}` };
  }
  if (rest === '' || /\d/.test(rest)) return unknown(raw, rest);
  // Any other base ("lượt khách", "doanh nghiệp") is a family of its own: "nghìn lượt khách" converts to "lượt khách".
  return { text: raw, family: rest, factor: multiplier, key: `${rest}*${multiplier}` };
}

const measuredFamilies = new Set([...bases.values()].map((b) => b.family));

/** A unit of money, energy, mass, volume or count that ChiTieu converts, not any word read as a base of its own. */
export function isMeasuredUnit(unit: ParsedUnit): boolean {
  return unit.family !== null && measuredFamilies.has(unit.family);
}

function unknown(raw: string, rest: string): ParsedUnit {
  return { text: raw, family: null, factor: 1, key: `?${rest}` };
}

export type UnitComparison =
  { kind: 'same' } | { kind: 'convert'; factor: number } | { kind: 'other-family' } | { kind: 'not-understood' };

/** How a figure in `from` becomes a figure in `to`: the same, multiplied by a factor, or not at all. */
export function compareUnits(from: ParsedUnit, to: ParsedUnit): UnitComparison {
  if (from.key !== '' && from.key === to.key) return { kind: 'same' };
  if (from.family === null) {
    return foldVietnamese(from.text) === foldVietnamese(to.text) ? { kind: 'same' } : { kind: 'not-understood' };
  }
  if (to.family === null || from.family !== to.family) return { kind: 'other-family' };
  return { kind: 'convert', factor: from.factor / to.factor };
}

/**
 * Converts on decimal terms: dividing by 1000 rather than multiplying by 0.001 keeps 14.659.900 triệu đồng at
 * exactly 14.659,9 tỷ đồng.
 */
export function convertFigure(value: number, factor: number): number {
  if (factor === 1) return value;
  const result = factor >= 1 ? value * Math.round(factor) : value / Math.round(1 / factor);
  return cleanNumber(result);
}

/** "× 1/1000" as the clerk reads it beside a converted row. */
export function describeFactor(factor: number): string {
  return factor >= 1 ? `× ${formatViNumber(Math.round(factor), 0)}` : `÷ ${formatViNumber(Math.round(1 / factor), 0)}`;
}
