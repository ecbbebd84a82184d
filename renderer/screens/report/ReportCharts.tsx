import { Select } from 'antd';
import { useState } from 'react';
import type { Indicator } from '../../../shared/api/entities';
import type { Report } from '../../../shared/api/report-entities';
import { parsePeriod } from '../../../shared/periods/period';
import { matchesFolded } from '../../../shared/text/fold-vietnamese';
import { IndicatorChart } from '../../charts/IndicatorChart';
import { PlanSharesChart } from '../../charts/PlanSharesChart';

interface Props {
  report: Report;
  /** The catalog in tree order. */
  indicators: readonly Indicator[];
}

/** The first flow the report writes about: its months make a chart worth looking at, where an index shows one dot. */
function firstChartedCode(report: Report, indicators: readonly Indicator[]): string | undefined {
  const kinds = new Map(indicators.map((i) => [i.code, i.kind]));
  const written = report.sections.flatMap((s) => s.sentences.map((x) => x.indicatorCode)).filter((c) => c !== null);
  return written.find((c) => kinds.get(c) === 'flow') ?? written[0] ?? indicators.find((i) => i.kind === 'flow')?.code;
}

/** The charts of the period beside the text: the share of plan per group, and one indicator's months. */
export function ReportCharts({ report, indicators }: Props) {
  const [chosen, setChosen] = useState<string | null>(null);
  const parsed = parsePeriod(report.period);
  const chartable = indicators.filter((i) => i.active && i.kind !== 'group');
  const code = chosen ?? firstChartedCode(report, indicators);
  return (
    <div className="report-charts" aria-label="Biểu đồ của kỳ">
      <PlanSharesChart periodKey={report.period} unitId={report.unitId} />
      <div className="report-indicator-chart">
        <label className="report-chart-choice">
          <span>Biểu đồ theo tháng của chỉ tiêu</span>
          <Select
            aria-label="Chỉ tiêu của biểu đồ"
            style={{ minWidth: 320, maxWidth: '100%' }}
            value={code}
            onChange={setChosen}
            popupMatchSelectWidth={false}
            showSearch={{ filterOption: (input, option) => matchesFolded(String(option?.label ?? ''), input) }}
            options={chartable.map((i) => ({
              value: i.code,
              label: `${i.stt ? `${i.stt}. ` : ''}${i.nameVi}${i.unit ? ` (${i.unit})` : ''}`,
            }))}
          />
        </label>
        {code === undefined || !parsed.ok ? null : (
          <IndicatorChart code={code} unitId={report.unitId} year={parsed.period.year} height={340} />
        )}
      </div>
    </div>
  );
}
