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
import {
  columnRoleSchema,
  type ImportChoices,
  type ImportValuesPage,
  type ValueFilter,
  type ImportFinding,
  type ImportPreview,
  type PreviewFile,
  type PreviewSheet,
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
import type { ImportSessions, StagedFile } from './sessions';

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

function parseRemembered(
  stored: { columns: Record<string, unknown>; rows: Record<string, string | null> } | undefined,
): RememberedLayout | null {
  if (!stored) return null;
  const columns: Record<string, ColumnRole> = {};
  for (const [letter, role] of Object.entries(stored.columns)) {
    const parsed = columnRoleSchema.safeParse(role);
    if (parsed.success) columns[letter] = parsed.data;
  }
  return { columns, rows: stored.rows };
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
  const { db } = ctx;
  const session = sessions.ready(choices.sessionId);
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
  const units = listReportingUnits(db);
  const unitById = new Map(units.map((u) => [u.id, u]));
  const checkUnit = (id: number | undefined): void => {
    if (id !== undefined && !unitById.has(id))
      throw new AppError('not_found', `Không có đơn vị báo cáo ${id}.`, { unitId: id }, 'reporting unit not found');
  };
  checkUnit(choices.unitId);
  for (const f of choices.files) checkUnit(f.unitId);
  const province: ReportingUnit | undefined = reportingUnitsWithCode(db, provinceUnitCode)[0];

  const catalog = ctx.catalog.all();
  const matcher = new IndicatorMatcher(catalog);
  const figuresByUnit = new Map<number, StoredFigures>();
  const figuresOf = (unitId: number) => {
    let f = figuresByUnit.get(unitId);
    if (!f) figuresByUnit.set(unitId, (f = new StoredFigures(ctx, unitId, catalog)));
    return f;
  };

  // Layouts first: their signatures find what was remembered, their titles the period and unit.
  const layouts = new Map<StagedFile, { grid: SheetGrid; layout: TableLayout | null }[]>();
  const signatures: string[] = [];
  for (const staged of session.files) {
    if (!staged.workbook) continue;
    const list = staged.workbook.sheets.map((grid) => ({
      grid,
      layout: grid.hidden || grid.rows.size === 0 ? null : detectTable(grid),
    }));
    layouts.set(staged, list);
    for (const l of list) if (l.layout) signatures.push(l.layout.signature);
  }
  const remembered = layoutsBySignature(db, signatures);
  const previous = importsOfContents(
    db,
    session.files.flatMap((f) => (f.workbook ? [f.workbook.sha256] : [])),
  );

  const blockers: string[] = [];
  const files: PlannedFile[] = [];
  for (const staged of session.files) {
    const choice = choices.files.find((f) => f.fileId === staged.fileId);
    const findings: ImportFinding[] = [];
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
      findings,
      counts: emptyCounts(),
    };
    const planned: PlannedFile = { staged, preview: base, sheets: [], unitId: null, period: null };
    files.push(planned);
    if (base.skipped) continue;
    if (staged.error || !staged.workbook) {
      blockers.push(staged.error?.message ?? `Tệp ${staged.name} chưa đọc được.`);
      continue;
    }
    const sheetLayouts = layouts.get(staged) ?? [];

    // The report period: chosen, else named in a title.
    const chosenPeriod = choice?.period ?? choices.period;
    let period: Period | null = null;
    let titled: { period: Period; sheet: string; cell: string } | null = null;
    for (const { grid, layout } of sheetLayouts) {
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
          findings.push({
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
      findings.push({ severity: 'error', kind: 'period-missing', message, sheet: null, cell: null, code: null });
      blockers.push(message);
    }

    // The reporting unit: chosen, else named in a title, else the province.
    const chosenUnit = choice?.unitId ?? choices.unitId;
    let unit: ReportingUnit | undefined;
    if (chosenUnit !== undefined) {
      unit = unitById.get(chosenUnit);
      if (unit) base.unit = { id: unit.id, code: unit.code, name: unit.name, how: 'chosen', sheet: null, cell: null };
    } else {
      let label: { text: string; sheet: string; cell: string } | null = null;
      for (const { grid, layout } of sheetLayouts) {
        for (const t of layout?.titleTexts ?? []) {
          const text = unitLabelInTitle(t.text);
          if (text && !label) label = { text, sheet: grid.name, cell: t.cell };
        }
      }
      if (label) {
        unit = findUnitByLabel(units, label.text);
        if (unit)
          base.unit = {
            id: unit.id,
            code: unit.code,
            name: unit.name,
            how: 'cell',
            sheet: label.sheet,
            cell: label.cell,
          };
        else {
          const message = `Tệp ${staged.name} ghi đơn vị "${label.text}" (${label.sheet}!${label.cell}) nhưng danh sách đơn vị báo cáo không có đơn vị này; hãy chọn đơn vị cho tệp (dòng lệnh: --unit MÃ) hoặc thêm đơn vị này trước (màn hình «Đơn vị báo cáo»; dòng lệnh: chitieu units add --code MÃ --name "${label.text}").`;
          findings.push({
            severity: 'error',
            kind: 'unit-unknown',
            message,
            sheet: label.sheet,
            cell: label.cell,
            code: null,
          });
          blockers.push(message);
        }
      } else if (province) {
        unit = province;
        base.unit = { id: unit.id, code: unit.code, name: unit.name, how: 'default', sheet: null, cell: null };
      }
    }
    planned.unitId = unit?.id ?? null;
    planned.period = period ? formatPeriodKey(period) : null;

    for (const { grid, layout } of sheetLayouts) {
      if (grid.hidden) {
        const sheet = emptySheet(grid, 'hidden', [
          sheetFinding(grid.name, 'info', 'sheet-hidden', `Trang tính "${grid.name}" đang ẩn nên không được nhập.`),
        ]);
        planned.sheets.push({
          preview: sheet,
          grid,
          layout: null,
          manualRows: [],
          manualColumns: new Map(),
          remembered: null,
        });
        continue;
      }
      if (grid.rows.size === 0) {
        planned.sheets.push({
          preview: emptySheet(grid, 'empty', []),
          grid,
          layout: null,
          manualRows: [],
          manualColumns: new Map(),
          remembered: null,
        });
        continue;
      }
      if (!layout) {
        const sheet = emptySheet(grid, 'no_table', [
          sheetFinding(
            grid.name,
            'info',
            'no-table',
            `Trang tính "${grid.name}" không có bảng chỉ tiêu nhận ra được (không thấy dòng tiêu đề có cột "Chỉ tiêu" hoặc "Mã"); không nhập gì từ trang này.`,
          ),
        ]);
        planned.sheets.push({
          preview: sheet,
          grid,
          layout: null,
          manualRows: [],
          manualColumns: new Map(),
          remembered: null,
        });
        continue;
      }
      const mine = (c: { fileId?: string | undefined; sheet: string }) =>
        (c.fileId === undefined || c.fileId === staged.fileId) && c.sheet === grid.name;
      const manualRows = new Map(choices.rows.filter(mine).map((r) => [r.row, r.code]));
      const manualColumns = new Map(choices.columns.filter(mine).map((c) => [c.column, c.role as ColumnRole]));
      const memory = parseRemembered(remembered.get(layout.signature));
      if (!period || !unit) {
        const sheet = emptySheet(grid, 'table', []);
        sheet.headerRows = layout.headerRows;
        sheet.firstDataRow = layout.firstDataRow;
        sheet.signature = layout.signature;
        planned.sheets.push({ preview: sheet, grid, layout, manualRows: [], manualColumns, remembered: memory });
        continue;
      }
      const figures = figuresOf(unit.id);
      const plan = planSheet(grid, layout, {
        report: period,
        today,
        matcher,
        acceptSuggestions: choices.acceptSuggestions,
        manualRows,
        manualColumns,
        remembered: memory,
        current: (code, target) => figures.current(code, target),
        figure: (code, p) => figures.figure(code, p),
      });
      planned.sheets.push({
        preview: plan.preview,
        grid,
        layout,
        manualRows: plan.manualRows,
        manualColumns,
        remembered: memory,
      });
    }
  }

  // One figure per unit, indicator and period, across sheets and files.
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
  if (files.every((f) => f.preview.skipped)) blockers.push('Không còn tệp nào để nhập.');
  return {
    preview: { sessionId: session.sessionId, counts, blockers },
    files,
  };
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
