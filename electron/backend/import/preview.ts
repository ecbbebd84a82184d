import {
  importsOfContents,
  layoutsBySignature,
  plansAtYears,
  valuesAtPeriod,
  writeCounter,
  type StoredFigureRow,
} from '../../../db/access/imports';
import { listReportingUnits, reportingUnitsWithCode } from '../../../db/access/reporting-units';
import { provinceUnitCode } from '../../../db/seed/seed-new-database';
import type { Indicator, ReportingUnit } from '../../../shared/api/entities';
import { AppError } from '../../../shared/api/errors';
import type {
  ImportChoices,
  ImportCounts,
  ImportValuesPage,
  ValueFilter,
  ImportFinding,
  ImportPreview,
  PreviewFile,
  PreviewSheet,
} from '../../../shared/api/import-entities';
import { FigureResolver } from '../../../shared/figures/resolve-figures';
import { IndicatorMatcher } from '../../../shared/import/match';
import { PlannedValues } from '../../../shared/import/planned-values';
import {
  addCounts,
  countValuesAndFindings,
  emptyCounts,
  planSheet,
  settleDuplicates,
  type PlacedValues,
  previewValueOf,
  type PlannedSheetPreview,
  type RememberedLayout,
  type StoredFigure,
} from '../../../shared/import/plan';
import type { ColumnRole, ResolvedTarget } from '../../../shared/import/roles';
import { detectTable, type SheetGrid, type TableLayout } from '../../../shared/import/table';
import { findUnitByLabel, periodInTitle, unitLabelInTitle } from '../../../shared/import/title';
import { formatPeriodKey, parsePeriod, periodLabelVi, type Period } from '../../../shared/periods/period';
import type { HandlerContext } from '../handler-types';
import type { ImportSession, ImportSessions, StagedFile } from './sessions';
import { rememberedLayoutOf } from '../../../shared/import/remembered-layout';

export interface PlannedSheet {
  preview: PlannedSheetPreview;
  grid: SheetGrid;
  layout: TableLayout | null;
  manualRows: { key: string; code: string | null; name: string }[];
  manualColumns: Map<string, ColumnRole>;
  remembered: RememberedLayout | null;
}

export interface PlannedFile {
  staged: StagedFile;
  preview: Omit<PreviewFile, 'sheets'>;
  sheets: PlannedSheet[];
  unitId: number | null;
  period: string | null;
}

export interface BuiltPreview {
  /** All but the files, which are planned below. */
  preview: Omit<ImportPreview, 'files'>;
  files: PlannedFile[];
}

function sheetFinding(
  sheet: string,
  severity: ImportFinding['severity'],
  kind: string,
  message: string,
  cell: string | null = null,
): ImportFinding {
  return { severity, kind, message, sheet, cell, code: null };
}

function emptySheet(grid: SheetGrid, state: PreviewSheet['state'], findings: ImportFinding[]): PlannedSheetPreview {
  return {
    name: grid.name,
    state,
    headerRows: [],
    firstDataRow: null,
    signature: null,
    remembered: false,
    columns: [],
    rows: [],
    values: new PlannedValues(null),
    findings,
    counts: emptyCounts(),
  };
}

/** Lazily loaded figures of one unit, a period (or a year of plans) at a time. */
class StoredFigures {
  private readonly values = new Map<string, Map<string, StoredFigureRow>>();
  private readonly plans = new Map<number, Map<string, number>>();
  private resolver: FigureResolver | null = null;

  constructor(
    private readonly ctx: HandlerContext,
    private readonly unitId: number,
    private readonly catalog: readonly Indicator[],
  ) {}

  current(code: string, target: ResolvedTarget): StoredFigure | null {
    if (target.kind === 'plan') {
      let year = this.plans.get(target.year);
      if (!year) this.plans.set(target.year, (year = plansAtYears(this.ctx.db, this.unitId, [target.year])));
      const value = year.get(`${code}|${target.year}|${target.level}`);
      return value === undefined ? null : { value, status: null, comment: null };
    }
    let period = this.values.get(target.period);
    if (!period) this.values.set(target.period, (period = valuesAtPeriod(this.ctx.db, this.unitId, target.period)));
    return period.get(code) ?? null;
  }

