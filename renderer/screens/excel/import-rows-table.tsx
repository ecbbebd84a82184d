import { Button, Segmented, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState, type HTMLAttributes } from 'react';
import type { Indicator } from '../../../shared/api/entities';
import type { PreviewRow, RowState } from '../../../shared/api/import-entities';
import { confidenceText } from './import-figures';
import { IndicatorSelect } from './import-indicator-select';
import { matchHowWords, rowStateWords } from './import-words';

type RowFilter = 'all' | 'todo' | 'matched';

const todoStates: ReadonlySet<RowState> = new Set(['suggested', 'unrecognized', 'unit_mismatch']);

interface Props {
  rows: readonly PreviewRow[];
  catalog: readonly Indicator[];
  /** The hand mappings of this sheet by row number (null: not imported). */
  manual: ReadonlyMap<number, string | null>;
  onMap(row: number, code: string | null | undefined): void;
}

function MatchCell({ row, onMap }: { row: PreviewRow; onMap(code: string | null): void }) {
  if (row.match) {
    return (
      <div>
        <div>
          {row.match.nameVi} <Typography.Text type="secondary">({row.match.code})</Typography.Text>
        </div>
        <span className="import-where">
          {matchHowWords[row.match.how]}
          {row.match.confidence === null ? '' : `, ${confidenceText(row.match.confidence)}`}
          {row.conversion ? ` · đổi ${row.conversion.from} → ${row.conversion.to} (${row.conversion.text})` : ''}
        </span>
        {row.note ? (
          <div className="import-where" style={{ color: '#d4380d' }}>
            {row.note}
          </div>
        ) : null}
        {row.evidence ? <div className="import-where import-evidence">{row.evidence}</div> : null}
      </div>
    );
  }
  if (row.state === 'suggested' && row.suggestions.length > 0) {
    return (
      <Space orientation="vertical" size={4}>
        {row.suggestions.slice(0, 3).map((s) => (
          <div key={s.code} className="import-suggestion">
            <span>
              Gợi ý: {s.nameVi}{' '}
              <Typography.Text type="secondary">
                ({s.code}, {confidenceText(s.confidence)})
              </Typography.Text>
            </span>
            <Button size="small" onClick={() => onMap(s.code)} aria-label={`Nhận gợi ý ${s.code} cho dòng ${row.row}`}>
              Nhận
            </Button>
          </div>
        ))}
        <Button
          size="small"
          type="text"
          className="import-reject"
          onClick={() => onMap(null)}
          aria-label={`Bỏ qua dòng ${row.row}`}
        >
          Không nhận gợi ý, bỏ qua dòng
        </Button>
      </Space>
    );
  }
  return row.note ? (
    <span className="import-where">{row.note}</span>
  ) : (
    <Typography.Text type="secondary">—</Typography.Text>
  );
}

/** The indicator rows of a sheet: how each was recognized, or why not, with a hand mapping beside each. */
export function ImportRowsTable({ rows, catalog, manual, onMap }: Props) {
  const [filter, setFilter] = useState<RowFilter>('all');
  const todo = rows.filter((r) => todoStates.has(r.state)).length;
  const matched = rows.filter((r) => r.state === 'matched').length;
  const shown = useMemo(
    () =>
      filter === 'all'
        ? rows
        : rows.filter((r) => (filter === 'todo' ? todoStates.has(r.state) : r.state === 'matched')),
    [rows, filter],
  );
  const columns: TableColumnsType<PreviewRow> = [
    { title: 'Ô', dataIndex: 'cell', width: 64, render: (cell: string) => <span className="import-cell">{cell}</span> },
    { title: 'STT', dataIndex: 'stt', width: 56 },
    {
      title: 'Tên trong tệp',
      dataIndex: 'name',
      render: (name: string) => name || <Typography.Text type="secondary">(trống)</Typography.Text>,
    },
    { title: 'ĐVT', dataIndex: 'unit', width: 100 },
    {
      title: 'Trạng thái',
      dataIndex: 'state',
      width: 130,
      render: (state: RowState) => <Tag color={rowStateWords[state].color}>{rowStateWords[state].text}</Tag>,
    },
    {
      title: 'Chỉ tiêu nhận ra',
      key: 'match',
      render: (_, row) => <MatchCell row={row} onMap={(code) => onMap(row.row, code)} />,
    },
    {
      title: (
        <Tooltip title="Chọn chỉ tiêu cho dòng này; tên trong tệp được thêm làm tên gọi khác, và biểu này được nhớ cho lần nhập sau.">
          Chọn tay
        </Tooltip>
      ),
      key: 'manual',
      width: 260,
      render: (_, row) => (
        <IndicatorSelect
          catalog={catalog}
          label={`Chỉ tiêu cho dòng ${row.row}`}
          value={manual.get(row.row)}
          onChange={(code) => onMap(row.row, code)}
        />
      ),
    },
  ];
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Segmented<RowFilter>
        size="small"
        value={filter}
        onChange={setFilter}
        options={[
          { value: 'all', label: `Tất cả (${rows.length})` },
          { value: 'todo', label: `Cần xem (${todo})` },
          { value: 'matched', label: `Đã nhận ra (${matched})` },
        ]}
      />
      <Table<PreviewRow>
        size="small"
        rowKey="row"
        columns={columns}
        dataSource={shown}
        pagination={
          shown.length > 50 ? { pageSize: 50, showSizeChanger: false, showTotal: (total) => `${total} dòng` } : false
        }
        rowClassName={(row) => `import-row-${row.state}`}
        onRow={(row) => ({ 'data-row': row.row }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: 'Không có dòng nào' }}
      />
    </Space>
  );
}
