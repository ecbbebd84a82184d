/**
 * The first pass over a sheet's rows: what each row is, read in order so that each knows the section it stands
 * in: its identity from its cells, then the mapping the clerk chose or remembered, else the catalog's match.
 */
import type { PreviewRow } from '../api/import-entities';
import { cellAddress, figureInCell, sttOfCell, textOfCell, type CellFigure } from './cells';
import { unitFit, type IndicatorMatcher, type RowMatch } from './match';
import { nameKey, stripStt } from './names';
import { describeSection, isBreakdownRow, isTotalName, sectionAfter, topicOf, type Section } from './sections';
import { openScope, scopeOf, settleRow, type RowWork } from './settle-row';
import type { SheetColumns } from './sheet-columns';
import type { SheetContext } from './sheet-context';
import type { SheetFindings } from './sheet-findings';
import type { RowCells } from '../spreadsheet/sheet-grid';
import { cellOf, type SheetGrid, type TableLayout } from './table';
import { headingUnit } from './headings';
import { describeFactor, parseUnit } from './units';
import { foldVietnamese } from '../text/fold-vietnamese';

/** A row mapped by hand, for the alias and the layout memory: key → code, with the name as written. */
export interface ManualRow {
  key: string;
  code: string | null;
  name: string;
}

/** The key a row is remembered under in a layout: its code cell, else its name and unit. */
export function rowKey(name: string, unit: string, code: string, key = nameKey(name)): string {
  if (code.trim() !== '') return `#${code.trim().toUpperCase()}`;
  const u = parseUnit(unit);
  return `${key}|${u.family === null ? foldVietnamese(unit) : u.key}`;
}

/** What a row's cells say of it, before any matching. */
interface RowIdentity {
  row: number;
  rawName: string;
  /** The name without its STT and the unit written into it. */
  name: string;
  ownUnit: string;
  /** Its own unit, else the sheet's unit note. */
  unitText: string;
  code: string;
  stt: string;
  figures: CellFigure[];
  hasFigures: boolean;
}

/** Where a row leaves the sections: the indicator it is, or null; a row left out of the sections says nothing. */
type SectionStep = { matched: string | null } | null;

interface RowReading {
  grid: SheetGrid;
  layout: TableLayout;
  ctx: SheetContext;
  columns: SheetColumns;
  findings: SheetFindings;
  manualRows: ManualRow[];
}

export function readRows(
  grid: SheetGrid,
  layout: TableLayout,
  ctx: SheetContext,
  columns: SheetColumns,
  findings: SheetFindings,
): { work: RowWork[]; manualRows: ManualRow[] } {
  const reading: RowReading = { grid, layout, ctx, columns, findings, manualRows: [] };
  const tree = ctx.matcher.tree;
  const topic = topicOf([grid.name, ...layout.titleTexts.map((t) => t.text)], tree);
  const base: Section = topic
    ? { kind: 'indicator', code: topic, from: 'tiêu đề trang tính', byRow: false, level: null }
    : { kind: 'none' };
  let section: Section = base;
  const work: RowWork[] = [];
  for (let r = layout.firstDataRow; r <= layout.lastDataRow; r++) {
    const cells = grid.rows.get(r);
    if (!cells) continue;
    const row = rowIdentityOf(reading, r, cells);
    if (row.rawName === '' && row.code === '') {
      if (row.hasFigures) work.push(unnamedRow(row, columns));
      continue;
    }
    const standing: Section =
      isBreakdownRow(row.name) && section.kind !== 'breakdown'
        ? { kind: 'breakdown', heading: row.name, row: r, level: null, outer: section }
        : section;
    const ownKey = nameKey(row.name);
    const item = namedRow(row, rowKey(row.name, row.unitText, row.code, ownKey), columns, standing, reading);
    work.push(item);
    const mapped = mappedRow(reading, item, row);
    const step = mapped === undefined ? matchedRow(reading, item, row, ownKey, standing) : mapped;
    if (!step) continue;
    section = sectionAfter(section, base, tree, {
      row: r,
      name: row.name,
      stt: row.stt || sttPrefix(row.rawName),
      matched: step.matched,
      heading: !row.hasFigures,
    });
  }
  return { work, manualRows: reading.manualRows };
}