  figure(code: string, period: Period): number | null {
    if (!this.resolver) {
      const entered = this.ctx.history.entered(this.unitId);
      this.resolver = new FigureResolver(this.catalog, (c, key) => entered.get(c)?.get(key)?.value);
    }
    return this.resolver.value(code, period);
  }
}

/** What planning the files of one preview shares: the choices, the units, the catalog's matcher, what is stored. */
interface PreviewPlanning {
  ctx: HandlerContext;
  choices: ImportChoices;
  today: Date;
  units: ReportingUnit[];
  unitById: Map<number, ReportingUnit>;
  province: ReportingUnit | undefined;
  matcher: IndicatorMatcher;
  figuresOf: (unitId: number) => StoredFigures;
  layouts: Map<StagedFile, SheetLayout[]>;
  remembered: ReturnType<typeof layoutsBySignature>;
  previous: ReturnType<typeof importsOfContents>;
  /** Why the import cannot be written yet, in the clerk's words. */
  blockers: string[];
}

interface SheetLayout {
  grid: SheetGrid;
  layout: TableLayout | null;
}

/**
 * The preview of a session for the clerk's choices. Called by import.preview, and again by import.commit inside
 * its transaction, so that what is written is exactly what the figures stored at that moment call for.
 */
export function buildPreview(
  ctx: HandlerContext,
  sessions: ImportSessions,
  choices: ImportChoices,
  today = new Date(),
): BuiltPreview {
  const session = sessions.ready(choices.sessionId);
  const planning = previewPlanning(ctx, session, choices, today);
  const files = session.files.map((staged) => planFile(planning, staged));
  settleDuplicatesByUnit(files);
  const counts = countFiles(files);
  if (files.every((f) => f.preview.skipped)) planning.blockers.push('Không còn tệp nào để nhập.');
  return {
    preview: { sessionId: session.sessionId, counts, blockers: planning.blockers },
    files,
  };
}

/** The choices checked against the session and the units, and what every file's planning reads once. */
function previewPlanning(
  ctx: HandlerContext,
  session: ImportSession,
  choices: ImportChoices,
  today: Date,
): PreviewPlanning {
  const { db } = ctx;
  const units = listReportingUnits(db);
  const unitById = new Map(units.map((u) => [u.id, u]));
  checkChoices(session, choices, unitById);
  const province: ReportingUnit | undefined = reportingUnitsWithCode(db, provinceUnitCode)[0];
  const catalog = ctx.catalog.all();
  const figuresByUnit = new Map<number, StoredFigures>();
  const figuresOf = (unitId: number) => {
    let f = figuresByUnit.get(unitId);
    if (!f) figuresByUnit.set(unitId, (f = new StoredFigures(ctx, unitId, catalog)));
    return f;
  };
  // Layouts first: their signatures find what was remembered, their titles the period and unit.
  const layouts = sheetLayouts(session);
  const signatures = [...layouts.values()].flatMap((list) =>
    list.flatMap((l) => (l.layout ? [l.layout.signature] : [])),
  );
  return {
    ctx,
    choices,
    today,
    units,
    unitById,
    province,
    matcher: new IndicatorMatcher(catalog),
    figuresOf,
    layouts,
    remembered: layoutsBySignature(db, signatures),
    previous: importsOfContents(
      db,
      session.files.flatMap((f) => (f.workbook ? [f.workbook.sha256] : [])),
    ),
    blockers: [],
  };
}

/** A file or unit the choices name must be in the session and the list of units. */
function checkChoices(
  session: ImportSession,
  choices: ImportChoices,
  unitById: ReadonlyMap<number, ReportingUnit>,
): void {
  const fileIds = new Set(session.files.map((f) => f.fileId));
  for (const f of choices.files) {
    if (!fileIds.has(f.fileId))
      throw new AppError(
        'bad_input',
        `Không có tệp ${f.fileId} trong phiên nhập này.`,
        { fileId: f.fileId },
        'unknown file id',
      );
  }
  const checkUnit = (id: number | undefined): void => {
    if (id !== undefined && !unitById.has(id))
      throw new AppError('not_found', `Không có đơn vị báo cáo ${id}.`, { unitId: id }, 'reporting unit not found');
  };
  checkUnit(choices.unitId);
  for (const f of choices.files) checkUnit(f.unitId);
}

