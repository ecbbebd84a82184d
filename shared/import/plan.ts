/**
 * What importing one sheet would do, decided from its cells, the catalog, the clerk's choices and the figures
 * already stored: which rows and columns are recognized and how, each figure beside the current one, and the
 * findings. Pure: the backend supplies the stored figures through the lookups of the context.
 */
import type { Indicator } from '../api/entities';
import type {
  ImportCounts,
  ImportFinding,
  MatchHow,
  PreviewColumn,
  PreviewRow,
  PreviewSheet,
  PreviewValue,
  Suggestion,
  ValueChange,
} from '../api/import-entities';
import type { ValueStatus } from '../api/values-entities';
import { cleanNumber, formatViNumber, percentOf } from '../numbers/vi-number';
import { formatPeriodKey, lastMonth, parsePeriod, periodLabelVi, type Period } from '../periods/period';
import { foldVietnamese } from '../text/fold-vietnamese';
import { rangeBreachOf } from '../validation/figure-range';
import { cellAddress, figureInCell, shownText, sttOfCell, textOfCell, type CellFigure } from './cells';
import { anywhere, unitFit, type IndicatorMatcher, type MatchScope, type RowMatch, type UnitFit } from './match';
import { nameKey, stripStt } from './names';
import {
  allowedIn,
  describeSection,
  isBreakdownRow,
  isTotalName,
  sectionAfter,
  topicOf,
  type CatalogTree,
  type Section,
} from './sections';
import {
  resolvedTargetLabel,
  resolveTarget,
  statusWordsVi,
  targetKey,
  type ColumnRole,
  type ResolvedTarget,
  type Target,
} from './roles';
import { PlannedValues, type PlannedValue } from './planned-values';
import { cellOf, type SheetGrid, type TableLayout } from './table';
import { headingUnit } from './headings';
import { convertFigure, describeFactor, parseUnit } from './units';

export interface StoredFigure {
  value: number;
  status: ValueStatus | null;
  comment: string | null;
}

/** Mappings remembered for a layout: columns by letter, rows by their key (see rowKey). */
export interface RememberedLayout {
  columns: Record<string, ColumnRole>;
  rows: Record<string, string | null>;
}

export interface SheetContext {
  report: Period;
  today: Date;
  matcher: IndicatorMatcher;
  acceptSuggestions: boolean;
  /** Rows mapped by hand in this session: row number → code (null: do not import). */
  manualRows: ReadonlyMap<number, string | null>;
  /** Columns mapped by hand in this session, by letter. */
  manualColumns: ReadonlyMap<string, ColumnRole>;
  remembered: RememberedLayout | null;
  /** The figure stored now for an indicator and target (entered, never derived). */
  current(code: string, target: ResolvedTarget): StoredFigure | null;
  /** For checking stated percentages: the figure stored or following from its parts (months, children). */
  figure(code: string, period: Period): number | null;
}

export type { PlannedValue } from './planned-values';

/** A sheet's preview as the backend holds it: every planned figure (packed) instead of their counts. */
export type PlannedSheetPreview = Omit<PreviewSheet, 'valueChanges'> & { values: PlannedValues };

const labelCache = new Map<string, string>();

export function previewValueOf(planned: PlannedValue): PreviewValue {
  const { source, rowEvidence, columnEvidence, ...value } = planned;
  const key = targetKey(value.target);
  let label = labelCache.get(key);
  if (label === undefined) labelCache.set(key, (label = targetLabel(value.target)));
  return { ...value, label, shown: shownText(source), evidence: `${rowEvidence} ${columnEvidence}` };
}

export interface SheetPlan {
  preview: PlannedSheetPreview;
  /**
   * Rows mapped by hand, for the alias and the layout memory: key → code, with the name as written. A mapping
   * refused (a unit of another family, an unknown code) is left out: taught, it would misread every later workbook.
   */
  manualRows: { key: string; code: string | null; name: string }[];
}

const periodCache = new Map<string, Period | null>();
export function periodOfKey(key: string): Period | null {
  let p = periodCache.get(key);
  if (p === undefined) {
    const parsed = parsePeriod(key);
    p = parsed.ok ? parsed.period : null;
    periodCache.set(key, p);
  }
  return p;
}

/** A period still running (or in the future) is reported as an estimate; one that is over, as actual. */
export function defaultStatusOf(period: Period, today: Date): ValueStatus {
  const current = today.getFullYear() * 12 + today.getMonth();
  const end = period.year * 12 + (lastMonth(period) - 1);
  return end < current ? 'actual' : 'estimate';
}

export function targetLabel(target: ResolvedTarget): string {
  return resolvedTargetLabel(target, periodOfKey);
}

/** The role of a column in words, for one report period. */
export function describeRole(role: ColumnRole | null, report: Period): string {
  if (!role) return 'Không nhận ra';
  switch (role.role) {
    case 'stt':
      return 'Số thứ tự';
    case 'name':
      return 'Tên chỉ tiêu';
    case 'unit':
      return 'Đơn vị tính';
    case 'code':
      return 'Mã chỉ tiêu';
    case 'note':
      return 'Ghi chú (không nhập)';
    case 'ignore':
      return 'Bỏ qua';
    case 'data': {
      const target = resolveTarget(role.target, report);
      if (!target) return 'Kỳ không xác định được';
      const status = role.status ? ` (${statusWordsVi[role.status]})` : '';
      return `${targetLabel(target)}${status}`;
    }
    case 'percent': {
      const of = resolveTarget(role.of, report);
      const to = resolveTarget(role.to, report);
      if (!of || !to) return 'Kiểm tra: kỳ không xác định được';
      return `Kiểm tra: ${targetLabel(of)} so với ${targetLabel(to)} (%)`;
    }
  }
}

