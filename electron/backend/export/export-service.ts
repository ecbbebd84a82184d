/**
 * The two exports of issue 6 as backend services: the report workbook of one or several reporting units, and a
 * Ministry template filled with a unit's figures. Both refuse while validation errors stand, unless the clerk
 * gives a reason, which the report then prints under its tables. Neither writes to the database.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { findReportingUnit, listReportingUnits } from '../../../db/access/reporting-units';
import type { ReportingUnit, Settings } from '../../../shared/api/entities';
import { AppError } from '../../../shared/api/errors';
import { deliverFile, fileSlug } from '../files/deliver-file';
import type {
  ExportFillOutput,
  ExportLayout,
  ExportOpenErrors,
  ExportReportOutput,
} from '../../../shared/api/export-entities';
import {
  formatPeriodKey,
  lastMonth,
  monthsCovered,
  parsePeriod,
  periodLabelVi,
  type Period,
} from '../../../shared/periods/period';
import { currentSettings } from '../settings/settings-service';
import { resolveUnit } from '../units/resolve-unit';
import { validateUnitPeriod } from '../validation/validation-service';
import { defaultStatus } from '../values/values-service';
import { readWorkbook, UnreadableWorkbook } from '../import/read-workbook';
import { fillWorkbook } from './fill-template';
import { planColumns } from './report-columns';
import { gatherUnitFigures, reportedIndicators, type ExportContext, type UnitFigures } from './report-data';
import { buildReport } from './report-workbook';
import type { SheetContent } from './sheet-writer';
import { periodStatus } from '../periods/period-states';
import { periodStateLineVi } from '../../../shared/periods/period-lock';
import { readFailureOf } from '../files/read-failure';

export type { ExportContext } from './report-data';

export interface ExportReportOptions {
  period: string;
  unitId?: number | undefined;
  unitIds?: readonly number[] | undefined;
  allUnits?: boolean | undefined;
  layout?: ExportLayout | undefined;
  overrideReason?: string | undefined;
  /** Write the file here and return its path; without it the bytes come back as base64. */
  saveTo?: string | undefined;
  /** The day printed in the date line (today by default). */
  date?: Date | undefined;
}

export type TemplateSource =
  { path: string } | { name: string; contentBase64: string } | { name: string; bytes: Buffer };

export interface FillTemplateOptions {
  template: TemplateSource;
  period: string;
  unitId?: number | undefined;
  overrideReason?: string | undefined;
  saveTo?: string | undefined;
  date?: Date | undefined;
}

/** The bytes of the file beside what crosses a door; `bytes` is for in-process callers (tests, the command line). */
export type WithBytes<T> = T & { bytes: Buffer };

function periodOf(key: string): Period {
  const parsed = parsePeriod(key);
  if (!parsed.ok) throw new AppError('bad_input', parsed.message, { period: key }, 'invalid period');
  return parsed.period;
}