/** The table of each sheet of each file read, none for a hidden or empty sheet. */
function sheetLayouts(session: ImportSession): Map<StagedFile, SheetLayout[]> {
  const layouts = new Map<StagedFile, SheetLayout[]>();
  for (const staged of session.files) {
    if (!staged.workbook) continue;
    const list = staged.workbook.sheets.map((grid) => ({
      grid,
      layout: grid.hidden || grid.rows.size === 0 ? null : detectTable(grid),
    }));
    layouts.set(staged, list);
  }
  return layouts;
}

function planFile(planning: PreviewPlanning, staged: StagedFile): PlannedFile {
  const { choices, previous, blockers } = planning;
  const choice = choices.files.find((f) => f.fileId === staged.fileId);
  const base: PlannedFile['preview'] = {
    fileId: staged.fileId,
    name: staged.name,
    size: staged.size,
    sha256: staged.workbook?.sha256 ?? null,
    skipped: choice?.skip ?? false,
    error: staged.error,
    period: null,
    unit: null,
    previousImports: staged.workbook ? (previous.get(staged.workbook.sha256) ?? []) : [],
    findings: [],
    counts: emptyCounts(),
  };
  const planned: PlannedFile = { staged, preview: base, sheets: [], unitId: null, period: null };
  if (base.skipped) return planned;
  if (staged.error || !staged.workbook) {
    blockers.push(staged.error?.message ?? `Tệp ${staged.name} chưa đọc được.`);
    return planned;
  }
  const layouts = planning.layouts.get(staged) ?? [];
  const period = reportPeriodOf(planning, staged, layouts, base, choice?.period ?? choices.period);
  const unit = reportingUnitOf(planning, staged, layouts, base, choice?.unitId ?? choices.unitId);
  planned.unitId = unit?.id ?? null;
  planned.period = period ? formatPeriodKey(period) : null;
  for (const sheet of layouts) planned.sheets.push(planFileSheet(planning, staged, sheet, period, unit));
  return planned;
}

/** The report period: chosen, else named in a title; a chosen one a title contradicts is questioned. */
function reportPeriodOf(
  planning: PreviewPlanning,
  staged: StagedFile,
  layouts: readonly SheetLayout[],
  base: PlannedFile['preview'],
  chosenPeriod: string | undefined,
): Period | null {
  let period: Period | null = null;
  let titled: { period: Period; sheet: string; cell: string } | null = null;
  for (const { grid, layout } of layouts) {
    for (const t of layout?.titleTexts ?? []) {
      const found: Period | null = titled ? null : periodInTitle(t.text);
      if (found) titled = { period: found, sheet: grid.name, cell: t.cell };
    }
  }
  if (chosenPeriod) {
    const parsed = parsePeriod(chosenPeriod);
    if (parsed.ok) {
      period = parsed.period;
      base.period = {
        key: formatPeriodKey(period),
        label: periodLabelVi(period),
        how: 'chosen',
        sheet: null,
        cell: null,
      };
      if (titled && formatPeriodKey(titled.period) !== formatPeriodKey(period)) {
        base.findings.push({
          severity: 'warning',
          kind: 'period-differs',
          message: `Tiêu đề của tệp ${staged.name} ghi ${periodLabelVi(titled.period)} (${titled.sheet}!${titled.cell}) nhưng kỳ đã chọn là ${periodLabelVi(period)}: hãy kiểm tra có nhầm tháng không.`,
          sheet: titled.sheet,
          cell: titled.cell,
          code: null,
        });
      }
    }
  } else if (titled) {
    period = titled.period;
    base.period = {
      key: formatPeriodKey(period),
      label: periodLabelVi(period),
      how: 'cell',
      sheet: titled.sheet,
      cell: titled.cell,
    };
  }
  if (!period) {
    const message = `Chưa biết kỳ báo cáo của tệp ${staged.name}: tiêu đề không ghi kỳ; hãy chọn kỳ báo cáo (trên màn hình: «Kỳ báo cáo chung» hoặc «Đổi kỳ» của tệp; dòng lệnh: --period, ví dụ --period 2023-05 là tháng 5/2023).`;
    base.findings.push({ severity: 'error', kind: 'period-missing', message, sheet: null, cell: null, code: null });
    planning.blockers.push(message);
  }
  return period;
}

