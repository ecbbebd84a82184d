import { Select } from 'antd';
import { useMemo } from 'react';
import type { Indicator } from '../../../shared/api/entities';
import { matchesFolded } from '../../../shared/text/fold-vietnamese';

/** The option that means "leave this row out"; real codes never start with a dash. */
export const skipRowValue = '-';

interface Props {
  catalog: readonly Indicator[];
  /** The row's hand mapping: a code, null for "do not import", undefined for none. */
  value: string | null | undefined;
  onChange(code: string | null | undefined): void;
  label: string;
}

/**
 * The catalog as a searchable list for mapping a row by hand. Clerks type without diacritics ("ban le"), or a
 * code, or a name the catalog keeps as an alias; the list is long, so antd draws only what is in view.
 */
export function IndicatorSelect({ catalog, value, onChange, label }: Props) {
  const options = useMemo(
    () => [
      { value: skipRowValue, label: 'Không nhập dòng này', search: 'khong nhap bo qua' },
      ...catalog.map((i) => ({
        value: i.code,
        label: `${i.nameVi}${i.unit === '' ? '' : ` (${i.unit})`} · ${i.code}`,
        search: [i.code, i.nameVi, i.unit, ...i.aliases].join(' '),
      })),
    ],
    [catalog],
  );
  return (
    <Select
      aria-label={label}
      size="small"
      style={{ width: '100%', minWidth: 220 }}
      placeholder="Chọn chỉ tiêu…"
      allowClear
      popupMatchSelectWidth={420}
      value={value === null ? skipRowValue : value}
      onChange={(next: string | undefined) =>
        onChange(next === undefined ? undefined : next === skipRowValue ? null : next)
      }
      showSearch={{ filterOption: (input, option) => matchesFolded(option?.search ?? '', input) }}
      options={options}
      notFoundContent="Không có chỉ tiêu nào khớp"
    />
  );
}
