/**
 * The print view of each document, as one HTML page the browser prints (or saves as PDF) and a headless print
 * turns into a PDF: the narrative report as an administrative document, the entry sheet of Nhập liệu and the
 * report workbook's sheets, from the same figures as the screen and the files.
 */
import type { Indicator, Settings } from '../../../shared/api/entities';
import type { ParsedInput } from '../../../shared/api/contract';
import type { ReportPrintOutput } from '../../../shared/api/print-entities';
import type { GridRow, ValueStatus } from '../../../shared/api/values-entities';
import { formatViFigure, formatViPercent } from '../../../shared/numbers/vi-number';
import {
  lastMonth,
  parsePeriod,
  periodLabelVi,
  previousPeriod,
  samePeriodLastYear,
  ytdThrough,
  type Period,
} from '../../../shared/periods/period';
import {
  reportPrintHtml,
  sheetPrintHtml,
  type PrintColumn,
  type PrintRow,
  type PrintSheet,
} from '../../../shared/print/print-html';
import { AppError } from '../../../shared/api/errors';
import type { HandlerContext } from '../handler-types';
import { reportWorkbookContents } from '../export/export-service';
import type { SheetContent } from '../export/sheet-writer';
import { fileSlug } from '../files/deliver-file';
import { currentSettings } from '../settings/settings-service';
import { resolveUnit } from '../units/resolve-unit';
import { defaultStatus, valuesGrid } from '../values/values-service';
import { unitReport } from './report-service';

type PrintContext = Pick<HandlerContext, 'db' | 'history' | 'catalog'>;

function periodOf(key: string): Period {
  const parsed = parsePeriod(key);
  if (!parsed.ok) throw new AppError('bad_input', `Kỳ báo cáo không hợp lệ: "${key}".`, { period: key }, 'bad period');
  return parsed.period;
}

/** The depth and boldness of each indicator in the tree: parents bold, children indented. */
function treeOf(indicators: readonly Indicator[]): Map<string, { depth: number; parent: boolean }> {
  const parents = new Set(indicators.flatMap((i) => (i.parentCode ? [i.parentCode] : [])));
  const depth = new Map<string, number>();
  const out = new Map<string, { depth: number; parent: boolean }>();
  for (const i of indicators) {
    const d = i.parentCode ? (depth.get(i.parentCode) ?? -1) + 1 : 0;
    depth.set(i.code, d);
    out.set(i.code, { depth: d, parent: parents.has(i.code) || i.kind === 'group' });
  }
  return out;
}

const figure = (value: number | null | undefined, decimals: number) =>
  value === null || value === undefined ? '' : formatViFigure(value, decimals);
const percent = (value: number | null | undefined) =>
  value === null || value === undefined ? '' : formatViPercent(value);

/** The entry sheet as Nhập liệu shows it: the period's figure between the plan, last year and the cumulative. */
function entrySheet(
  ctx: PrintContext,
  period: Period,
  periodKey: string,
  unitId: number | undefined,
  today: Date,
): { sheet: PrintSheet; unitName: string } {
  const unit = resolveUnit(ctx.db, unitId);
  const grid = valuesGrid(ctx, { unitId: unit.id, period: periodKey, withFindings: false });
  const indicators = ctx.catalog.all().filter((i) => i.active);
  const rowOf = new Map<string, GridRow>(grid.rows.map((r) => [r.code, r]));
  const tree = treeOf(indicators);
  const cumulative = period.kind === 'ytd';
  const statuses = new Set(grid.rows.flatMap((r) => (r.status === null ? [] : [r.status])));
  const fallback: ValueStatus = defaultStatus(period, today);
  const word =
    statuses.has('estimate') || (statuses.size === 0 && fallback === 'estimate') ? 'Ước thực hiện' : 'Thực hiện';
  const previous = previousPeriod(period);
  const ytd = ytdThrough(period.year, lastMonth(period));
  const columns: (PrintColumn & { cell: (r: GridRow, i: Indicator) => string })[] = [
    { top: `Kế hoạch năm ${period.year}`, sub: null, code: '', cell: (r, i) => figure(r.plan, i.decimals) },
    {
      top: 'Thực hiện cùng kỳ năm trước',
      sub: periodLabelVi(samePeriodLastYear(period)),
      code: '',
      cell: (r, i) => figure(r.samePeriod, i.decimals),
    },
    ...(cumulative || previous === null
      ? []
      : [
          {
            top: `Thực hiện ${periodLabelVi(previous).toLowerCase()}`,
            sub: null,
            code: '',
            cell: (r: GridRow, i: Indicator) => figure(r.previous, i.decimals),
          },
        ]),
    {
      top: `${word} ${periodLabelVi(period).toLowerCase()}`,
      sub: null,
      code: '',
      cell: (r, i) => figure(r.value ?? r.valueFromParts, i.decimals),
    },
    ...(cumulative
      ? []
      : [
          {
            top: `Lũy kế ${periodLabelVi(ytd).toLowerCase()}`,
            sub: null,
            code: '',
            cell: (r: GridRow, i: Indicator) => figure(r.ytd, i.decimals),
          },
          {
            top: 'Thực hiện cùng kỳ năm trước',
            sub: `Lũy kế ${periodLabelVi(samePeriodLastYear(ytd)).toLowerCase()}`,
            code: '',
            cell: (r: GridRow, i: Indicator) => figure(r.ytdSamePeriod, i.decimals),
          },
        ]),
    { top: 'So sánh (%)', sub: 'Kỳ này so với cùng kỳ', code: '', cell: (r) => percent(r.pctOfSamePeriod) },
    ...(cumulative
      ? []
      : [
          {
            top: 'So sánh (%)',
            sub: 'Lũy kế so với cùng kỳ',
            code: '',
            cell: (r: GridRow) => percent(r.pctYtdOfSamePeriod),
          },
        ]),
    { top: 'So sánh (%)', sub: 'Lũy kế so với kế hoạch năm', code: '', cell: (r) => percent(r.pctOfPlan) },
  ];
  columns.forEach((c, i) => (c.code = String(i + 1)));
  const rows: PrintRow[] = indicators.map((i) => {
    const r = rowOf.get(i.code);
    const shape = tree.get(i.code) ?? { depth: 0, parent: false };
    return {
      stt: i.stt,
      name: i.nameVi,
      unit: i.unit,
      depth: shape.depth,
      bold: shape.parent,
      cells: columns.map((c) => (r === undefined || i.kind === 'group' ? '' : c.cell(r, i))),
    };
  });
  return {
    unitName: unit.name,
    sheet: {
      title: 'BẢNG SỐ LIỆU CÁC CHỈ TIÊU NGÀNH CÔNG THƯƠNG',
      periodLine: `Kỳ báo cáo: ${grid.periodLabel}`,
      unitLine: `Đơn vị báo cáo: ${unit.name}`,
      columns,
      rows,
      note: null,
    },
  };
}

