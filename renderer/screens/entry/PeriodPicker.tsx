import { DatePicker, Segmented, Select, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import {
  periodKindLabelVi,
  periodLabelVi,
  quarterRoman,
  type Period,
  type PeriodKind,
  type Quarter,
} from '../../../shared/periods/period';
import { subOf, withKind, withSub, withYear, ytdOptionLabel } from './period-choice';

const kinds: PeriodKind[] = ['month', 'quarter', 'ytd'];
const months = Array.from({ length: 12 }, (_, i) => i + 1);

function subOptions(kind: PeriodKind) {
  switch (kind) {
    case 'month':
      return months.map((m) => ({ value: m, label: `Tháng ${m}` }));
    case 'quarter':
      return ([1, 2, 3, 4] as Quarter[]).map((q) => ({ value: q, label: `Quý ${quarterRoman(q)}` }));
    case 'ytd':
      return [
        { label: 'Thường dùng', options: [6, 9, 12].map((m) => ({ value: m, label: ytdOptionLabel(m) })) },
        {
          label: 'Lũy kế từ đầu năm',
          options: months
            .filter((m) => m !== 6 && m !== 9 && m !== 12)
            .map((m) => ({ value: m, label: ytdOptionLabel(m) })),
        },
      ];
  }
}

interface Props {
  value: Period;
  onChange(p: Period): void;
}

/** Kind, then month / quarter / cumulative span, then year; the canonical label shows what was chosen. */
export function PeriodPicker({ value, onChange }: Props) {
  return (
    <Space size={6} wrap>
      <Segmented<PeriodKind>
        aria-label="Loại kỳ"
        value={value.kind}
        options={kinds.map((k) => ({ value: k, label: periodKindLabelVi(k) }))}
        onChange={(kind) => onChange(withKind(value, kind))}
      />
      <Select<number>
        aria-label="Kỳ trong năm"
        style={{ width: 160 }}
        value={subOf(value)}
        options={subOptions(value.kind)}
        onChange={(sub) => onChange(withSub(value, sub))}
        popupMatchSelectWidth={false}
      />
      <DatePicker
        aria-label="Năm"
        picker="year"
        allowClear={false}
        style={{ width: 96 }}
        value={dayjs(`${value.year}-01-01`)}
        onChange={(date) => {
          if (date !== null) onChange(withYear(value, date.year()));
        }}
      />
      <Tag color="blue" style={{ marginInlineEnd: 0 }}>
        {periodLabelVi(value)}
      </Tag>
    </Space>
  );
}
