import { Checkbox, ConfigProvider, Input, Segmented, Space } from 'antd';
import { memo } from 'react';
import type { ReportingUnit } from '../../../shared/api/entities';
import { valueStatusLabelsVi, valueStatuses, type ValueStatus } from '../../../shared/api/values-entities';
import { formatPeriodKey, type Period } from '../../../shared/periods/period';
import { PeriodStateBar } from '../common/PeriodStateBar';
import { UnitSelect } from '../common/UnitSelect';
import { PeriodPicker } from './PeriodPicker';

interface Props {
  units: readonly ReportingUnit[];
  unitId: number | undefined;
  onUnitChange(id: number): void;
  period: Period;
  onPeriodChange(p: Period): void;
  newStatus: ValueStatus;
  onNewStatusChange(status: ValueStatus): void;
  query: string;
  onQueryChange(query: string): void;
  onlyWithFigures: boolean;
  onOnlyWithFiguresChange(only: boolean): void;
  onlyWithFindings: boolean;
  onOnlyWithFindingsChange(only: boolean): void;
}

/**
 * Memoised: moving through the grid changes the selected row, which must not redraw these controls. Small
 * controls leave the height of a 1366×768 screen to the grid's rows.
 */
export const EntryToolbar = memo(function EntryToolbar(props: Props) {
  return (
    <ConfigProvider componentSize="small">
      <div className="grid-toolbar">
        <UnitSelect units={props.units} value={props.unitId} onChange={props.onUnitChange} />
        <PeriodPicker value={props.period} onChange={props.onPeriodChange} />
        <Space size={6}>
          <span>Số mới nhập là</span>
          <Segmented<ValueStatus>
            aria-label="Trạng thái số liệu mới nhập"
            value={props.newStatus}
            options={valueStatuses.map((s) => ({ value: s, label: valueStatusLabelsVi[s] }))}
            onChange={props.onNewStatusChange}
          />
        </Space>
        <Input.Search
          allowClear
          aria-label="Lọc chỉ tiêu"
          placeholder="Lọc theo tên (gõ không dấu cũng được)"
          style={{ width: 240 }}
          value={props.query}
          onChange={(e) => props.onQueryChange(e.target.value)}
        />
        <Checkbox checked={props.onlyWithFigures} onChange={(e) => props.onOnlyWithFiguresChange(e.target.checked)}>
          Chỉ dòng có số liệu
        </Checkbox>
        <Checkbox checked={props.onlyWithFindings} onChange={(e) => props.onOnlyWithFindingsChange(e.target.checked)}>
          Chỉ dòng có phát hiện
        </Checkbox>
        <PeriodStateBar unitId={props.unitId} periodKey={formatPeriodKey(props.period)} />
      </div>
    </ConfigProvider>
  );
});
