/**
 * The report of issue 7 in the backend: the unit's figures gathered the way the grid and the export gather them
 * (computeGridRows over the in-memory history, the plans of the year, validation for the findings left open),
 * written in sentences by the pure engine (shared/report), delivered as text, .docx or a file on disk.
 */
import { deleteEditedTemplate, listEditedTemplates, saveEditedTemplate } from '../../../db/access/report-templates';
import { AppError } from '../../../shared/api/errors';
import { deliverFile, fileSlug } from '../files/deliver-file';
import type { Report, ReportDocxOutput, ReportTemplate } from '../../../shared/api/report-entities';
import { computeGridRows } from '../../../shared/figures/grid-rows';
import { FigureResolver } from '../../../shared/figures/resolve-figures';
import { periodOrThrow } from '../../../shared/periods/period';
import { buildReport } from '../../../shared/report/build-report';
import { parseTemplateOfKind, templatesInForce } from '../../../shared/report/template-set';
import type { HandlerContext } from '../handler-types';
import { planFiguresOf } from '../plans/plan-figures';
import { resolveUnit } from '../units/resolve-unit';
import { changeAuthor, currentSettings } from '../settings/settings-service';
import { validateUnitPeriod } from '../validation/validation-service';
import { reportDocx } from './report-docx';
import { shippedTemplates } from './shipped-templates';

export type ReportContext = Pick<HandlerContext, 'db' | 'history' | 'catalog'>;

export function reportTemplates(ctx: Pick<HandlerContext, 'db'>): ReportTemplate[] {
  return templatesInForce(shippedTemplates(), listEditedTemplates(ctx.db));
}

function templateOrThrow(ctx: Pick<HandlerContext, 'db'>, key: string): ReportTemplate {
  const template = reportTemplates(ctx).find((t) => t.key === key);
  if (!template) throw new AppError('not_found', `Không có mẫu câu "${key}".`, { key }, 'report template not found');
  return template;
}

/** The department's wording, refused with the reason when it names a placeholder its kind does not have. */
export function saveReportTemplate(ctx: Pick<HandlerContext, 'db'>, key: string, text: string): ReportTemplate {
  const template = templateOrThrow(ctx, key);
  const parsed = parseTemplateOfKind(template.kind, text);
  if (!parsed.ok) throw new AppError('bad_input', parsed.messageVi, { key }, 'report template does not parse');
  saveEditedTemplate(ctx.db, { key, text, updatedBy: changeAuthor(ctx.db), updatedAt: new Date().toISOString() });
  return templateOrThrow(ctx, key);
}

export function resetReportTemplate(ctx: Pick<HandlerContext, 'db'>, key: string): ReportTemplate {
  templateOrThrow(ctx, key);
  deleteEditedTemplate(ctx.db, key);
  return templateOrThrow(ctx, key);
}

export function unitReport(ctx: ReportContext, periodKey: string, unitId: number | undefined): Report {
  const unit = resolveUnit(ctx.db, unitId);
  const period = periodOrThrow(periodKey);
  const indicators = ctx.catalog.all();
  const entered = ctx.history.entered(unit.id);
  const resolver = new FigureResolver(indicators, (code, key) => entered.get(code)?.get(key)?.value);
  const computed = computeGridRows(
    indicators,
    period,
    entered,
    new Map(),
    planFiguresOf(ctx.db, unit.id, period.year),
    resolver,
  );
  const validation = validateUnitPeriod(ctx.db, ctx.history, ctx.catalog, unit, periodKey, resolver);
  return buildReport({
    period,
    unitId: unit.id,
    unitName: unit.name,
    indicators,
    rows: new Map(computed.map((row) => [row.code, row])),
    templates: reportTemplates(ctx),
    findings: validation.findings
      .filter((f) => f.open)
      .map((f) => ({ severity: f.severity, indicatorCode: f.indicatorCode, message: f.message })),
  });
}

export interface ReportDocxOptions {
  period: string;
  unitId?: number | undefined;
  saveTo?: string | undefined;
  /** The day in the date line; today unless a test fixes it. */
  date?: Date;
}

export async function unitReportDocx(
  ctx: ReportContext,
  options: ReportDocxOptions,
): Promise<ReportDocxOutput & { bytes: Buffer }> {
  const report = unitReport(ctx, options.period, options.unitId);
  const bytes = await reportDocx(report, currentSettings(ctx.db), options.date ?? new Date());
  return {
    ...deliverFile(bytes, `bao-cao-${report.period}-${fileSlug(report.unitName)}.docx`, options.saveTo, 'Word'),
    bytes,
  };
}
