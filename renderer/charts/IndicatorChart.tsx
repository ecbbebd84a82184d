import { useMemo } from 'react';
import { useApiQuery } from '../api/api';
import { ChartFrame } from './ChartFrame';
import { indicatorChartOption } from './indicator-chart-option';
import './charts.css';

interface Props {
  code: string;
  unitId: number | undefined;
  year: number;
  height?: number;
  /** A smaller title, for the grid's detail panel. */
  compact?: boolean;
}

/** One indicator's months of the year against the same months of last year, with its plan. */
export function IndicatorChart({ code, unitId, year, height = 320, compact = false }: Props) {
  // Figures imported or keyed elsewhere change the chart: read afresh whenever it is shown again.
  const chart = useApiQuery('charts.indicator', { code, unitId, year }, { staleTime: 0 });
  const option = useMemo(
    () => (chart.data ? indicatorChartOption(chart.data, { compact }) : null),
    [chart.data, compact],
  );
  if (chart.error) return <div className="chart-message">Không vẽ được biểu đồ: {chart.error.message}</div>;
  if (!chart.data || !option)
    return (
      <div className="chart-message" style={{ height }}>
        Đang vẽ biểu đồ…
      </div>
    );
  if (chart.data.months.every((m) => m.value === null && m.samePeriod === null)) {
    return (
      <div className="chart-message" style={{ height }}>
        {chart.data.nameVi}: chưa có số liệu tháng nào của năm {year} hay năm {year - 1}, nên chưa có biểu đồ.
      </div>
    );
  }
  return (
    <ChartFrame
      option={option}
      label={`Biểu đồ ${chart.data.nameVi} năm ${year}`}
      fileName={`bieu-do-${code}-${year}`}
      height={height}
      actionsOver={compact}
    />
  );
}
