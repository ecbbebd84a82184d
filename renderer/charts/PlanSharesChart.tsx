import { useMemo } from 'react';
import { useApiQuery } from '../api/api';
import { ChartFrame } from './ChartFrame';
import { planSharesChartHeight, planSharesOption } from './plan-shares-option';
import './charts.css';

interface Props {
  periodKey: string;
  unitId: number | undefined;
}

/** The share of the annual plan each indicator group has reached by the end of the period. */
export function PlanSharesChart({ periodKey, unitId }: Props) {
  const shares = useApiQuery('charts.planShares', { period: periodKey, unitId }, { staleTime: 0 });
  const option = useMemo(() => (shares.data ? planSharesOption(shares.data) : null), [shares.data]);
  if (shares.error) return <div className="chart-message">Không vẽ được biểu đồ: {shares.error.message}</div>;
  if (!shares.data || !option) return <div className="chart-message">Đang vẽ biểu đồ…</div>;
  if (shares.data.groups.length === 0) {
    return (
      <div className="chart-message">
        Chưa có chỉ tiêu nào vừa có kế hoạch năm vừa có số liệu lũy kế trong kỳ này, nên chưa có biểu đồ tỷ lệ thực hiện
        kế hoạch.
      </div>
    );
  }
  return (
    <ChartFrame
      option={option}
      label={`Biểu đồ tỷ lệ thực hiện kế hoạch ${shares.data.periodLabel}`}
      fileName={`ty-le-ke-hoach-${periodKey}`}
      height={planSharesChartHeight(shares.data)}
    />
  );
}