/** The reporting unit: chosen, else named in a title, else the province. */
function reportingUnitOf(
  planning: PreviewPlanning,
  staged: StagedFile,
  layouts: readonly SheetLayout[],
  base: PlannedFile['preview'],
  chosenUnit: number | undefined,
): ReportingUnit | undefined {
  const { unitById, province } = planning;
  if (chosenUnit !== undefined) {
    const unit = unitById.get(chosenUnit);
    if (unit) base.unit = { id: unit.id, code: unit.code, name: unit.name, how: 'chosen', sheet: null, cell: null };
    return unit;
  }
  let label: { text: string; sheet: string; cell: string } | null = null;
  for (const { grid, layout } of layouts) {
    for (const t of layout?.titleTexts ?? []) {
      const text = unitLabelInTitle(t.text);
      if (text && !label) label = { text, sheet: grid.name, cell: t.cell };
    }
  }
  if (label) return titledUnit(planning, staged, base, label);
  if (province)
    base.unit = { id: province.id, code: province.code, name: province.name, how: 'default', sheet: null, cell: null };
  return province;
}

/** The unit a title names; one not in the list of units blocks the import with the way to add it. */
function titledUnit(
  planning: PreviewPlanning,
  staged: StagedFile,
  base: PlannedFile['preview'],
  label: { text: string; sheet: string; cell: string },
): ReportingUnit | undefined {
  const unit = findUnitByLabel(planning.units, label.text);
  if (unit) {
    base.unit = { id: unit.id, code: unit.code, name: unit.name, how: 'cell', sheet: label.sheet, cell: label.cell };
    return unit;
  }
  const message = `Tệp ${staged.name} ghi đơn vị "${label.text}" (${label.sheet}!${label.cell}) nhưng danh sách đơn vị báo cáo không có đơn vị này; hãy chọn đơn vị cho tệp (dòng lệnh: --unit MÃ) hoặc thêm đơn vị này trước (màn hình «Đơn vị báo cáo»; dòng lệnh: chitieu units add --code MÃ --name "${label.text}").`;
  base.findings.push({
    severity: 'error',
    kind: 'unit-unknown',
    message,
    sheet: label.sheet,
    cell: label.cell,
    code: null,
  });
  planning.blockers.push(message);
  return undefined;
}

/** A sheet of a file: hidden, empty, without a table, waiting for its period or unit, or planned. */
function planFileSheet(
  planning: PreviewPlanning,
  staged: StagedFile,
  { grid, layout }: SheetLayout,
  period: Period | null,
  unit: ReportingUnit | undefined,
): PlannedSheet {
  const { choices } = planning;
  const unplanned = (preview: PlannedSheetPreview): PlannedSheet => ({
    preview,
    grid,
    layout: null,
    manualRows: [],
    manualColumns: new Map(),
    remembered: null,
  });
  if (grid.hidden)
    return unplanned(
      emptySheet(grid, 'hidden', [
        sheetFinding(grid.name, 'info', 'sheet-hidden', `Trang tính "${grid.name}" đang ẩn nên không được nhập.`),
      ]),
    );
  if (grid.rows.size === 0) return unplanned(emptySheet(grid, 'empty', []));
  if (!layout)
    return unplanned(
      emptySheet(grid, 'no_table', [
        sheetFinding(
          grid.name,
          'info',
          'no-table',
          `Trang tính "${grid.name}" không có bảng chỉ tiêu nhận ra được (không thấy dòng tiêu đề có cột "Chỉ tiêu" hoặc "Mã"); không nhập gì từ trang này.`,
        ),
      ]),
    );
  const mine = (c: { fileId?: string | undefined; sheet: string }) =>
    (c.fileId === undefined || c.fileId === staged.fileId) && c.sheet === grid.name;
  const manualRows = new Map(choices.rows.filter(mine).map((r) => [r.row, r.code]));
  const manualColumns = new Map(choices.columns.filter(mine).map((c) => [c.column, c.role as ColumnRole]));
  const memory = rememberedLayoutOf(planning.remembered.get(layout.signature));
  if (!period || !unit) {
    const sheet = emptySheet(grid, 'table', []);
    sheet.headerRows = layout.headerRows;
    sheet.firstDataRow = layout.firstDataRow;
    sheet.signature = layout.signature;
    return { preview: sheet, grid, layout, manualRows: [], manualColumns, remembered: memory };
  }
  const figures = planning.figuresOf(unit.id);
  const plan = planSheet(grid, layout, {
    report: period,
    today: planning.today,
    matcher: planning.matcher,
    acceptSuggestions: choices.acceptSuggestions,
    manualRows,
    manualColumns,
    remembered: memory,
    current: (code, target) => figures.current(code, target),
    figure: (code, p) => figures.figure(code, p),
  });
  return { preview: plan.preview, grid, layout, manualRows: plan.manualRows, manualColumns, remembered: memory };
}

