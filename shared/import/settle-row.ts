/** What one row of a sheet is being read as: its indicator, its state and note, once its match is known. */
import type { Indicator } from '../api/entities';
import type { MatchHow, PreviewRow } from '../api/import-entities';
import type { CellFigure } from './cells';
import { anywhere, type MatchScope, type RowMatch, type UnitFit } from './match';
import { allowedIn, describeSection, type CatalogTree, type Section } from './sections';
import { describeFactor } from './units';

/** A row's place as a scope for matching, with the section it came from. */
export type PlacedScope = MatchScope & { section: Section };

export function scopeOf(section: Section, tree: CatalogTree): PlacedScope {
  return {
    section,
    allows: (code, exact) => allowedIn(section, tree, code, exact),
    // Under the row of a total, its parts; under a title, the total too.
    inside: (code) =>
      section.kind === 'indicator' && tree.within(code, section.code) && (code !== section.code || !section.byRow),
    under: (code) => section.kind === 'indicator' && tree.within(section.code, code),
    open: section.kind === 'none',
  };
}

export const openScope: PlacedScope = { ...anywhere, section: { kind: 'none' } };

/** One row as it is being planned. */
export interface RowWork {
  preview: PreviewRow;
  indicator: Indicator | null;
  fit: UnitFit | null;
  unitText: string;
  key: string;
  hasFigures: boolean;
  /** The figure of each of the sheet's data columns, read once. */
  figures: CellFigure[];
  fuzzy: boolean;
  /** Where the row stands, for its suggestions. */
  scope: PlacedScope;
  /** For a row that states no unit under headings that do ("Lượng (Tấn)", "Trị giá (Triệu USD)"): each unit's indicator. */
  byUnit: Map<string, { indicator: Indicator; fit: UnitFit }>;
}

export function settleRow(
  item: RowWork,
  result: RowMatch,
  how: MatchHow | null,
  confidence: number | null,
  tree: CatalogTree,
): void {
  const p = item.preview;
  if (result.kind === 'matched' || result.kind === 'unit-mismatch') {
    settleMatched(item, result, how, confidence);
  } else if (result.kind === 'suggested') {
    p.state = 'suggested';
    p.suggestions = result.suggestions;
    item.fuzzy = true;
  } else if (result.kind === 'combined') {
    p.state = 'unrecognized';
    p.suggestions = [];
    p.note = `Dòng gộp nhiều chỉ tiêu (${result.codes.join(', ')}): số của dòng không thuộc riêng chỉ tiêu nào nên không được nhập.`;
  } else if (result.kind === 'out-of-section') {
    p.state = 'unrecognized';
    p.suggestions = [];
    p.note = `Tên giống ${result.codes.join(', ')} nhưng dòng nằm trong ${describeSection(item.scope.section, tree) || 'một phần khác của báo cáo'}, nơi danh mục không có chỉ tiêu này: không nhập.`;
  } else {
    p.state = 'unrecognized';
    p.suggestions = [];
  }
}

/** A row found to be an indicator: a group, a unit that does not fit, or matched (converted, or its unit assumed). */
function settleMatched(
  item: RowWork,
  result: Extract<RowMatch, { kind: 'matched' | 'unit-mismatch' }>,
  how: MatchHow | null,
  confidence: number | null,
): void {
  const p = item.preview;
  const indicator = result.indicator;
  p.match = {
    code: indicator.code,
    nameVi: indicator.nameVi,
    unit: indicator.unit,
    how: how ?? result.how,
    confidence,
  };
  item.indicator = indicator;
  item.fit = result.fit;
  const fit = result.fit;
  if (indicator.kind === 'group') {
    p.state = 'group';
    p.note = 'Nhóm chỉ tiêu: không có số liệu riêng.';
  } else if (fit.kind === 'other-family' || fit.kind === 'not-understood') {
    p.state = 'unit_mismatch';
    p.note =
      fit.kind === 'other-family'
        ? `Đơn vị "${item.unitText}" không đổi được sang "${indicator.unit}" của ${indicator.code}.`
        : `Không hiểu đơn vị "${item.unitText}" (danh mục: "${indicator.unit}").`;
  } else {
    p.state = 'matched';
    if (fit.kind === 'convert')
      p.conversion = {
        from: item.unitText,
        to: indicator.unit,
        factor: fit.factor,
        text: describeFactor(fit.factor),
      };
    if (fit.kind === 'assumed') p.note = `Dòng không ghi đơn vị tính; coi như "${indicator.unit}" của danh mục.`;
  }
  p.suggestions = [];
}
