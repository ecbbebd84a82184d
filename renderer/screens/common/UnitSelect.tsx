import { Select } from 'antd';
import { reportingUnitKindLabelsVi, type ReportingUnit } from '../../../shared/api/entities';
import { matchesFolded } from '../../../shared/text/fold-vietnamese';

interface Props {
  units: readonly ReportingUnit[];
  value: number | undefined;
  onChange(id: number): void;
}

export function UnitSelect({ units, value, onChange }: Props) {
  return (
    <Select
      aria-label="Đơn vị báo cáo"
      style={{ width: 200 }}
      value={value}
      onChange={onChange}
      popupMatchSelectWidth={false}
      showSearch={{ filterOption: (input, option) => matchesFolded(String(option?.label ?? ''), input) }}
      options={units.map((u) => ({
        value: u.id,
        label: u.name,
        title: `${u.name} (${reportingUnitKindLabelsVi[u.kind]})`,
      }))}
    />
  );
}