/** One figure per unit, indicator and period, across sheets and files. */
function settleDuplicatesByUnit(files: readonly PlannedFile[]): void {
  const byUnit = new Map<number, (PlacedValues & { file: PlannedFile })[]>();
  for (const f of files) {
    if (f.unitId === null || f.preview.skipped) continue;
    const list = byUnit.get(f.unitId) ?? [];
    for (const s of f.sheets)
      list.push({ fileName: f.staged.name, sheet: s.preview.name, values: s.preview.values, file: f });
    byUnit.set(f.unitId, list);
  }
  for (const list of byUnit.values()) {
    // A conflict is told once in every file it involves, at that file's own cell.
    settleDuplicates(list, (finding, places) => {
      const told = new Set<string>();
      for (const { place, index } of places) {
        const key = place.file.staged.fileId;
        if (told.has(key)) continue;
        told.add(key);
        const sheet = place.file.sheets.find((s) => s.preview.name === place.sheet);
        (sheet?.preview.findings ?? place.file.preview.findings).push({
          ...finding,
          sheet: place.sheet,
          cell: place.values.cellAt(index),
        });
      }
    });
  }
}

/** The counts of each sheet, of each file (with the file's own findings) and of them all. */
function countFiles(files: readonly PlannedFile[]): ImportCounts {
  const counts = emptyCounts();
  for (const f of files) {
    const fileCounts = emptyCounts();
    for (const s of f.sheets) {
      countValuesAndFindings(s.preview.counts, s.preview.values, s.preview.findings);
      addCounts(fileCounts, s.preview.counts);
    }
    fileCounts.errors += f.preview.findings.filter((x) => x.severity === 'error').length;
    fileCounts.warnings += f.preview.findings.filter((x) => x.severity === 'warning').length;
    f.preview.counts = fileCounts;
    addCounts(counts, fileCounts);
  }
  return counts;
}

/**
 * The preview for these choices: the one built last for the session when the choices are the same and nothing
 * has been written to the database since (by this backend or anyone else), else a new one. The commit thus
 * writes exactly what the clerk saw, without planning a large workbook twice.
 */
export function previewFor(ctx: HandlerContext, sessions: ImportSessions, choices: ImportChoices): BuiltPreview {
  const session = sessions.ready(choices.sessionId);
  const today = new Date();
  const key = `${JSON.stringify(choices)}|${writeCounter(ctx.db)}|${today.toDateString()}`;
  if (session.lastPreview?.key === key) return session.lastPreview.preview as BuiltPreview;
  const built = buildPreview(ctx, sessions, choices, today);
  session.lastPreview = { key, preview: built };
  return built;
}

/** The preview as it crosses the door: each sheet's figures counted, not listed. */
export function publicPreview(built: BuiltPreview): ImportPreview {
  const { preview } = built;
  return {
    ...preview,
    files: built.files.map((f) => ({
      ...f.preview,
      sheets: f.sheets.map(({ preview: { values, ...sheet } }) => ({ ...sheet, valueChanges: values.changeCounts() })),
    })),
  };
}

/** A page of one sheet's figures, in the order of the sheet, for the same choices as the preview. */
export function valuesPage(
  built: BuiltPreview,
  page: { fileId: string; sheet: string; filter: ValueFilter; offset: number; limit: number },
): ImportValuesPage {
  const file = built.files.find((f) => f.staged.fileId === page.fileId);
  const sheet = file?.sheets.find((s) => s.preview.name === page.sheet);
  if (!file || !sheet) {
    throw new AppError(
      'not_found',
      `Không có trang tính "${page.sheet}" trong tệp này của phiên nhập.`,
      { fileId: page.fileId, sheet: page.sheet },
      'sheet not in session',
    );
  }
  const values = sheet.preview.values;
  const { total, indexes } = values.page(page.filter, page.offset, page.limit);
  return { total, values: indexes.map((i) => previewValueOf(values.at(i))) };
}
