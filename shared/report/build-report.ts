import type { Indicator } from '../api/entities';
import {
  reportPlaceholdersVi,
  type Report,
  type ReportFinding,
  type ReportSection,
  type ReportSkipped,
  type ReportTemplate,
} from '../api/report-entities';
import type { ComputedRow } from '../figures/grid-rows';
import { percentOf } from '../numbers/vi-number';
import {
  elapsedShareOfYear,
  formatPeriodKey,
  lastMonth,
  periodLabelVi,
  ytdThrough,
  type Period,
} from '../periods/period';
import { fillTemplate } from './phrase-template';
import { periodInProse, periodInProseShort, yearInProse } from './period-wording';
import { changeOfIndex, figureInProse, numberInProse, percentDecimals } from './prose-numbers';
import { reportText } from './report-text';
import { parseTemplateOfKind } from './template-set';

/**
 * The report of one unit and period from the same computed rows the grid shows and the workbook exports
 * (shared/figures/grid-rows.ts): every figure and comparison in a sentence is one of those numbers, printed
 * in prose notation, so the text and the tables cannot disagree.
 */
export interface ReportInput {
  period: Period;
  unitId: number;
  unitName: string;
  /** The catalog; retired indicators are not reported. */
  indicators: readonly Indicator[];
  /** The grid row of each indicator for the unit and period, by code. */
  rows: ReadonlyMap<string, ComputedRow>;
  templates: readonly ReportTemplate[];
  /** Validation findings still open for the unit and period. */
  findings: readonly ReportFinding[];
}

const severityOrder: Record<ReportFinding['severity'], number> = { error: 0, warning: 1, info: 2 };

/**
 * Whether a month or quarter report has a cumulative apart from the period itself, as the workbook decides
 * its columns: January and the first quarter are their own cumulative, and so is a cumulative period.
 */
export function hasOwnCumulative(period: Period): boolean {
  if (period.kind === 'ytd') return false;
  if (period.kind === 'month') return period.month > 1;
  return period.quarter > 1;
}

