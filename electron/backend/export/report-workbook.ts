/**
 * The report workbook of one or several reporting units: a sheet per unit and, for several, a total sheet in
 * front of them whose flows are live sums of the unit sheets (index and ratio rows left for the published
 * figure and marked so), or the units side by side as columns of one sheet. Comparisons are live formulas that
 * carry their results, so a reader that does not recalculate shows the numbers too.
 */
import type { Indicator, Settings } from '../../../shared/api/entities';
import type { ExportLayout } from '../../../shared/api/export-entities';
import type { ValueStatus } from '../../../shared/api/values-entities';
import { cleanNumber, percentOf, roundDecimal } from '../../../shared/numbers/vi-number';
import { periodLabelVi, type Period } from '../../../shared/periods/period';
import { cellAddress, columnLetter } from '../../../shared/import/cells';
import { figureHeading, planColumns, type ColumnFlags, type FigureKey, type ReportColumn } from './report-columns';
import { emptyFigures, type RowFigures, type UnitFigures } from './report-data';
import {
  fontName,
  SheetStyles,
  sheetRef,
  sheetRows,
  writeSheet,
  type CellContent,
  type SheetColumn,
  type SheetContent,
  type SheetRow,
  type SignatureBlock,
} from './sheet-writer';
import { WorkbookWriter } from '../xlsx/spreadsheet-ml';

export interface ReportRequest {
  period: Period;
  indicators: readonly Indicator[];
  units: readonly UnitFigures[];
  /** Units whose figures the total adds up (by id); the others only get their own sheet. */
  totalOf: ReadonlySet<number>;
  layout: ExportLayout;
  settings: Settings;
  date: Date;
  /** The status of a figure without one: an estimate while the period runs. */
  defaultStatus: ValueStatus;
  /** Per sheet: the note printed under the table, or null. */
  noteFor: (unit: UnitFigures | null) => string | null;
  /** Per unit sheet: the state of the unit's period, printed under the title. */
  stateLineFor: (unit: UnitFigures) => string;
}

export interface BuiltSheet {
  name: string;
  unitId: number | null;
  kind: 'unit' | 'total' | 'columns';
  rows: number;
  figures: number;
}

export interface BuiltReport {
  workbook: WorkbookWriter;
  /** What each sheet holds, in the workbook's order: its print view is made from the same. */
  contents: SheetContent[];
  sheets: BuiltSheet[];
  columns: { column: string; code: string; heading: string; kind: 'label' | 'figure' | 'percent' | 'note' }[];
}

const reportTitle = 'BÁO CÁO CÁC CHỈ TIÊU CHỦ YẾU NGÀNH CÔNG THƯƠNG';
const totalTitle = 'BÁO CÁO TỔNG HỢP CÁC CHỈ TIÊU CHỦ YẾU NGÀNH CÔNG THƯƠNG';