/** One sheet of the report workbook as printed: its cells written the Vietnamese way, comparisons as their results. */
function printedSheet(content: SheetContent): PrintSheet {
  return {
    title: content.title,
    periodLine: content.periodLine,
    unitLine: content.unitLine,
    columns: content.columns.map((c) => ({ top: c.top, sub: c.sub, code: c.code })),
    rows: content.rows.map((r) => ({
      stt: r.stt,
      name: r.name,
      unit: r.unit,
      depth: r.depth,
      bold: r.bold,
      cells: r.cells.map((cell, j) => {
        if (cell === null) return '';
        if (cell.kind === 'text') return cell.text;
        const value = cell.kind === 'number' ? cell.value : cell.result;
        return content.columns[j]?.kind === 'percent' || cell.kind === 'formula'
          ? formatViPercent(value)
          : formatViFigure(value, r.decimals);
      }),
    })),
    note: content.note,
  };
}

/** Several sheets on one print: each begins on a page of its own. */
function joinPages(pages: readonly string[]): string {
  if (pages.length <= 1) return pages[0] ?? '';
  const bodies = pages.map((p) => /<body>([\s\S]*)<\/body>/.exec(p)?.[1] ?? '');
  const first = pages[0] ?? '';
  return first.replace(
    /<body>[\s\S]*<\/body>/,
    `<body>${bodies.map((b, i) => `<section style="${i === 0 ? '' : 'page-break-before:always'}">${b}</section>`).join('\n')}</body>`,
  );
}

export function printDocument(
  ctx: PrintContext,
  input: ParsedInput<'report.print'>,
  date = new Date(),
): ReportPrintOutput {
  const settings: Settings = currentSettings(ctx.db);
  const period = periodOf(input.period);
  if (input.document === 'report') {
    const report = unitReport(ctx, input.period, input.unitId);
    return {
      title: report.title,
      fileName: `bao-cao-${report.period}-${fileSlug(report.unitName)}.pdf`,
      html: reportPrintHtml(report, settings, date),
    };
  }
  if (input.document === 'entry') {
    const { sheet, unitName } = entrySheet(ctx, period, input.period, input.unitId, date);
    return {
      title: `${sheet.title} - ${sheet.periodLine}`,
      fileName: `so-lieu-${input.period}-${fileSlug(unitName)}.pdf`,
      html: sheetPrintHtml(sheet, settings, date),
    };
  }
  const { contents } = reportWorkbookContents(ctx, {
    period: input.period,
    unitId: input.unitId,
    overrideReason: input.overrideReason,
    date,
  });
  const pages = contents.map((c) => sheetPrintHtml(printedSheet(c), settings, date));
  const unitName = contents[0]?.unitLine.replace(/^Đơn vị báo cáo:\s*/, '') ?? '';
  return {
    title: contents[0]?.title ?? 'Biểu báo cáo',
    fileName: `bieu-bao-cao-${input.period}-${fileSlug(unitName)}.pdf`,
    html: joinPages(pages),
  };
}