/** The figure of the period: the one entered, else the one its months or children add up to. */
function periodFigure(row: ComputedRow): number | null {
  return row.value ?? row.valueFromParts;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function percentText(pct: number | null): string | undefined {
  return pct === null ? undefined : numberInProse(pct, percentDecimals);
}

function commonValues(period: Period): Map<string, string> {
  return new Map([
    ['ky', periodInProse(period)],
    ['kyNgan', periodInProseShort(period)],
    ['namTruoc', yearInProse(period.year - 1)],
  ]);
}

/** The values of an indicator sentence's placeholders; a placeholder without a figure stays out of the map. */
function indicatorValues(indicator: Indicator, row: ComputedRow, period: Period): Map<string, string> {
  const values = commonValues(period);
  const set = (name: string, value: string | undefined) => {
    if (value !== undefined) values.set(name, value);
  };
  const figure = (x: number | null) => (x === null ? undefined : figureInProse(x, indicator.decimals));
  const current = periodFigure(row);
  set('ten', indicator.nameVi);
  set('tenThuong', lowerFirst(indicator.nameVi));
  set('donvi', indicator.unit);
  set('giatri', figure(current));
  set('kehoach', figure(row.plan));
  set('cungKy', figure(row.samePeriod));

  /** A comparison with the same period, written as a change: an index 198,9 (or a percentage) is "tăng 98,9%". */
  const setChange = (
    index: number | null,
    decimals: number,
    names: { phrase: string; amount: string; word?: string; index?: string },
  ) => {
    if (index === null) return;
    const c = changeOfIndex(index, decimals);
    set(names.phrase, c.phrase);
    set(names.amount, numberInProse(c.amount, decimals));
    if (names.word) set(names.word, c.word);
    // The change is deliberately told at the indicator's decimals (100,004 is "tương đương"); the index itself as stored.
    if (names.index) set(names.index, figureInProse(index, decimals));
  };
  const cumulative = hasOwnCumulative(period);
  if (cumulative) set('kyLuyKe', periodInProse(ytdThrough(period.year, lastMonth(period))));

  if (indicator.kind === 'index') {
    // An index is itself the comparison with the same period, and its cumulative is its own published figure
    // (domain.md), never worked out from the months.
    setChange(current, indicator.decimals, {
      phrase: 'soCungKy',
      amount: 'pctCungKy',
      word: 'tangGiam',
      index: 'chiSo',
    });
    if (cumulative) {
      set('luyKe', figure(row.ytd));
      setChange(row.ytd, indicator.decimals, { phrase: 'soLuyKeCungKy', amount: 'pctLuyKeCungKy' });
    }
  }
  if (indicator.kind !== 'flow') return values;

  setChange(row.pctOfSamePeriod, percentDecimals, {
    phrase: 'soCungKy',
    amount: 'pctCungKy',
    word: 'tangGiam',
    index: 'chiSo',
  });
  if (cumulative) {
    set('luyKe', figure(row.ytd));
    set('pctLuyKeKeHoach', percentText(row.pctOfPlan));
    set('pctLuyKePhanDau', percentText(row.pctOfPlanStretch));
    setChange(row.pctYtdOfSamePeriod, percentDecimals, { phrase: 'soLuyKeCungKy', amount: 'pctLuyKeCungKy' });
  } else {
    set('pctKeHoach', percentText(row.pctOfPlan));
    set('pctPhanDau', percentText(row.pctOfPlanStretch));
  }
  return values;
}

/**
 * A key product is on schedule when its cumulative has reached the share of the annual plan the months
 * elapsed call for (domain.md: "đạt tiến độ"), and growing when that cumulative is above last year's: both
 * speak of the year so far, whatever the period of the report.
 */
function onScheduleAndGrowing(row: ComputedRow, period: Period): boolean {
  const share = percentOf(row.ytd, row.plan);
  const onSchedule =
    row.plan !== null && row.plan > 0 && share !== null && share + 1e-9 >= elapsedShareOfYear(period) * 100;
  return onSchedule && row.pctYtdOfSamePeriod !== null && row.pctYtdOfSamePeriod > 100;
}

function productCountValues(
  products: readonly Indicator[],
  rows: ReadonlyMap<string, ComputedRow>,
  period: Period,
): Map<string, string> {
  const values = commonValues(period);
  values.set('kyLuyKe', periodInProse(ytdThrough(period.year, lastMonth(period))));
  const reported = products.filter((p) => {
    const row = rows.get(p.code);
    return row !== undefined && row.ytd !== null;
  });
  if (reported.length === 0) return values;
  const good = reported.filter((p) => onScheduleAndGrowing(rows.get(p.code) as ComputedRow, period));
  values.set('soDat', String(good.length));
  values.set('tongSo', String(reported.length));
  if (good.length > 0) values.set('danhSach', good.map((p) => lowerFirst(p.nameVi)).join(', '));
  return values;
}

function missingReason(kind: ReportTemplate['kind'], missing: readonly string[], hasFigure: boolean): string {
  if (!hasFigure)
    return kind === 'productCount' ? 'Chưa có sản phẩm nào có số liệu kỳ này.' : 'Chưa có số liệu kỳ này.';
  const described = missing.map((name) => `{${name}}: ${reportPlaceholdersVi[kind][name] ?? name}`);
  return `Thiếu số liệu cho ${described.join('; ')}.`;
}

export function reportTitle(period: Period): string {
  return `BÁO CÁO TÌNH HÌNH THỰC HIỆN CÁC CHỈ TIÊU NGÀNH CÔNG THƯƠNG ${periodInProse(period).toUpperCase()}`;
}

export function buildReport(input: ReportInput): Report {
  const { period, rows } = input;
  const active = new Map(input.indicators.filter((i) => i.active).map((i) => [i.code, i]));
  const sections: ReportSection[] = [];
  const skipped: ReportSkipped[] = [];
  const sectionOf = (template: ReportTemplate): ReportSection => {
    let section = sections.find((s) => s.key === template.sectionKey);
    if (!section)
      sections.push(
        (section = { key: template.sectionKey, title: template.sectionTitle, paragraphs: [], sentences: [] }),
      );
    return section;
  };

  for (const template of input.templates) {
    const parsed = parseTemplateOfKind(template.kind, template.text);
    if (!parsed.ok) {
      skipped.push({ templateKey: template.key, indicatorCode: null, reason: parsed.messageVi });
      continue;
    }
    if (template.kind === 'productCount') {
      for (const group of template.codes) {
        const products = input.indicators.filter((i) => i.active && i.parentCode === group && i.kind === 'flow');
        const values = productCountValues(products, rows, period);
        const filled = fillTemplate(parsed.parts, values);
        if (filled.ok)
          sectionOf(template).sentences.push({ templateKey: template.key, indicatorCode: null, text: filled.text });
        else
          skipped.push({
            templateKey: template.key,
            indicatorCode: group,
            reason: missingReason(template.kind, filled.missing, values.has('tongSo')),
          });
      }
      continue;
    }
    for (const code of template.codes) {
      const indicator = active.get(code);
      const row = rows.get(code);
      if (!indicator || !row) {
        skipped.push({
          templateKey: template.key,
          indicatorCode: code,
          reason: `Chỉ tiêu ${code} không có trong danh mục hoặc đã ngừng dùng.`,
        });
        continue;
      }
      const filled = fillTemplate(parsed.parts, indicatorValues(indicator, row, period));
      if (filled.ok)
        sectionOf(template).sentences.push({ templateKey: template.key, indicatorCode: code, text: filled.text });
      else
        skipped.push({
          templateKey: template.key,
          indicatorCode: code,
          reason: missingReason(template.kind, filled.missing, periodFigure(row) !== null),
        });
    }
  }

  for (const s of sections) s.paragraphs = [s.sentences.map((x) => x.text).join(' ')];
  const openFindings = [...input.findings].sort((a, b) => severityOrder[a.severity] - severityOrder[b.severity]);
  const report: Omit<Report, 'text'> = {
    period: formatPeriodKey(period),
    periodLabel: periodLabelVi(period),
    unitId: input.unitId,
    unitName: input.unitName,
    title: reportTitle(period),
    sections,
    skipped,
    openFindings,
  };
  return { ...report, text: reportText(report) };
}