function isoDay(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Units valid on some day of the period (the 2025 mergers retired some and created others). */
function validDuring(unit: ReportingUnit, period: Period): boolean {
  const months = monthsCovered(period);
  const first = months[0];
  const start = first ? isoDay(first.year, first.month, 1) : isoDay(period.year, 1, 1);
  const end = isoDay(period.year, lastMonth(period), 31);
  return (unit.validFrom ?? '0000-01-01') <= end && start <= (unit.validTo ?? '9999-12-31');
}

function selectUnits(ctx: ExportContext, period: Period, options: ExportReportOptions): ReportingUnit[] {
  if (options.allUnits) {
    const units = listReportingUnits(ctx.db).filter((u) => validDuring(u, period));
    if (units.length === 0)
      throw new AppError(
        'not_found',
        'Không có đơn vị báo cáo nào còn hoạt động trong kỳ này.',
        {},
        'no units in period',
      );
    return units;
  }
  if (options.unitIds !== undefined) {
    const seen = new Set<number>();
    return options.unitIds.flatMap((id) => {
      if (seen.has(id)) return [];
      seen.add(id);
      const unit = findReportingUnit(ctx.db, id);
      if (!unit)
        throw new AppError('not_found', `Không có đơn vị báo cáo ${id}.`, { unitId: id }, 'reporting unit not found');
      return [unit];
    });
  }
  return [resolveUnit(ctx.db, options.unitId)];
}

/**
 * The units a total adds up: a unit that has another selected unit under it (the province above its communes)
 * is already their sum, so it is left out; so is the province when any other unit is selected.
 */
export function unitsToSum(units: readonly ReportingUnit[]): Set<number> {
  const selected = new Set(units.map((u) => u.id));
  const parentOf = new Map(units.map((u) => [u.id, u.parentId]));
  const all = new Map(units.map((u) => [u.id, u]));
  const ancestors = new Set<number>();
  for (const u of units) {
    let parent = u.parentId;
    const seen = new Set<number>();
    while (parent !== null && parent !== undefined && !seen.has(parent)) {
      seen.add(parent);
      if (selected.has(parent)) ancestors.add(parent);
      parent = parentOf.get(parent) ?? all.get(parent)?.parentId ?? null;
    }
  }
  const others = units.some((u) => u.kind !== 'province');
  return new Set(units.filter((u) => !ancestors.has(u.id) && !(others && u.kind === 'province')).map((u) => u.id));
}

function validationState(units: readonly { unit: ReportingUnit; openErrors: number }[]): ExportOpenErrors {
  return {
    openErrors: units.reduce((n, u) => n + u.openErrors, 0),
    units: units.map((u) => ({ unitId: u.unit.id, unitName: u.unit.name, openErrors: u.openErrors })),
  };
}

/** Refused while errors stand and no reason is given: what goes up must not carry errors nobody looked at. */
function refuseOpenErrors(
  state: ExportOpenErrors,
  periodLabel: string,
  reason: string | undefined,
  what: string,
): void {
  if (state.openErrors === 0 || (reason !== undefined && reason.trim() !== '')) return;
  const which = state.units
    .filter((u) => u.openErrors > 0)
    .map((u) => `${u.unitName}: ${u.openErrors} lỗi`)
    .join('; ');
  throw new AppError(
    'conflict',
    `Chưa ${what}: số liệu ${periodLabel} còn ${state.openErrors} lỗi kiểm tra chưa xử lý (${which}). Hãy sửa số liệu hoặc ghi lý do bỏ qua từng lỗi ở màn hình Kiểm tra; nếu vẫn cần gửi ngay, hãy xuất kèm lý do (trên dòng lệnh: --reason "…"); lý do sẽ được in trong ghi chú trên trang tính.`,
    state satisfies ExportOpenErrors,
    'export refused: open validation errors',
  );
}

function dayText(date: Date): string {
  return `${String(date.getDate()).padStart(2, '0')}/${String(date.getMonth() + 1).padStart(2, '0')}/${date.getFullYear()}`;
}

/** The note printed under the table of a sheet when errors stood at export. */
function noteFor(
  sheetUnit: UnitFigures | null,
  all: readonly UnitFigures[],
  reason: string,
  clerk: string,
  date: Date,
  names: ReadonlyMap<string, string>,
): string {
  const total = all.reduce((n, u) => n + u.validation.counts.openErrors, 0);
  const listed = (u: UnitFigures) => {
    const codes = [
      ...new Set(u.validation.findings.filter((f) => f.open && f.severity === 'error').map((f) => f.indicatorCode)),
    ];
    const shown = codes.slice(0, 6).map((c) => names.get(c) ?? c);
    return `${shown.join('; ')}${codes.length > shown.length ? `; và ${codes.length - shown.length} chỉ tiêu khác` : ''}`;
  };
  let what: string;
  if (sheetUnit && all.length === 1) {
    what = `Số liệu còn ${total} lỗi kiểm tra chưa xử lý (${listed(sheetUnit)}).`;
  } else if (sheetUnit) {
    const own = sheetUnit.validation.counts.openErrors;
    what =
      own > 0
        ? `Số liệu của ${sheetUnit.unit.name} còn ${own} lỗi kiểm tra chưa xử lý (${listed(sheetUnit)}); cả tệp còn ${total} lỗi.`
        : `Số liệu của ${sheetUnit.unit.name} không có lỗi kiểm tra; các đơn vị khác trong tệp còn ${total} lỗi chưa xử lý.`;
  } else {
    const per = all
      .filter((u) => u.validation.counts.openErrors > 0)
      .map((u) => `${u.unit.name}: ${u.validation.counts.openErrors}`);
    what = `Số liệu còn ${total} lỗi kiểm tra chưa xử lý (${per.join('; ')}).`;
  }
  const who = clerk.trim() === '' ? '' : `${clerk.trim()}, `;
  return `Ghi chú: ${what} Lý do vẫn xuất báo cáo: ${reason.trim()} (${who}ngày ${dayText(date)}).`;
}

/** The workbook of the units and period chosen, refused while validation errors stand unless a reason is given. */
function assembleReport(ctx: ExportContext, options: ExportReportOptions) {
  const period = periodOf(options.period);
  const periodKey = formatPeriodKey(period);
  const date = options.date ?? new Date();
  const layout: ExportLayout = options.layout ?? 'sheets';
  const units = selectUnits(ctx, period, options);
  const indicators = reportedIndicators(ctx.catalog);
  const candidates = planColumns(period, {
    stretch: true,
    yearEstimate: true,
    nextYearPlan: true,
    note: false,
  }).periods;
  const gathered = units.map((unit) => gatherUnitFigures(ctx, unit, period, candidates));
  const state = validationState(gathered.map((g) => ({ unit: g.unit, openErrors: g.validation.counts.openErrors })));
  refuseOpenErrors(state, periodLabelVi(period), options.overrideReason, 'xuất báo cáo');

  const settings = currentSettings(ctx.db);
  const names = new Map(ctx.catalog.all().map((i) => [i.code, i.nameVi]));
  const reason = state.openErrors > 0 ? (options.overrideReason ?? '').trim() : null;
  const totalOf = unitsToSum(units);
  const built = buildReport({
    period,
    indicators,
    units: gathered,
    totalOf,
    layout,
    settings,
    date,
    defaultStatus: defaultStatus(period, date),
    noteFor: (u) => (reason === null ? null : noteFor(u, gathered, reason, settings.clerkName, date, names)),
    stateLineFor: (u) => `Tình trạng: ${periodStateLineVi(periodStatus(ctx.db, u.unit.id, periodKey))}`,
  });
  return { built, period, periodKey, layout, units, totalOf, state, reason };
}

/** What each sheet of the report workbook holds, for its print view: the same figures and headings as the file. */
export function reportWorkbookContents(
  ctx: ExportContext,
  options: ExportReportOptions,
): { contents: SheetContent[]; settings: Settings; date: Date } {
  const { built } = assembleReport(ctx, options);
  return { contents: built.contents, settings: currentSettings(ctx.db), date: options.date ?? new Date() };
}

/** The report workbook of issue 6 (item 2, 4 and 6). */
export async function exportReport(
  ctx: ExportContext,
  options: ExportReportOptions,
): Promise<WithBytes<ExportReportOutput>> {
  const { built, period, periodKey, layout, units, totalOf, state, reason } = assembleReport(ctx, options);
  const bytes = await built.workbook.toBuffer();
  const who = units.length === 1 ? fileSlug(units[0]?.name ?? '') : `tong-hop-${units.length}-don-vi`;
  const file = deliverFile(bytes, `bao-cao-${periodKey}-${who}.xlsx`, options.saveTo, 'Excel');
  return {
    ...file,
    bytes,
    summary: {
      period: periodKey,
      periodLabel: periodLabelVi(period),
      layout,
      units: units.map((u) => ({ unitId: u.id, code: u.code, name: u.name })),
      totalOf: units.length > 1 ? units.filter((u) => totalOf.has(u.id)).map((u) => u.id) : [],
      sheets: built.sheets,
      columns: built.columns,
      validation: { ...state, overrideReason: reason },
    },
  };
}

async function templateBytes(source: TemplateSource): Promise<{ name: string; bytes: Buffer }> {
  if ('bytes' in source) return { name: source.name, bytes: source.bytes };
  if ('contentBase64' in source) return { name: source.name, bytes: Buffer.from(source.contentBase64, 'base64') };
  try {
    return { name: basename(source.path), bytes: readFileSync(source.path) };
  } catch (error) {
    const { code, why } = readFailureOf(error);
    throw new AppError(
      'bad_input',
      `Không đọc được tệp mẫu ${source.path}: ${why}.`,
      { path: source.path, code },
      'cannot read template',
    );
  }
}

/** A Ministry template with only its value cells filled (issue 6, item 3). */
export async function fillTemplate(
  ctx: ExportContext,
  options: FillTemplateOptions,
): Promise<WithBytes<ExportFillOutput>> {
  const period = periodOf(options.period);
  const unit = resolveUnit(ctx.db, options.unitId);
  const template = await templateBytes(options.template);
  // The import reads an .xls, but a template is filled in place, cell by cell of its zip package: only .xlsx/.xlsm.
  if (
    template.bytes.length >= 8 &&
    template.bytes.readUInt32BE(0) === 0xd0cf11e0 &&
    template.bytes.readUInt32BE(4) === 0xa1b11ae1
  ) {
    throw new AppError(
      'bad_input',
      `Tệp mẫu ${template.name} là sổ Excel 97-2003 (.xls): ChiTieu nhập được kiểu sổ này nhưng chỉ điền được mẫu .xlsx. Hãy mở tệp trong Excel, chọn Tệp > Lưu thành, kiểu "Sổ làm việc Excel (*.xlsx)", rồi dùng tệp .xlsx vừa lưu làm mẫu.`,
      { name: template.name },
      'template is not a zip package',
    );
  }
  let read;
  try {
    read = await readWorkbook(
      { name: template.name, bytes: template.bytes },
      () => {},
      () => false,
    );
  } catch (error) {
    if (error instanceof UnreadableWorkbook)
      throw new AppError(
        'bad_input',
        `Không dùng được tệp mẫu: ${error.message}`,
        { kind: error.kind },
        'unreadable template',
      );
    throw error;
  }
  const validation = validateUnitPeriod(ctx.db, ctx.history, ctx.catalog, unit, formatPeriodKey(period));
  const state = validationState([{ unit, openErrors: validation.counts.openErrors }]);
  refuseOpenErrors(state, periodLabelVi(period), options.overrideReason, 'điền mẫu biểu');

  const date = options.date ?? new Date();
  let filled;
  try {
    filled = fillWorkbook(ctx, template.bytes, read, unit.id, period, date);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(
      'bad_input',
      `Không điền được tệp mẫu ${template.name}: cấu trúc tệp khác thường (${error instanceof Error ? error.message : String(error)}). Hãy mở tệp trong Excel, lưu lại rồi thử lại.`,
      {},
      'template could not be filled',
    );
  }
  const stem = template.name.replace(/\.(xlsx|xlsm)$/i, '');
  const extension = /\.xlsm$/i.test(template.name) ? 'xlsm' : 'xlsx';
  const periodKey = formatPeriodKey(period);
  const file = deliverFile(
    filled.bytes,
    `${stem}-${periodKey}-${fileSlug(unit.name)}.${extension}`,
    options.saveTo,
    'Excel',
  );
  return {
    ...file,
    bytes: filled.bytes,
    summary: {
      period: periodKey,
      periodLabel: periodLabelVi(period),
      unitId: unit.id,
      unitName: unit.name,
      sheets: filled.sheets,
      cellsFilled: filled.cellsFilled,
      recalculateOnOpen: filled.recalculateOnOpen,
      validation: { ...state, overrideReason: state.openErrors > 0 ? (options.overrideReason ?? '').trim() : null },
    },
  };
}