function rowIdentityOf(reading: RowReading, r: number, cells: RowCells): RowIdentity {
  const { grid, layout, columns } = reading;
  const { nameCol, unitCol, codeCol, sttCol } = columns;
  const nameCell = nameCol ? cellOf(grid, r, nameCol) : undefined;
  const rawName = textOfCell(nameCell);
  // "Hạt điều nhân (Tấn)": a table without a unit column states the unit in the name.
  const unitInName = headingUnit(rawName);
  const cellUnit = unitCol ? textOfCell(cellOf(grid, r, unitCol)) : '';
  const name = stripStt(
    unitInName && cellUnit === '' ? rawName.replace(`(${unitInName})`, ' ').replace(/\s+/g, ' ').trim() : rawName,
  );
  const ownUnit = cellUnit !== '' ? cellUnit : (unitInName ?? '');
  const figures = columns.data.map((u) => figureInCell(cells.get(u.col)));
  return {
    row: r,
    rawName,
    name,
    ownUnit,
    unitText: ownUnit !== '' ? ownUnit : (layout.unitNote?.text ?? ''),
    code: codeCol ? textOfCell(cellOf(grid, r, codeCol)) : '',
    stt: sttCol ? sttOfCell(cellOf(grid, r, sttCol)) : '',
    figures,
    hasFigures: figures.some((f) => f.kind !== 'none'),
  };
}

/** The STT a clerk typed in front of the name ("1.1 Hạt điều", "- Cao su"), for a table without an STT column. */
function sttPrefix(rawName: string): string {
  return /^\s*([IVXLC]+|[A-H]|\d+(?:\.\d+)*|[a-zđ]|[-–—•·+*])(?=[.)\s]|$)/.exec(rawName)?.[1] ?? '';
}

function emptyPreviewRow(row: RowIdentity, cell: string, name: string, note: string | null): PreviewRow {
  return {
    row: row.row,
    cell,
    stt: row.stt,
    name,
    unit: row.ownUnit,
    codeCell: row.code,
    state: 'unrecognized',
    match: null,
    suggestions: [],
    conversion: null,
    note,
    evidence: null,
  };
}

/** Figures on a row without a name or code belong to no indicator; the row is shown so that they are not lost. */
function unnamedRow(row: RowIdentity, columns: SheetColumns): RowWork {
  const first = columns.data[row.figures.findIndex((f) => f.kind !== 'none')];
  const at = cellAddress(row.row, first?.col ?? 1);
  return {
    preview: emptyPreviewRow(row, at, '', 'Dòng có số liệu nhưng không có tên chỉ tiêu.'),
    indicator: null,
    fit: null,
    unitText: row.unitText,
    key: '',
    hasFigures: row.hasFigures,
    figures: row.figures,
    fuzzy: false,
    scope: openScope,
    byUnit: new Map(),
  };
}

function namedRow(
  row: RowIdentity,
  key: string,
  columns: SheetColumns,
  standing: Section,
  reading: RowReading,
): RowWork {
  const at = cellAddress(row.row, columns.nameCol ?? columns.codeCol ?? 1);
  return {
    preview: emptyPreviewRow(row, at, row.rawName, null),
    indicator: null,
    fit: null,
    unitText: row.unitText,
    key,
    hasFigures: row.hasFigures,
    figures: row.figures,
    fuzzy: false,
    scope: scopeOf(standing, reading.ctx.matcher.tree),
    byUnit: new Map(),
  };
}

/**
 * A row the clerk mapped, in this session or for this layout before: left out, or the indicator chosen. Undefined
 * when the row is not mapped by hand.
 */
function mappedRow(reading: RowReading, item: RowWork, row: RowIdentity): SectionStep | undefined {
  const { ctx, findings, manualRows } = reading;
  const { key, preview } = item;
  const r = row.row;
  const manual = ctx.manualRows.has(r) ? { code: ctx.manualRows.get(r) ?? null, how: 'manual' as const } : undefined;
  const remembered =
    !manual && ctx.remembered && Object.hasOwn(ctx.remembered.rows, key)
      ? { code: ctx.remembered.rows[key] ?? null, how: 'layout' as const }
      : undefined;
  const forced = manual ?? remembered;
  if (!forced) return undefined;
  if (forced.code === null) {
    preview.state = 'ignored';
    preview.note =
      forced.how === 'manual' ? 'Không nhập dòng này (đã chọn).' : 'Không nhập dòng này (đã chọn cho mẫu biểu này).';
    if (manual) manualRows.push({ key, code: null, name: row.name });
    return null;
  }
  const indicator = ctx.matcher.indicator(forced.code);
  if (!indicator) {
    findings.add(
      'error',
      'mapping-unknown-code',
      `Dòng ${r} được ghép với mã ${forced.code}, nhưng danh mục không có chỉ tiêu đang dùng nào mang mã này.`,
      preview.cell,
      forced.code,
    );
    return null;
  }
  const result: RowMatch = { kind: 'matched', indicator, how: 'code', fit: unitFit(row.unitText, indicator) };
  settleRow(item, result, forced.how, null, ctx.matcher.tree);
  preview.evidence = forced.how === 'manual' ? 'Ghép bằng tay.' : 'Ghép bằng tay ở lần nhập trước của mẫu biểu này.';
  if (manual && preview.state === 'matched') manualRows.push({ key, code: forced.code, name: row.name });
  return { matched: preview.state === 'matched' ? forced.code : null };
}

