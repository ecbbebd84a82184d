import type { IndicatorChart } from '../../shared/api/chart-entities';
import { formatViFigure } from '../../shared/numbers/vi-number';
import { axisNumber, figureWithUnit, numberOf, type ChartValue } from './chart-numbers';
import { chartColors, chartFont } from './chart-style';
import type { ChartOption, ChartSeries } from './echarts-setup';

/** An index or ratio is read around 100 and its plan, not from zero: the axis spans the figures and the plan line. */
interface AxisExtent {
  min: number;
  max: number;
}

const monthNames = Array.from({ length: 12 }, (_, i) => `Tháng ${i + 1}`);

function unitNote(unit: string): string {
  return unit === '' ? '' : ` (${unit})`;
}

function hasAny(values: (number | null)[]): boolean {
  return values.some((v) => v !== null);
}

/**
 * A flow: this year's months as bars beside the same months of last year, and on the right-hand axis the
 * running total of the year climbing toward the plan line, the plan spread evenly over the months (the
 * schedule a clerk judges "đạt tiến độ" by), which ends at the annual plan in December.
 */
function flowSeries(chart: IndicatorChart): { series: ChartSeries[]; rightAxis: boolean } {
  const { year, months } = chart;
  const series: ChartSeries[] = [
    {
      type: 'bar',
      name: `Tháng năm ${year}`,
      data: months.map((m) => m.value),
      itemStyle: { color: chartColors.thisYear },
      barGap: '10%',
    },
    {
      type: 'bar',
      name: `Cùng tháng năm ${year - 1}`,
      data: months.map((m) => m.samePeriod),
      itemStyle: { color: chartColors.lastYear },
    },
  ];
  const ytd = months.map((m) => m.ytd);
  const planToDate = months.map((m) => m.planToDate);
  if (hasAny(ytd)) {
    series.push({
      type: 'line',
      name: `Lũy kế năm ${year}`,
      yAxisIndex: 1,
      data: ytd,
      symbolSize: 6,
      lineStyle: { width: 2.5, color: chartColors.cumulative },
      itemStyle: { color: chartColors.cumulative },
    });
  }
  if (chart.plan !== null && hasAny(planToDate)) {
    series.push({
      type: 'line',
      name: 'Kế hoạch theo tiến độ',
      yAxisIndex: 1,
      data: planToDate,
      symbol: 'none',
      lineStyle: { type: 'dashed', width: 2, color: chartColors.plan },
      itemStyle: { color: chartColors.plan },
      // Above the end of the line, clear of the right-hand axis's labels.
      endLabel: {
        show: true,
        formatter: `Kế hoạch năm: ${formatViFigure(chart.plan, chart.decimals)}`,
        color: chartColors.plan,
        fontSize: 11,
        align: 'right',
        offset: [-6, -12],
      },
    });
  }
  return { series, rightAxis: hasAny(ytd) || hasAny(planToDate) };
}

/**
 * An index or a ratio: published figures, never added up, so lines of this year's and last year's months,
 * the cumulative figure as published where there is one, and the annual plan as a level.
 */
function publishedSeries(chart: IndicatorChart): ChartSeries[] {
  const { year, months, plan, decimals } = chart;
  const series: ChartSeries[] = [
    {
      type: 'line',
      name: `Tháng năm ${year}`,
      data: months.map((m) => m.value),
      symbolSize: 7,
      lineStyle: { width: 2.5, color: chartColors.thisYear },
      itemStyle: { color: chartColors.thisYear },
      markLine:
        plan === null
          ? undefined
          : {
              symbol: 'none',
              silent: true,
              lineStyle: { type: 'dashed', color: chartColors.plan, width: 2 },
              label: {
                formatter: `Kế hoạch năm ${formatViFigure(plan, decimals)}`,
                position: 'insideEndTop',
                color: chartColors.plan,
              },
              data: [{ yAxis: plan }],
            },
    },
    {
      type: 'line',
      name: `Cùng tháng năm ${year - 1}`,
      data: months.map((m) => m.samePeriod),
      symbolSize: 5,
      lineStyle: { width: 1.5, type: 'dashed', color: chartColors.lastYear },
      itemStyle: { color: chartColors.lastYear },
    },
  ];
  const ytd = months.map((m) => m.ytd);
  if (hasAny(ytd)) {
    series.push({
      type: 'line',
      name: `Lũy kế từ đầu năm ${year}`,
      data: ytd,
      symbolSize: 6,
      lineStyle: { width: 2, color: chartColors.cumulative },
      itemStyle: { color: chartColors.cumulative },
    });
  }
  return series;
}

export function indicatorChartOption(chart: IndicatorChart, options: { compact?: boolean } = {}): ChartOption {
  const compact = options.compact ?? false;
  const isFlow = chart.kind === 'flow';
  const flow = isFlow ? flowSeries(chart) : null;
  const series = flow ? flow.series : publishedSeries(chart);
  const plan = chart.plan;
  const valueText = (value: ChartValue) => figureWithUnit(numberOf(value), chart.decimals, chart.unit);
  const valueAxis = {
    type: 'value' as const,
    axisLabel: { formatter: axisNumber },
    nameTextStyle: { align: 'left' as const },
  };
  return {
    // Figures, not a show: drawn at once, so what is on screen is what the PNG holds at any moment.
    animation: false,
    textStyle: chartFont,
    title: {
      text: `${chart.nameVi}${unitNote(chart.unit)}`,
      // The detail panel names the indicator and period beside the chart already; a line of title is enough there.
      subtext: compact
        ? undefined
        : isFlow
          ? `Các tháng năm ${chart.year} so với cùng tháng năm ${chart.year - 1}; lũy kế so với kế hoạch năm`
          : `Số công bố từng tháng năm ${chart.year} và năm ${chart.year - 1} (không cộng dồn)`,
      left: 8,
      top: 4,
      textStyle: { fontSize: compact ? 13 : 15, fontWeight: 600, width: compact ? 620 : 900, overflow: 'truncate' },
      subtextStyle: { fontSize: 12 },
    },
    legend: { bottom: 0, itemGap: 16 },
    tooltip: { trigger: 'axis', valueFormatter: valueText },
    // Beside the text of Báo cáo the legend of three or four series wraps to a second line; the wide panel keeps one.
    grid: {
      left: 12,
      right: 16,
      top: compact ? 40 : 76,
      bottom: compact || series.length < 3 ? 36 : 64,
      containLabel: true,
    },
    xAxis: {
      type: 'category',
      data: monthNames,
      axisLabel: { formatter: (name: string) => name.replace('Tháng ', 'T') },
    },
    yAxis: flow?.rightAxis
      ? [
          { ...valueAxis, name: 'Theo tháng' },
          { ...valueAxis, name: 'Lũy kế', splitLine: { show: false }, nameTextStyle: { align: 'right' } },
        ]
      : [
          isFlow
            ? { ...valueAxis, name: 'Theo tháng' }
            : {
                ...valueAxis,
                min: (e: AxisExtent) => Math.floor(Math.min(e.min, plan ?? e.min) - 1),
                max: (e: AxisExtent) => Math.ceil(Math.max(e.max, plan ?? e.max) + 1),
              },
        ],
    series,
  };
}