/** Excel's limits on a sheet name: 31 characters, none of []:*?/\, unique in the workbook. */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base =
    wanted
      .replace(/[[\]:*?/\\]/g, ' ')
      .replace(/^'+|'+$/g, '')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 31) || 'Trang';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 3)} (${n})`;
  taken.add(name.toLowerCase());
  return name;
}

function columnWidth(c: ReportColumn): number {
  if (c.kind === 'percent') return 12;
  if (c.kind === 'note') return 18;
  return 14;
}

function flagsOf(units: readonly UnitFigures[], note: boolean): ColumnFlags {
  const any = (key: FigureKey) => units.some((u) => [...u.rows.values()].some((r) => r[key] !== null));
  return { stretch: any('planStretch'), yearEstimate: any('yearEstimate'), nextYearPlan: any('planNextYear'), note };
}

/** Parents (indicators with children in the list) are bold; depth indents the name. */
function treeShape(indicators: readonly Indicator[]): Map<string, { depth: number; parent: boolean }> {
  const codes = new Set(indicators.map((i) => i.code));
  const parents = new Set(indicators.flatMap((i) => (i.parentCode && codes.has(i.parentCode) ? [i.parentCode] : [])));
  const depth = new Map<string, number>();
  const shape = new Map<string, { depth: number; parent: boolean }>();
  for (const i of indicators) {
    const d = i.parentCode && codes.has(i.parentCode) ? (depth.get(i.parentCode) ?? 0) + 1 : 0;
    depth.set(i.code, d);
    shape.set(i.code, { depth: d, parent: parents.has(i.code) || i.kind === 'group' });
  }
  return shape;
}

function pct(part: number | null, whole: number | null): number | null {
  const p = percentOf(part, whole);
  return p === null ? null : roundDecimal(p, 1);
}

/** The cells of one row: figures as numbers (or as given by `figureCell`), comparisons as formulas with results. */
function rowCells(
  columns: readonly ReportColumn[],
  indicator: Indicator,
  figures: RowFigures,
  rowNumber: number,
  figureCell: (key: FigureKey, col: number, value: number | null) => CellContent,
): { cells: CellContent[]; count: number } {
  const colOf = new Map<FigureKey, number>();
  columns.forEach((c, j) => {
    if (c.kind === 'figure') colOf.set(c.key, j + 4);
  });
  let count = 0;
  const cells = columns.map((c, j): CellContent => {
    if (indicator.kind === 'group') return null;
    if (c.kind === 'figure') {
      const content = figureCell(c.key, j + 4, figures[c.key]);
      if (content) count++;
      return content;
    }
    if (c.kind === 'percent') {
      // Only flows are compared by arithmetic; an index or ratio is a published figure of its own.
      if (indicator.kind !== 'flow') return null;
      const result = pct(figures[c.of], figures[c.to]);
      const ofCol = colOf.get(c.of);
      const toCol = colOf.get(c.to);
      if (result === null || ofCol === undefined || toCol === undefined) return null;
      count++;
      return {
        kind: 'formula',
        formula: `ROUND(${cellAddress(rowNumber, ofCol)}/${cellAddress(rowNumber, toCol)}*100,1)`,
        result,
      };
    }
    return null;
  });
  return { cells, count };
}

function numberCell(value: number | null): CellContent {
  return value === null ? null : { kind: 'number', value };
}

function headingsFor(
  columns: readonly ReportColumn[],
  statuses: ReadonlyMap<FigureKey, ReadonlySet<ValueStatus>>,
  fallback: ValueStatus,
): SheetColumn[] {
  return columns.flatMap((c): SheetColumn[] => {
    if (c.kind === 'label') return [];
    const width = columnWidth(c);
    if (c.kind === 'figure') {
      const heading = figureHeading(c, statuses.get(c.key) ?? new Set(), c.key === 'value' ? fallback : 'actual');
      return c.sub === null
        ? [{ top: heading, sub: null, code: c.code, width, kind: 'figure' }]
        : [{ top: c.top, sub: c.sub, code: c.code, width, kind: 'figure' }];
    }
    return [{ top: c.top, sub: c.sub, code: c.code, width, kind: c.kind }];
  });
}

function mergedStatuses(units: readonly UnitFigures[]): Map<FigureKey, Set<ValueStatus>> {
  const out = new Map<FigureKey, Set<ValueStatus>>();
  for (const u of units) {
    for (const [key, set] of u.statuses) {
      const into = out.get(key) ?? new Set<ValueStatus>();
      for (const s of set) into.add(s);
      out.set(key, into);
    }
  }
  return out;
}

export function buildReport(request: ReportRequest): BuiltReport {
  const { period, indicators, units, layout, settings } = request;
  const workbook = new WorkbookWriter({ creator: 'ChiTieu', date: request.date, fontName });
  const styles = new SheetStyles();
  const contents: SheetContent[] = [];
  const write = (content: SheetContent) => {
    contents.push(content);
    writeSheet(workbook, content, styles);
  };
  const signature: SignatureBlock = { ...settings, date: request.date };
  const shape = treeShape(indicators);
  const taken = new Set<string>();
  const periodLine = `Kỳ báo cáo: ${periodLabelVi(period)}`;
  const sheets: BuiltSheet[] = [];
  const base = (i: Indicator) => {
    const s = shape.get(i.code) ?? { depth: 0, parent: false };
    return {
      stt: i.stt,
      name: i.nameVi,
      unit: i.unit,
      depth: s.depth,
      bold: s.parent,
      shaded: false,
      decimals: i.decimals,
    };
  };

  if (layout === 'columns') {
    return buildSideBySide(request, workbook, write, signature, base, periodLine);
  }

  const several = units.length > 1;
  const plan = planColumns(period, flagsOf(units, false));
  const columns = plan.columns.filter((c) => c.kind !== 'label');
  // The total sheet comes first; its name is taken before the units' so that a unit named "Tổng hợp" gets another.
  const totalName = several ? sheetName('Tổng hợp', taken) : null;
  const unitSheetNames = units.map((u) => sheetName(u.unit.name, taken));

  if (totalName !== null) {
    const totalUnits = units
      .map((u, i) => ({ u, sheet: unitSheetNames[i] ?? '' }))
      .filter((x) => request.totalOf.has(x.u.unit.id));
    const totalPlan = planColumns(period, flagsOf(units, true));
    const totalColumns = totalPlan.columns.filter((c) => c.kind !== 'label');
    let figures = 0;
    const rows: SheetRow[] = indicators.map((indicator, i) => {
      const rowNumber = sheetRows.firstData + i;
      const published = indicator.kind === 'index' || indicator.kind === 'ratio';
      const summed = emptyFigures();
      const comments = new Map<number, string>();
      for (const c of totalColumns) {
        if (c.kind !== 'figure' || indicator.kind !== 'flow') continue;
        const present = totalUnits.filter((x) => x.u.rows.get(indicator.code)?.[c.key] != null);
        if (present.length === 0) continue;
        summed[c.key] = cleanNumber(present.reduce((n, x) => n + (x.u.rows.get(indicator.code)?.[c.key] ?? 0), 0));
        if (present.length < totalUnits.length) {
          const missing = totalUnits.filter((x) => !present.includes(x)).map((x) => x.u.unit.name);
          comments.set(
            totalColumns.indexOf(c),
            `Chưa có số liệu của ${missing.length} đơn vị: ${missing.join(', ')}. Tổng chỉ cộng các đơn vị đã có số.`,
          );
        }
      }
      const { cells, count } = rowCells(totalColumns, indicator, summed, rowNumber, (key, col, value) => {
        if (value === null) return null;
        const refs = totalUnits
          .filter((x) => x.u.rows.get(indicator.code)?.[key] != null)
          .map((x) => sheetRef(x.sheet, rowNumber, col));
        const formula = `SUM(${refs.join(',')})`;
        // Excel's limits: 8.192 characters and 255 arguments in a formula; beyond them, the sum as a number.
        return refs.length <= 255 && formula.length < 8000
          ? { kind: 'formula', formula, result: value }
          : { kind: 'number', value };
      });
      figures += count;
      const noteIndex = totalColumns.findIndex((c) => c.kind === 'note');
      if (published && noteIndex >= 0)
        cells[noteIndex] = {
          kind: 'text',
          text: 'Số công bố: điền số liệu do cơ quan thống kê công bố, không cộng từ các đơn vị',
        };
      return { ...base(indicator), shaded: published, cells, comments };
    });
    const names = totalUnits.map((x) => x.u.unit.name);
    const content: SheetContent = {
      name: totalName,
      title: totalTitle,
      periodLine,
      unitLine: `Tổng hợp từ ${names.length} đơn vị: ${names.join(', ')}`,
      columns: headingsFor(totalColumns, mergedStatuses(totalUnits.map((x) => x.u)), request.defaultStatus),
      rows,
      note: request.noteFor(null),
      signature,
    };
    write(content);
    sheets.push({ name: totalName, unitId: null, kind: 'total', rows: rows.length, figures });
  }

  units.forEach((u, k) => {
    const name = unitSheetNames[k] ?? u.unit.name;
    let figures = 0;
    const rows: SheetRow[] = indicators.map((indicator, i) => {
      const { cells, count } = rowCells(
        columns,
        indicator,
        u.rows.get(indicator.code) ?? emptyFigures(),
        sheetRows.firstData + i,
        (_key, _col, value) => numberCell(value),
      );
      figures += count;
      return { ...base(indicator), cells };
    });
    write({
      name,
      title: reportTitle,
      periodLine,
      unitLine: `Đơn vị báo cáo: ${u.unit.name}`,
      columns: headingsFor(columns, u.statuses, request.defaultStatus),
      rows,
      note: request.noteFor(u),
      stateLine: request.stateLineFor(u),
      signature,
    });
    sheets.push({ name, unitId: u.unit.id, kind: 'unit', rows: rows.length, figures });
  });

  const first = several ? planColumns(period, flagsOf(units, true)).columns : plan.columns;
  const firstStatuses = several ? mergedStatuses(units) : (units[0]?.statuses ?? new Map());
  return { workbook, contents, sheets, columns: describeColumns(first, firstStatuses, request.defaultStatus) };
}

function describeColumns(
  columns: readonly ReportColumn[],
  statuses: ReadonlyMap<FigureKey, ReadonlySet<ValueStatus>>,
  fallback: ValueStatus,
): BuiltReport['columns'] {
  const labels: BuiltReport['columns'] = [
    { column: 'A', code: 'A', heading: 'STT', kind: 'label' },
    { column: 'B', code: 'B', heading: 'Chỉ tiêu', kind: 'label' },
    { column: 'C', code: 'C', heading: 'Đơn vị tính', kind: 'label' },
  ];
  const rest = headingsFor(columns, statuses, fallback).map((c, i) => ({
    column: columnLetter(i + 4),
    code: c.code,
    heading: c.sub === null ? c.top : `${c.top} / ${c.sub}`,
    kind: c.kind,
  }));
  return [...labels, ...rest];
}

/** One sheet: the figure of the period for each unit side by side, their total first. */
function buildSideBySide(
  request: ReportRequest,
  workbook: WorkbookWriter,
  write: (content: SheetContent) => void,
  signature: SignatureBlock,
  base: (i: Indicator) => Omit<SheetRow, 'cells'>,
  periodLine: string,
): BuiltReport {
  const { units, indicators, period } = request;
  const valueColumn = planColumns(period, flagsOf(units, false)).columns.find(
    (c) => c.kind === 'figure' && c.key === 'value',
  );
  const valueHeading =
    valueColumn?.kind === 'figure'
      ? figureHeading(valueColumn, mergedStatuses(units).get('value') ?? new Set(), request.defaultStatus)
      : periodLabelVi(period);
  const totalUnits = units.map((u, i) => ({ u, col: 5 + i })).filter((x) => request.totalOf.has(x.u.unit.id));
  const columns: SheetColumn[] = [
    { top: 'Tổng số', sub: null, code: '1', width: 14, kind: 'figure' },
    ...units.map((u, i): SheetColumn => ({
      top: 'Chia theo đơn vị',
      sub: u.unit.name,
      code: String(i + 2),
      width: 14,
      kind: 'figure',
    })),
    { top: 'Ghi chú', sub: null, code: String(units.length + 2), width: 18, kind: 'note' },
  ];
  let figures = 0;
  const rows: SheetRow[] = indicators.map((indicator, i) => {
    const rowNumber = sheetRows.firstData + i;
    const published = indicator.kind === 'index' || indicator.kind === 'ratio';
    const values = units.map((u) => u.rows.get(indicator.code)?.value ?? null);
    const cells: CellContent[] = [
      null,
      ...values.map((v) => (indicator.kind === 'group' ? null : numberCell(v))),
      null,
    ];
    figures += cells.filter((c) => c !== null).length;
    if (indicator.kind === 'flow') {
      const present = totalUnits.filter((x) => x.u.rows.get(indicator.code)?.value != null);
      if (present.length > 0) {
        const result = cleanNumber(present.reduce((n, x) => n + (x.u.rows.get(indicator.code)?.value ?? 0), 0));
        cells[0] = {
          kind: 'formula',
          formula: `SUM(${present.map((x) => cellAddress(rowNumber, x.col)).join(',')})`,
          result,
        };
        figures++;
      }
    }
    if (published) cells[cells.length - 1] = { kind: 'text', text: 'Số công bố: tổng không cộng từ các đơn vị' };
    return { ...base(indicator), shaded: false, cells };
  });
  const name = sheetName('Theo đơn vị', new Set());
  const content: SheetContent = {
    name,
    title: totalTitle,
    periodLine,
    unitLine: `${valueHeading}, theo ${units.length} đơn vị`,
    columns,
    rows,
    note: request.noteFor(null),
    signature,
  };
  write(content);
  return {
    workbook,
    contents: [content],
    sheets: [{ name, unitId: null, kind: 'columns', rows: rows.length, figures }],
    columns: [
      { column: 'A', code: 'A', heading: 'STT', kind: 'label' },
      { column: 'B', code: 'B', heading: 'Chỉ tiêu', kind: 'label' },
      { column: 'C', code: 'C', heading: 'Đơn vị tính', kind: 'label' },
      ...columns.map((c, i) => ({
        column: columnLetter(i + 4),
        code: c.code,
        heading: c.sub === null ? c.top : `${c.top} / ${c.sub}`,
        kind: c.kind,
      })),
    ],
  };
}