/** A row matched against the catalog within its section, by its own unit and by the units its headings state. */
function matchedRow(
  reading: RowReading,
  item: RowWork,
  row: RowIdentity,
  ownKey: string,
  standing: Section,
): SectionStep {
  const { ctx, columns } = reading;
  const { name, unitText, code, ownUnit } = row;
  const place = describeSection(standing, ctx.matcher.tree);
  const result =
    totalOfTopic(ctx.matcher, standing, name, unitText, code) ??
    ctx.matcher.match({ name, unit: unitText, code, nameKey: ownKey }, new Set(), item.scope);
  settleRow(item, result, null, null, ctx.matcher.tree);
  if (result.kind === 'matched') item.preview.evidence = rowEvidence(result, unitText, place);
  const otherUnits = columns.units.filter((u) => ownUnit === '' || parseUnit(u).family !== parseUnit(ownUnit).family);
  if (otherUnits.length > 0) matchByColumnUnit(ctx.matcher, item, row, ownKey, place, otherUnits);
  return { matched: item.indicator && item.preview.state !== 'suggested' ? item.indicator.code : null };
}

function rowEvidence(result: Extract<RowMatch, { kind: 'matched' }>, unitText: string, place: string): string {
  const why = result.how === 'code' ? 'mã chỉ tiêu ghi trên dòng' : (result.evidence ?? 'tên trùng tên trong danh mục');
  const unit =
    result.fit.kind === 'convert'
      ? `, đơn vị ${unitText} đổi sang ${result.indicator.unit} (${describeFactor(result.fit.factor)})`
      : result.fit.kind === 'assumed'
        ? `, dòng không ghi đơn vị nên coi là ${result.indicator.unit}`
        : unitText
          ? `, đơn vị ${unitText}`
          : '';
  return `Dòng là ${result.indicator.code}: ${why}${unit}${place ? `, trong ${place}` : ''}.`;
}

/** "Tổng số" on a sheet titled after one indicator ("TỔNG MỨC BÁN LẺ …", "CHỈ SỐ SẢN XUẤT CÔNG NGHIỆP") is that indicator. */
function totalOfTopic(
  matcher: IndicatorMatcher,
  standing: Section,
  name: string,
  unitText: string,
  code: string,
): RowMatch | null {
  if (code !== '' || standing.kind !== 'indicator' || standing.byRow || !isTotalName(name)) return null;
  const indicator = matcher.indicator(standing.code);
  if (!indicator) return null;
  const fit = unitFit(unitText, indicator);
  const kind = fit.kind === 'other-family' || fit.kind === 'not-understood' ? 'unit-mismatch' : 'matched';
  return { kind, indicator, how: 'name', fit, evidence: `dòng tổng của trang tính về ${indicator.nameVi}` };
}

/** A row without its own unit under headings that state theirs: the indicator of each heading's unit. */
function matchByColumnUnit(
  matcher: IndicatorMatcher,
  item: RowWork,
  row: RowIdentity,
  ownKey: string,
  place: string,
  units: readonly string[],
): void {
  const { name, code } = row;
  for (const unit of units) {
    const result = matcher.match({ name, unit, code, nameKey: ownKey }, new Set(), item.scope);
    if (result.kind === 'matched') item.byUnit.set(unit, { indicator: result.indicator, fit: result.fit });
  }
  const first = [...item.byUnit.values()][0];
  if (!first) return;
  const p = item.preview;
  if (p.state !== 'matched') {
    settleRow(
      item,
      { kind: 'matched', indicator: first.indicator, how: 'name', fit: first.fit },
      null,
      null,
      matcher.tree,
    );
    p.conversion = null;
    // Found by its headings' units: no suggestion is left to accept over it.
    item.fuzzy = false;
  }
  const parts = [...item.byUnit.entries()].map(([unit, m]) => `cột ${unit}: ${m.indicator.code}`);
  p.evidence = `Tên trùng tên trong danh mục, đơn vị theo tiêu đề cột (${parts.join('; ')})${place ? `, trong ${place}` : ''}.`;
}
