import type { DefaultLabelFormatterCallbackParams, TooltipComponentFormatterCallbackParams } from 'echarts';
import type { PlanShare, PlanShares } from '../../shared/api/chart-entities';
import { formatViNumber } from '../../shared/numbers/vi-number';
import { axisNumber, escapeHtml, figureWithUnit } from './chart-numbers';
import { chartColors, chartFont } from './chart-style';
import type { ChartOption } from './echarts-setup';

/** One bar of the chart: a group's own row (bold, numbered as in the catalog) or one of its members. */
export interface PlanShareBar {
  label: string;
  heading: boolean;
  share: PlanShare | null;
}

/**
 * The bars top to bottom in catalog order: each group's heading ("V. Tổng kim ngạch xuất nhập khẩu") carries its
 * own share where it has one, and its members follow beneath it; a group without a figure of its own (the key
 * products) keeps its heading as a label with no bar, so the products are seen as one group.
 */
export function planShareBars(shares: PlanShares): PlanShareBar[] {
  const bars: PlanShareBar[] = [];
  for (const group of shares.groups) {
    const own = group.items.find((i) => i.code === group.code) ?? null;
    bars.push({ label: group.stt === '' ? group.nameVi : `${group.stt}. ${group.nameVi}`, heading: true, share: own });
    for (const item of group.items)
      if (item.code !== group.code) bars.push({ label: item.nameVi, heading: false, share: item });
  }
  return bars;
}

export const planShareBarHeight = 30;

/** Enough height for every bar and the title, legend and axis around them. */
export function planSharesChartHeight(shares: PlanShares): number {
  return Math.max(220, planShareBars(shares).length * planShareBarHeight + 130);
}

function tooltipOf(bar: PlanShareBar): string {
  if (!bar.share) return escapeHtml(bar.label);
  const { ytd, plan, unit, decimals, pctOfPlan, onSchedule } = bar.share;
  return [
    `<b>${escapeHtml(bar.label)}</b>`,
    `Lũy kế: ${escapeHtml(figureWithUnit(ytd, decimals, unit))}`,
    `Kế hoạch năm: ${escapeHtml(figureWithUnit(plan, decimals, unit))}`,
    `Đạt ${formatViNumber(pctOfPlan, 1)}% kế hoạch, ${onSchedule ? 'đạt tiến độ' : 'chậm tiến độ'}`,
  ].join('<br/>');
}

export function planSharesOption(shares: PlanShares): ChartOption {
  const bars = planShareBars(shares);
  const highest = Math.max(100, ...bars.map((b) => b.share?.pctOfPlan ?? 0));
  const due = formatViNumber(shares.elapsedPct, 1);
  return {
    // Figures, not a show: drawn at once, so what is on screen is what the PNG holds at any moment.
    animation: false,
    textStyle: chartFont,
    title: {
      text: `Tỷ lệ thực hiện kế hoạch năm, ${shares.periodLabel.charAt(0).toLowerCase()}${shares.periodLabel.slice(1)}`,
      subtext: `Lũy kế từ đầu năm so với kế hoạch giao; tiến độ ${due}% (${formatViNumber(shares.elapsedPct * 0.12, 0)}/12 tháng)`,
      left: 8,
      top: 4,
      textStyle: { fontSize: 15, fontWeight: 600 },
      subtextStyle: { fontSize: 12 },
    },
    tooltip: {
      trigger: 'item',
      formatter: (params: TooltipComponentFormatterCallbackParams) => {
        const bar = Array.isArray(params) ? undefined : bars[params.dataIndex];
        return bar ? tooltipOf(bar) : '';
      },
    },
    legend: { bottom: 0, data: ['Đạt tiến độ', 'Chậm tiến độ'], selectedMode: false },
    // The schedule and plan lines are labelled above the first bar (the category axis runs top down).
    grid: { left: 12, right: 56, top: 84, bottom: 40, containLabel: true },
    xAxis: {
      type: 'value',
      min: 0,
      max: Math.ceil(highest / 10) * 10,
      axisLabel: { formatter: (v: number) => `${axisNumber(v)}%` },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: bars.map((b) => ({ value: b.label, textStyle: b.heading ? { fontWeight: 'bold' } : {} })),
      axisLabel: { width: 260, overflow: 'truncate', formatter: (label: string) => label },
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        name: 'Đạt tiến độ',
        stack: 'share',
        barWidth: 16,
        data: bars.map((b) =>
          b.share === null
            ? null
            : {
                value: b.share.pctOfPlan,
                itemStyle: { color: b.share.onSchedule ? chartColors.onSchedule : chartColors.behindSchedule },
              },
        ),
        itemStyle: { color: chartColors.onSchedule },
        label: {
          show: true,
          position: 'right',
          formatter: (p: DefaultLabelFormatterCallbackParams) => {
            const share = bars[p.dataIndex]?.share;
            return share ? `${formatViNumber(share.pctOfPlan, 1)}%` : '';
          },
        },
        markLine: {
          symbol: 'none',
          silent: true,
          data: [
            {
              xAxis: shares.elapsedPct,
              lineStyle: { color: chartColors.schedule, type: 'dashed', width: 1.5 },
              label: { formatter: `Tiến độ ${due}%`, position: 'start' },
            },
            {
              xAxis: 100,
              lineStyle: { color: chartColors.plan, type: 'solid', width: 1.5 },
              label: { formatter: 'Kế hoạch năm', position: 'start' },
            },
          ],
        },
      },
      // Only lends the legend its second colour; it has no bars of its own.
      { type: 'bar', name: 'Chậm tiến độ', stack: 'share', data: [], itemStyle: { color: chartColors.behindSchedule } },
    ],
  };
}
