import { LineChartOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { parsePeriod } from '../../shared/periods/period';
import './charts.css';

// The chart library is loaded the first time a chart is shown, not with the grid the clerk opens first.
const IndicatorChart = lazy(() => import('./IndicatorChart').then((m) => ({ default: m.IndicatorChart })));

// The clerk's choice outlives the row and the session: whoever wants the chart beside the grid keeps it.
const openKey = 'chitieu:panel-chart-open';

function initiallyOpen(): boolean {
  try {
    return window.localStorage.getItem(openKey) === '1';
  } catch {
    // Storage refused (a private window): the chart starts closed.
    return false;
  }
}

interface Props {
  code: string;
  unitId: number | undefined;
  periodKey: string;
}

/**
 * The selected indicator's chart in the grid's detail panel. The button sits under the indicator's name; closed,
 * the chart costs the grid neither height nor a request per row moved through.
 */
export function PanelIndicatorChart({ code, unitId, periodKey }: Props) {
  const [open, setOpen] = useState(initiallyOpen);
  const parsed = parsePeriod(periodKey);
  if (!parsed.ok) return null;
  const toggle = () => {
    const next = !open;
    setOpen(next);
    try {
      window.localStorage.setItem(openKey, next ? '1' : '0');
    } catch {
      // Storage refused: the choice holds until the app is closed.
    }
  };
  return (
    <>
      <Button
        className="panel-chart-toggle"
        size="small"
        type="link"
        icon={<LineChartOutlined />}
        aria-expanded={open}
        onClick={toggle}
      >
        {open ? 'Ẩn biểu đồ' : 'Xem biểu đồ các tháng'}
      </Button>
      {open ? (
        <div className="panel-chart">
          <Suspense fallback={<div className="chart-message">Đang vẽ biểu đồ…</div>}>
            <IndicatorChart code={code} unitId={unitId} year={parsed.period.year} height={210} compact />
          </Suspense>
        </div>
      ) : null}
    </>
  );
}