/**
 * "Accept suggestions" takes a suggestion only this alike: below it a name shares a word or two with the catalog's
 * ("Doanh thu" of an enterprise, "Hạt tiêu đen" beside Hạt điều nhân) and stays a question.
 */
const acceptableConfidence = 0.7;

/** A row's place as a scope for matching, with the section it came from. */
type PlacedScope = MatchScope & { section: Section };

function scopeOf(section: Section, tree: CatalogTree): PlacedScope {
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

const openScope: PlacedScope = { ...anywhere, section: { kind: 'none' } };

/** The STT a clerk typed in front of the name ("1.1 Hạt điều", "- Cao su"), for a table without an STT column. */
function sttPrefix(rawName: string): string {
  return /^\s*([IVXLC]+|[A-H]|\d+(?:\.\d+)*|[a-zđ]|[-–—•·+*])(?=[.)\s]|$)/.exec(rawName)?.[1] ?? '';
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

/**
 * "Ước thực hiện tháng 8" beside "Lũy kế 8 tháng": the cumulative holds the estimate of August, so it is an
 * estimate too, unless its heading says otherwise.
 */
function carryEstimateToCumulative(
  dataCols: readonly ColumnUse[],
  resolved: ReadonlyMap<string, ResolvedTarget | null>,
  statusOfColumn: Map<string, ValueStatus | null>,
  report: Period,
): void {
  const reportKey = formatPeriodKey(report);
  const periodOfColumn = (u: ColumnUse): string => {
    if (u.role?.role === 'data') return keyOfTarget(resolved.get(u.letter));
    const own = u.role?.role === 'percent' ? indexTargetOf(u.role) : null;
    return own ? keyOfTarget(resolveTarget(own, report)) : '';
  };
  const headingStatus = (u: ColumnUse): ValueStatus | null | undefined =>
    u.role?.role === 'data' ? u.role.status : u.role?.role === 'percent' ? (u.role.status ?? null) : undefined;
  for (const u of dataCols)
    if (u.role?.role === 'percent' && u.role.status) statusOfColumn.set(u.letter, u.role.status);
  const estimated = dataCols.some((u) => headingStatus(u) === 'estimate' && periodOfColumn(u) === reportKey);
  if (!estimated) return;
  for (const u of dataCols) {
    if (headingStatus(u) !== null) continue;
    const period = periodOfKey(periodOfColumn(u));
    if (period?.kind === 'ytd' && period.year === report.year && period.throughMonth >= lastMonth(report))
      statusOfColumn.set(u.letter, 'estimate');
  }
}

function keyOfTarget(target: ResolvedTarget | null | undefined): string {
  return target?.kind === 'value' ? target.period : '';
}

/** The key a row is remembered under in a layout: its code cell, else its name and unit. */
export function rowKey(name: string, unit: string, code: string, key = nameKey(name)): string {
  if (code.trim() !== '') return `#${code.trim().toUpperCase()}`;
  const u = parseUnit(unit);
  return `${key}|${u.family === null ? foldVietnamese(unit) : u.key}`;
}

export function emptyCounts(): ImportCounts {
  return {
    rowsMatched: 0,
    rowsSuggested: 0,
    rowsUnrecognized: 0,
    rowsUnitMismatch: 0,
    valuesNew: 0,
    valuesChanged: 0,
    valuesSame: 0,
    valuesKept: 0,
    valuesConflicting: 0,
    errors: 0,
    warnings: 0,
  };
}

export function addCounts(into: ImportCounts, more: ImportCounts): void {
  for (const k of Object.keys(into) as (keyof ImportCounts)[]) into[k] += more[k];
}

interface ColumnUse {
  col: number;
  letter: string;
  heading: string;
  role: ColumnRole | null;
}

function sameTarget(a: Target, b: Target): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** For an index (IIP), "so với cùng kỳ (%)" of a period is the index of that period itself. */
function indexTargetOf(role: Extract<ColumnRole, { role: 'percent' }>): Target | null {
  if (role.of.kind !== 'value' || role.to.kind !== 'value') return null;
  const back: Target = {
    kind: 'value',
    at:
      role.of.at.year !== undefined
        ? { ...role.of.at, year: role.of.at.year - 1 }
        : { ...role.of.at, yearsBack: (role.of.at.yearsBack ?? 0) + 1 },
  };
  return sameTarget(back, role.to) ? role.of : null;
}

function fmt(x: number): string {
  const decimals = Math.min(4, (String(cleanNumber(x)).split('.')[1] ?? '').length);
  return formatViNumber(x, decimals);
}

function withinTolerance(stated: number, computed: number): boolean {
  const decimals = (String(cleanNumber(stated)).split('.')[1] ?? '').length;
  const tolerance = Math.max(0.1, 0.5 * 10 ** -Math.min(decimals, 6)) + 1e-9;
  return (
    Math.abs(stated - computed) <= tolerance ||
    Math.abs(stated * 100 - computed) <= tolerance ||
    Math.abs(stated + 100 - computed) <= tolerance
  );
}

export function planSheet(grid: SheetGrid, layout: TableLayout, ctx: SheetContext): SheetPlan {
  const sheet = grid.name;
  const findings: ImportFinding[] = [];
  const add = (
    severity: ImportFinding['severity'],
    kind: string,
    message: string,
    cell: string | null = null,
    code: string | null = null,
  ) => findings.push({ severity, kind, message, sheet, cell, code });

  // Columns: by hand, else remembered for the layout, else from the heading.
  const columns: PreviewColumn[] = [];
  const uses: ColumnUse[] = [];
  for (const c of layout.columns) {
    const manual = ctx.manualColumns.get(c.letter);
    const remembered = ctx.remembered?.columns[c.letter];
    const role = manual ?? remembered ?? c.role;
    const how = manual ? 'manual' : remembered ? 'layout' : c.role ? 'heading' : null;
    columns.push({
      column: c.letter,
      cell: c.cell,
      heading: c.heading,
      role,
      how,
      label: describeRole(role, ctx.report),
    });
    uses.push({ col: c.col, letter: c.letter, heading: c.heading, role });
  }
  for (const [letter, role] of ctx.manualColumns) {
    if (columns.some((c) => c.column === letter)) continue;
    let col = 0;
    for (const ch of letter) col = col * 26 + (ch.charCodeAt(0) - 64);
    columns.push({
      column: letter,
      cell: null,
      heading: '',
      role,
      how: 'manual',
      label: describeRole(role, ctx.report),
    });
    uses.push({ col, letter, heading: '', role });
  }
  columns.sort((a, b) => a.column.length - b.column.length || a.column.localeCompare(b.column));
  const firstOf = (role: string) => uses.find((u) => u.role?.role === role)?.col ?? null;
  const nameCol = firstOf('name');
  const unitCol = firstOf('unit');
  const codeCol = firstOf('code');
  const sttCol = firstOf('stt');
  const dataCols = uses.filter((u) => u.role?.role === 'data' || u.role?.role === 'percent');
  const unknownCols = uses.filter((u) => u.role === null);

  const resolved = new Map<string, ResolvedTarget | null>();
  const keyOfColumn = new Map<string, string>();
  const statusOfColumn = new Map<string, ValueStatus | null>();
  for (const u of dataCols) {
    if (u.role?.role === 'data') {
      const t = resolveTarget(u.role.target, ctx.report);
      resolved.set(u.letter, t);
      if (t) keyOfColumn.set(u.letter, targetKey(t));
      if (t) statusOfColumn.set(u.letter, statusOf(t, u.role.status));
      if (!t)
        add(
          'warning',
          'column-period',
          `Cột ${u.letter} "${u.heading}": không xác định được kỳ của cột với kỳ báo cáo này; số liệu trong cột không được nhập.`,
          null,
        );
    }
  }

  carryEstimateToCumulative(dataCols, resolved, statusOfColumn, ctx.report);
  for (const c of columns) {
    if (c.role?.role === 'data' && c.role.status === null && statusOfColumn.get(c.column) === 'estimate')
      c.label = `${c.label} (ước tính)`;
  }
  const columnEvidence = new Map<string, string>();
  for (const u of dataCols) {
    const t = resolved.get(u.letter);
    const status = statusOfColumn.get(u.letter);
    const how = columns.find((c) => c.column === u.letter)?.how;
    const read =
      how === 'manual' ? 'chọn bằng tay' : how === 'layout' ? 'theo mẫu biểu đã nhớ' : `tiêu đề «${u.heading}»`;
    if (t)
      columnEvidence.set(
        u.letter,
        `Cột ${u.letter} (${read}) là ${targetLabel(t)}${status ? ` (${statusWordsVi[status]})` : ''}.`,
      );
    const own = u.role?.role === 'percent' ? indexTargetOf(u.role) : null;
    const index = own ? resolveTarget(own, ctx.report) : null;
    if (index)
      columnEvidence.set(
        u.letter,
        `Cột ${u.letter} (${read}) so với cùng kỳ năm trước: với một chỉ số, đó là chỉ số của ${targetLabel(index)}.`,
      );
  }
  const unitOfColumn = new Map<string, string>();
  for (const u of dataCols) if (u.role?.role === 'data' && u.role.unit) unitOfColumn.set(u.letter, u.role.unit);
  const columnUnits = [...new Set(unitOfColumn.values())];

  // Rows, first pass: what each row is without suggestions, read in order so that each knows its section.
  interface RowWork {
    preview: PreviewRow;
    indicator: Indicator | null;
    fit: UnitFit | null;
    unitText: string;
    key: string;
    hasFigures: boolean;
    /** The figure of each of dataCols, read once. */
    figures: CellFigure[];
    fuzzy: boolean;
    /** Where the row stands, for its suggestions. */
    scope: PlacedScope;
    /** For a row that states no unit under headings that do ("Lượng (Tấn)", "Trị giá (Triệu USD)"): each unit's indicator. */
    byUnit: Map<string, { indicator: Indicator; fit: UnitFit }>;
  }
  const tree = ctx.matcher.tree;
  const topic = topicOf([grid.name, ...layout.titleTexts.map((t) => t.text)], tree);
  const base: Section = topic
    ? { kind: 'indicator', code: topic, from: 'tiêu đề trang tính', byRow: false, level: null }
    : { kind: 'none' };
  let section: Section = base;
  const work: RowWork[] = [];
  const manualRows: SheetPlan['manualRows'] = [];
  for (let r = layout.firstDataRow; r <= layout.lastDataRow; r++) {
    const cells = grid.rows.get(r);
    if (!cells) continue;
    const nameCell = nameCol ? cellOf(grid, r, nameCol) : undefined;
    const rawName = textOfCell(nameCell);
    // "Hạt điều nhân (Tấn)": a table without a unit column states the unit in the name.
    const unitInName = headingUnit(rawName);
    const cellUnit = unitCol ? textOfCell(cellOf(grid, r, unitCol)) : '';
    const name = stripStt(
      unitInName && cellUnit === '' ? rawName.replace(`(${unitInName})`, ' ').replace(/\s+/g, ' ').trim() : rawName,
    );
    const ownUnit = cellUnit !== '' ? cellUnit : (unitInName ?? '');
    const unitText = ownUnit !== '' ? ownUnit : (layout.unitNote?.text ?? '');
    const code = codeCol ? textOfCell(cellOf(grid, r, codeCol)) : '';
    const stt = sttCol ? sttOfCell(cellOf(grid, r, sttCol)) : '';
    const figures = dataCols.map((u) => figureInCell(cells.get(u.col)));
    const hasFigures = figures.some((f) => f.kind !== 'none');
    if (rawName === '' && code === '') {
      if (hasFigures) {
        const first = dataCols[figures.findIndex((f) => f.kind !== 'none')];
        const at = cellAddress(r, first?.col ?? 1);
        work.push({
          preview: {
            row: r,
            cell: at,
            stt,
            name: '',
            unit: ownUnit,
            codeCell: '',
            state: 'unrecognized',
            match: null,
            suggestions: [],
            conversion: null,
            note: 'Dòng có số liệu nhưng không có tên chỉ tiêu.',
            evidence: null,
          },
          indicator: null,
          fit: null,
          unitText,
          key: '',
          hasFigures,
          figures,
          fuzzy: false,
          scope: openScope,
          byUnit: new Map(),
        });
      }
      continue;
    }
    const ownKey = nameKey(name);
    const key = rowKey(name, unitText, code, ownKey);
    const at = cellAddress(r, nameCol ?? codeCol ?? 1);
    const preview: PreviewRow = {
      row: r,
      cell: at,
      stt,
      name: rawName,
      unit: ownUnit,
      codeCell: code,
      state: 'unrecognized',
      match: null,
      suggestions: [],
      conversion: null,
      note: null,
      evidence: null,
    };
    const standing: Section =
      isBreakdownRow(name) && section.kind !== 'breakdown'
        ? { kind: 'breakdown', heading: name, row: r, level: null, outer: section }
        : section;
    const scope = scopeOf(standing, tree);
    const item: RowWork = {
      preview,
      indicator: null,
      fit: null,
      unitText,
      key,
      hasFigures,
      figures,
      fuzzy: false,
      scope,
      byUnit: new Map(),
    };
    work.push(item);
    const place = describeSection(standing, tree);

    const manual = ctx.manualRows.has(r) ? { code: ctx.manualRows.get(r) ?? null, how: 'manual' as const } : undefined;
    const remembered =
      !manual && ctx.remembered && Object.hasOwn(ctx.remembered.rows, key)
        ? { code: ctx.remembered.rows[key] ?? null, how: 'layout' as const }
        : undefined;
    const forced = manual ?? remembered;
    if (forced) {
      if (forced.code === null) {
        preview.state = 'ignored';
        preview.note =
          forced.how === 'manual'
            ? 'Không nhập dòng này (đã chọn).'
            : 'Không nhập dòng này (đã chọn cho mẫu biểu này).';
        if (manual) manualRows.push({ key, code: null, name });
        continue;
      }
      const indicator = ctx.matcher.indicator(forced.code);
      if (!indicator) {
        add(
          'error',
          'mapping-unknown-code',
          `Dòng ${r} được ghép với mã ${forced.code}, nhưng danh mục không có chỉ tiêu đang dùng nào mang mã này.`,
          at,
          forced.code,
        );
        continue;
      }
      settle(item, { kind: 'matched', indicator, how: 'code', fit: unitFit(unitText, indicator) }, forced.how, null);
      preview.evidence =
        forced.how === 'manual' ? 'Ghép bằng tay.' : 'Ghép bằng tay ở lần nhập trước của mẫu biểu này.';
      if (manual && preview.state === 'matched') manualRows.push({ key, code: forced.code, name });
      section = sectionAfter(section, base, tree, {
        row: r,
        name,
        stt: stt || sttPrefix(rawName),
        matched: preview.state === 'matched' ? forced.code : null,
        heading: !hasFigures,
      });
      continue;
    }
    const result =
      totalOfTopic(standing, name, unitText, code) ??
      ctx.matcher.match({ name, unit: unitText, code, nameKey: ownKey }, new Set(), scope);
    settle(item, result, null, null);
    if (result.kind === 'matched') preview.evidence = rowEvidence(result, unitText, place);
    const otherUnits = columnUnits.filter((u) => ownUnit === '' || parseUnit(u).family !== parseUnit(ownUnit).family);
    if (otherUnits.length > 0) matchByColumnUnit(item, name, code, ownKey, place, otherUnits);
    section = sectionAfter(section, base, tree, {
      row: r,
      name,
      stt: stt || sttPrefix(rawName),
      matched: item.indicator && preview.state !== 'suggested' ? item.indicator.code : null,
      heading: !hasFigures,
    });
  }

  /** "Tổng số" on a sheet titled after one indicator ("TỔNG MỨC BÁN LẺ …", "CHỈ SỐ SẢN XUẤT CÔNG NGHIỆP") is that indicator. */
  function totalOfTopic(standing: Section, name: string, unitText: string, code: string): RowMatch | null {
    if (code !== '' || standing.kind !== 'indicator' || standing.byRow || !isTotalName(name)) return null;
    const indicator = ctx.matcher.indicator(standing.code);
    if (!indicator) return null;
    const fit = unitFit(unitText, indicator);
    const kind = fit.kind === 'other-family' || fit.kind === 'not-understood' ? 'unit-mismatch' : 'matched';
    return { kind, indicator, how: 'name', fit, evidence: `dòng tổng của trang tính về ${indicator.nameVi}` };
  }

  /** A row without its own unit under headings that state theirs: the indicator of each heading's unit. */
  function matchByColumnUnit(
    item: RowWork,
    name: string,
    code: string,
    ownKey: string,
    place: string,
    units: readonly string[],
  ): void {
    for (const unit of units) {
      const result = ctx.matcher.match({ name, unit, code, nameKey: ownKey }, new Set(), item.scope);
      if (result.kind === 'matched') item.byUnit.set(unit, { indicator: result.indicator, fit: result.fit });
    }
    const first = [...item.byUnit.values()][0];
    if (!first) return;
    const p = item.preview;
    if (p.state !== 'matched') {
      settle(item, { kind: 'matched', indicator: first.indicator, how: 'name', fit: first.fit }, null, null);
      p.conversion = null;
      // Found by its headings' units: no suggestion is left to accept over it.
      item.fuzzy = false;
    }
    const parts = [...item.byUnit.entries()].map(([unit, m]) => `cột ${unit}: ${m.indicator.code}`);
    p.evidence = `Tên trùng tên trong danh mục, đơn vị theo tiêu đề cột (${parts.join('; ')})${place ? `, trong ${place}` : ''}.`;
  }

  function settle(item: RowWork, result: RowMatch, how: MatchHow | null, confidence: number | null): void {
    const p = item.preview;
    if (result.kind === 'matched' || result.kind === 'unit-mismatch') {
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
      p.note = `Tên giống ${result.codes.join(', ')} nhưng dòng nằm trong ${describeSection(item.scope.section, ctx.matcher.tree) || 'một phần khác của báo cáo'}, nơi danh mục không có chỉ tiêu này: không nhập.`;
    } else {
      p.state = 'unrecognized';
      p.suggestions = [];
    }
  }

  // Second pass: suggestions leave out indicators other rows already are; accepted ones are taken in row order.
  const taken = new Set(
    work.filter((w) => w.indicator && w.preview.state !== 'unit_mismatch').map((w) => w.indicator?.code ?? ''),
  );
  for (const w of work) {
    if (!w.fuzzy) continue;
    const suggestions: Suggestion[] = w.preview.suggestions.filter((s) => !taken.has(s.code));
    const fresh =
      suggestions.length > 0
        ? suggestions
        : ctx.matcher.suggest({ name: stripStt(w.preview.name), unit: w.unitText, code: '' }, taken, w.scope);
    w.preview.suggestions = fresh;
    if (fresh.length === 0) {
      w.preview.state = 'unrecognized';
      continue;
    }
    const top = fresh[0];
    const second = fresh[1];
    if (
      ctx.acceptSuggestions &&
      top &&
      top.confidence >= acceptableConfidence &&
      (!second || second.confidence < top.confidence)
    ) {
      const indicator = ctx.matcher.indicator(top.code);
      if (indicator) {
        const kept = fresh;
        settle(
          w,
          { kind: 'matched', indicator, how: 'name', fit: unitFit(w.unitText, indicator) },
          'suggestion',
          top.confidence,
        );
        w.preview.suggestions = kept;
        taken.add(top.code);
      }
    }
  }

  // Values.
  const values = new PlannedValues(grid, columnEvidence);
  const skippedColumns = new Set<string>();
  for (const w of work) {
    const p = w.preview;
    const r = p.row;
    if (p.state === 'unit_mismatch' && w.hasFigures) {
      add(
        'error',
        'unit-family',
        `Dòng ${r} "${p.name}" (ô ${p.cell}): ${p.note ?? ''} Dòng này không được nhập.`,
        p.cell,
        w.indicator?.code ?? null,
      );
    }
    if (p.state === 'group' && w.hasFigures) {
      add(
        'info',
        'group-figures',
        `Dòng ${r} "${p.name}" là nhóm ${w.indicator?.code ?? ''}: nhóm không có số liệu riêng nên số trên dòng này không được nhập.`,
        p.cell,
        w.indicator?.code ?? null,
      );
    }
    if (p.state !== 'matched' || !w.indicator || !w.fit) continue;
    for (const group of figureGroups(w)) planRowFigures(w, group.indicator, group.fit, group.columns);
  }

  /** The columns of a row by the indicator they hold: one, or one per unit its headings state. */
  function figureGroups(w: RowWork): { indicator: Indicator; fit: UnitFit; columns: Set<number> }[] {
    const groups = new Map<string, { indicator: Indicator; fit: UnitFit; columns: Set<number> }>();
    for (const [i, u] of dataCols.entries()) {
      const unit = unitOfColumn.get(u.letter);
      const own = unit ? w.byUnit.get(unit) : undefined;
      const indicator = own?.indicator ?? w.indicator;
      const fit = own?.fit ?? (unit ? unitFit(unit, indicator ?? { unit: '' }) : w.fit);
      if (!indicator || !fit) continue;
      // A figure whose heading states a unit the indicator cannot hold, or a column of no unit in a row of
      // several, belongs to no indicator found for the row.
      const fits = fit.kind === 'same' || fit.kind === 'convert' || fit.kind === 'assumed';
      if (!fits || (!unit && w.byUnit.size > 1)) {
        if (w.figures[i]?.kind === 'number') skippedColumns.add(u.letter);
        continue;
      }
      let g = groups.get(indicator.code);
      if (!g) groups.set(indicator.code, (g = { indicator, fit, columns: new Set() }));
      g.columns.add(i);
    }
    if (skippedColumns.size > 0) {
      const letters = [...skippedColumns].join(', ');
      add(
        'info',
        'column-unit',
        `Dòng ${w.preview.row} "${w.preview.name}": số ở cột ${letters} không nhập, vì đơn vị của cột không khớp chỉ tiêu nào tìm được cho dòng này.`,
        w.preview.cell,
        w.indicator?.code ?? null,
      );
      skippedColumns.clear();
    }
    return [...groups.values()];
  }

  function planRowFigures(w: RowWork, indicator: Indicator, fit: UnitFit, columns: ReadonlySet<number>): void {
    const p = w.preview;
    const r = p.row;
    if (fit.kind === 'assumed' && w.hasFigures) {
      add(
        'warning',
        'unit-assumed',
        `Dòng ${r} "${p.name}" (ô ${p.cell}) không ghi đơn vị tính: số liệu được coi là "${indicator.unit}".`,
        p.cell,
        indicator.code,
      );
    }
    const factor = fit.kind === 'convert' ? fit.factor : 1;
    const rowValues = new Map<string, number>();
    const rowCells = new Map<string, string>();
    // Targets whose own cell was refused: a comparison column must not slip its figure in instead.
    const refused = new Set<string>();
    const percentCols: ColumnUse[] = [];
    const percentFigures: CellFigure[] = [];
    for (const [i, u] of dataCols.entries()) {
      if (!columns.has(i)) continue;
      const figure = w.figures[i] ?? { kind: 'none' };
      if (u.role?.role === 'percent') {
        percentCols.push(u);
        percentFigures.push(figure);
        continue;
      }
      if (u.role?.role !== 'data') continue;
      const target = resolved.get(u.letter);
      const cell = cellOf(grid, r, u.col);
      const address = cellAddress(r, u.col);
      if (figure.kind === 'none') continue;
      if (figure.kind === 'problem') {
        add(
          'warning',
          cell?.t === 'f' ? 'formula-without-result' : 'not-a-number',
          `${sheet}!${address} (${indicator.code}, cột "${u.heading}"): ${figure.reason} Ô này không được nhập.`,
          address,
          indicator.code,
        );
        if (target) refused.add(targetKey(target));
        continue;
      }
      if (!target) continue;
      const value = convertFigure(figure.value, factor);
      const key = keyOfColumn.get(u.letter) ?? targetKey(target);
      if (outOfRange(indicator, target, value, address, u.heading)) {
        refused.add(key);
        continue;
      }
      rowValues.set(key, value);
      rowCells.set(key, address);
      addValue(
        p.evidence ?? '',
        indicator,
        target,
        statusOfColumn.get(u.letter) ?? null,
        r,
        u.col,
        figure.value,
        value,
      );
    }
    // An index stated only as "so với cùng kỳ (%)" is the index itself.
    if (indicator.kind === 'index') {
      for (const [i, u] of percentCols.entries()) {
        if (u.role?.role !== 'percent') continue;
        const own = indexTargetOf(u.role);
        const target = own ? resolveTarget(own, ctx.report) : null;
        if (!target || refused.has(targetKey(target))) continue;
        const cell = cellOf(grid, r, u.col);
        const figure = percentFigures[i] ?? { kind: 'none' };
        const address = cellAddress(r, u.col);
        const inDataColumn = rowValues.get(targetKey(target));
        if (inDataColumn !== undefined) {
          // The index given twice: the data column is written, the comparison column only checked against it.
          if (figure.kind === 'number' && !withinTolerance(figure.value, inDataColumn)) {
            add(
              'warning',
              'stated-percent',
              `${sheet}!${address}: "${u.heading}" của ${indicator.code} ghi ${fmt(figure.value)}, nhưng ô ${rowCells.get(targetKey(target)) ?? ''} ghi chỉ số ${targetLabel(target)} là ${fmt(inDataColumn)}.`,
              address,
              indicator.code,
            );
          }
          continue;
        }
        if (figure.kind === 'problem') {
          add(
            'warning',
            cell?.t === 'f' ? 'formula-without-result' : 'not-a-number',
            `${sheet}!${address} (${indicator.code}, cột "${u.heading}"): ${figure.reason} Ô này không được nhập.`,
            address,
            indicator.code,
          );
        }
        if (figure.kind !== 'number' || outOfRange(indicator, target, figure.value, address, u.heading)) continue;
        rowValues.set(targetKey(target), figure.value);
        addValue(
          p.evidence ?? '',
          indicator,
          target,
          statusOf(target, statusOfColumn.get(u.letter) ?? null),
          r,
          u.col,
          figure.value,
          figure.value,
        );
      }
    }
    if (indicator.kind === 'flow') checkCumulatives(indicator, r, rowValues, rowCells);
    // Stated percentages of a flow are checks against the figures, never data.
    if (indicator.kind === 'flow') {
      for (const [i, u] of percentCols.entries()) {
        if (u.role?.role !== 'percent') continue;
        const cell = cellOf(grid, r, u.col);
        const figure = percentFigures[i] ?? { kind: 'none' };
        const address = cellAddress(r, u.col);
        if (figure.kind === 'none') continue;
        if (figure.kind === 'problem') {
          add(
            'warning',
            cell?.t === 'f' ? 'formula-without-result' : 'not-a-number',
            `${sheet}!${address} (${indicator.code}, cột "${u.heading}"): ${figure.reason}`,
            address,
            indicator.code,
          );
          continue;
        }
        const of = resolveTarget(u.role.of, ctx.report);
        const to = resolveTarget(u.role.to, ctx.report);
        if (!of || !to) continue;
        const amount = (t: ResolvedTarget): number | null => {
          const inRow = rowValues.get(targetKey(t));
          if (inRow !== undefined) return inRow;
          if (t.kind === 'plan') return ctx.current(indicator.code, t)?.value ?? null;
          const period = periodOfKey(t.period);
          return period ? ctx.figure(indicator.code, period) : null;
        };
        const computed = percentOf(amount(of), amount(to));
        if (computed === null || withinTolerance(figure.value, computed)) continue;
        add(
          'warning',
          'stated-percent',
          `${sheet}!${address}: "${u.heading}" của ${indicator.code} ghi ${fmt(figure.value)}%, nhưng số liệu cho ${formatViNumber(computed, 1)}% (${targetLabel(of)} so với ${targetLabel(to)}).`,
          address,
          indicator.code,
        );
      }
    }
  }

  for (const u of unknownCols) {
    const matchedWithFigures = work.filter(
      (w) => w.preview.state === 'matched' && figureInCell(cellOf(grid, w.preview.row, u.col)).kind === 'number',
    );
    if (matchedWithFigures.length === 0) continue;
    add(
      'info',
      'column-unrecognized',
      `Cột ${u.letter} "${u.heading}" không nhận ra: ${matchedWithFigures.length} số trong cột (từ ô ${cellAddress(matchedWithFigures[0]?.preview.row ?? 0, u.col)}) không được nhập. Có thể chọn cột này là số liệu của kỳ nào.`,
      cellAddress(layout.headerRows[0] ?? 1, u.col),
    );
  }

  /**
   * A cumulative figure of a flow is never below the figure of its own last month, and through January it is
   * January's: when a row says otherwise one of the two cells is wrong, and the clerk is told which two.
   */
  function checkCumulatives(
    indicator: Indicator,
    r: number,
    rowValues: ReadonlyMap<string, number>,
    rowCells: ReadonlyMap<string, string>,
  ): void {
    const tolerance = 0.5 * 10 ** -indicator.decimals;
    for (const [key, cumulative] of rowValues) {
      const period = periodOfKey(key);
      if (period?.kind !== 'ytd') continue;
      const month: Period = { kind: 'month', year: period.year, month: period.throughMonth };
      const monthKey = formatPeriodKey(month);
      const monthly = rowValues.get(monthKey);
      if (monthly === undefined) continue;
      const first = period.throughMonth === 1;
      if (first ? Math.abs(cumulative - monthly) <= tolerance : cumulative >= monthly - tolerance) continue;
      const cells = `${sheet}!${rowCells.get(key) ?? ''} và ${sheet}!${rowCells.get(monthKey) ?? ''}`;
      add(
        'warning',
        'cumulative-below-month',
        `Dòng ${r} (${indicator.code}): ${periodLabelVi(period)} là ${fmt(cumulative)}, ${first ? 'khác' : 'nhỏ hơn'} số ${periodLabelVi(month)} là ${fmt(monthly)}; một trong hai ô ${cells} có thể sai.`,
        rowCells.get(key) ?? null,
        indicator.code,
      );
    }
  }

  /** A figure its indicator's kind cannot hold is refused with the reason, like prose in a number cell. */
  function outOfRange(
    indicator: Indicator,
    target: ResolvedTarget,
    value: number,
    address: string,
    heading: string,
  ): boolean {
    const breach = rangeBreachOf(indicator, value, () => targetLabel(target));
    if (!breach) return false;
    add(
      'error',
      'out-of-range',
      `${sheet}!${address} (${indicator.code}, cột "${heading}"): ${breach.message} Ô này không được nhập; hãy sửa trong tệp.`,
      address,
      indicator.code,
    );
    return true;
  }

  /** A figure's status: as its heading says, else by whether its period is over; plans have none. */
  function statusOf(target: ResolvedTarget, headingStatus: ValueStatus | null): ValueStatus | null {
    if (target.kind !== 'value') return null;
    const period = periodOfKey(target.period);
    return headingStatus ?? (period ? defaultStatusOf(period, ctx.today) : 'actual');
  }

  /** A figure to write, beside the one stored now: new, changed, the same, or an estimate kept from the actual. */
  function addValue(
    rowEvidence: string,
    indicator: Indicator,
    target: ResolvedTarget,
    status: ValueStatus | null,
    row: number,
    col: number,
    read: number,
    value: number,
  ): void {
    const current = ctx.current(indicator.code, target);
    let change: ValueChange;
    if (!current) change = 'new';
    else if (current.value === value && (target.kind === 'plan' || current.status === status)) change = 'same';
    else if (target.kind === 'value' && current.status === 'actual' && status === 'estimate')
      change = current.value === value ? 'same' : 'kept';
    else change = 'changed';
    values.add({
      row,
      col,
      code: indicator.code,
      target,
      read,
      value,
      status,
      current: current ? { value: current.value, status: current.status, comment: current.comment } : null,
      change,
      rowEvidence,
    });
  }

  values.trim();
  const rows = work.map((w) => w.preview);
  const counts = emptyCounts();
  for (const p of rows) {
    if (p.state === 'matched') counts.rowsMatched++;
    else if (p.state === 'suggested') counts.rowsSuggested++;
    else if (p.state === 'unrecognized') counts.rowsUnrecognized++;
    else if (p.state === 'unit_mismatch') counts.rowsUnitMismatch++;
  }
  countValuesAndFindings(counts, values, findings);
  return {
    preview: {
      name: sheet,
      state: 'table',
      headerRows: layout.headerRows,
      firstDataRow: layout.firstDataRow,
      signature: layout.signature,
      remembered: ctx.remembered !== null,
      columns,
      rows,
      values,
      findings,
      counts,
    },
    manualRows,
  };
}

export function countValuesAndFindings(
  counts: ImportCounts,
  values: PlannedValues,
  findings: readonly ImportFinding[],
): void {
  const changes = values.changeCounts();
  counts.valuesNew = changes.new;
  counts.valuesChanged = changes.changed;
  counts.valuesSame = changes.same;
  counts.valuesKept = changes.kept;
  counts.valuesConflicting = changes.conflict;
  counts.errors = findings.filter((f) => f.severity === 'error').length;
  counts.warnings = findings.filter((f) => f.severity === 'warning').length;
}

function statusWords(status: ValueStatus | null): string {
  return status === 'estimate' ? 'ước tính' : status === 'actual' ? 'thực hiện' : '';
}

/** The figures of one sheet with the file and sheet they come from. */
export interface PlacedValues {
  fileName: string;
  sheet: string;
  values: PlannedValues;
}

/** One figure of them. */
export interface PlacedValue<P extends PlacedValues = PlacedValues> {
  place: P;
  index: number;
}

function idOf(ids: Map<string, number>, key: string): number {
  let id = ids.get(key);
  if (id === undefined) ids.set(key, (id = ids.size));
  return id;
}

/**
 * Two cells giving the same indicator and period (two columns of one period, a row repeated, two files of one
 * unit): one figure is written if they agree (the others are marked duplicate); if they disagree none is
 * (all are marked conflict), and the clerk is told where.
 */
export function settleDuplicates<P extends PlacedValues>(
  sheets: readonly P[],
  report: (finding: ImportFinding, places: readonly PlacedValue<P>[]) => void,
): void {
  // Every indicator and target gets one number across the sheets, so that a figure's key is a number, not a string.
  const codeIds = new Map<string, number>();
  const targetIds = new Map<string, number>();
  const local = sheets.map((s) => ({
    codes: s.values.codes.map((c) => idOf(codeIds, c)),
    targets: s.values.targets.map((t) => idOf(targetIds, targetKey(t))),
  }));
  const width = Math.max(1, targetIds.size);
  const offsets: number[] = [];
  let total = 0;
  for (const s of sheets) {
    offsets.push(total);
    total += s.values.length;
  }
  const placeOf = (figure: number): PlacedValue<P> => {
    let lo = 0;
    let hi = sheets.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((offsets[mid] ?? 0) <= figure) lo = mid;
      else hi = mid - 1;
    }
    return { place: sheets[lo] as P, index: figure - (offsets[lo] ?? 0) };
  };
  const first = new Map<number, number>();
  const groups = new Map<number, number[]>();
  sheets.forEach((s, k) => {
    const ids = local[k];
    if (!ids) return;
    for (let i = 0; i < s.values.length; i++) {
      const key = (ids.codes[s.values.codeIdAt(i)] ?? 0) * width + (ids.targets[s.values.targetIdAt(i)] ?? 0);
      const figure = (offsets[k] ?? 0) + i;
      const earlier = first.get(key);
      if (earlier === undefined) {
        first.set(key, figure);
        continue;
      }
      let list = groups.get(earlier);
      if (!list) groups.set(earlier, (list = [earlier]));
      list.push(figure);
    }
  });
  for (const figures of groups.values()) {
    const list = figures.map(placeOf);
    const [head, ...rest] = list;
    if (!head) continue;
    const value = (p: PlacedValue<P>) => p.place.values.valueAt(p.index);
    const status = (p: PlacedValue<P>) => p.place.values.statusAt(p.index);
    const agree = rest.every((p) => value(p) === value(head) && status(p) === status(head));
    if (agree) {
      for (const p of rest) p.place.values.setChange(p.index, 'duplicate');
      continue;
    }
    for (const p of list) p.place.values.setChange(p.index, 'conflict');
    const files = new Set(list.map((p) => p.place.fileName));
    const where = list
      .map((p) => `${files.size > 1 ? `${p.place.fileName}: ` : ''}${p.place.sheet}!${p.place.values.cellAt(p.index)}`)
      .join(', ');
    const code = head.place.values.codeAt(head.index);
    const label = targetLabel(head.place.values.targetAt(head.index));
    // Equal numbers differ by status alone: say which is the estimate.
    const sameNumbers = list.every((p) => value(p) === value(head));
    const oneRow =
      files.size === 1 &&
      list.every(
        (p) =>
          p.place.sheet === head.place.sheet && p.place.values.rowAt(p.index) === head.place.values.rowAt(head.index),
      );
    // Two columns of one row read as one period most often means the report period chosen is off by one.
    const hint = oneRow
      ? ` Các cột ${list.map((p) => p.place.values.columnAt(p.index)).join(', ')} cùng được hiểu là số của ${label}: hãy kiểm tra kỳ báo cáo đã chọn và cách đọc các cột.`
      : '';
    report(
      {
        severity: 'error',
        kind: 'conflicting-cells',
        message: `${code} ${label}: các ô ${where} ghi số khác nhau (${list.map((p) => `${fmt(value(p))}${sameNumbers ? ` ${statusWords(status(p))}` : ''}`).join('; ')}); không nhập số nào của chỉ tiêu và kỳ này.${hint}`,
        sheet: head.place.sheet,
        cell: head.place.values.cellAt(head.index),
        code,
      },
      list,
    );
  }
}
