import { Segmented, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState, type HTMLAttributes } from 'react';
import type { Indicator } from '../../../shared/api/entities';
import type { PreviewValue, ValueChange } from '../../../shared/api/import-entities';
import { statusWordsVi } from '../../../shared/import/roles';
import { showExact } from './import-figures';
import { changeWords } from './import-words';

type ChangeFilter = 'all' | 'new' | 'changed' | 'same' | 'other';

const filterOf = (change: ValueChange): ChangeFilter => (change === 'new' || change === 'changed' || change === 'same' ? change : 'other');

interface Props {
  values: readonly PreviewValue[];
  catalog: ReadonlyMap<string, Indicator>;
  /** Rows matched by an accepted suggestion: their figures are a guess until the clerk has looked. */
  suggestedRows: ReadonlySet<number>;
}

/** Every figure the sheet would write, beside the one stored now: new, changed or the same. */
export function ImportValuesTable({ values, catalog, suggestedRows }: Props) {
  const [filter, setFilter] = useState<ChangeFilter>('all');
  const counts = useMemo(() => {
    const c: Record<ChangeFilter, number> = { all: values.length, new: 0, changed: 0, same: 0, other: 0 };
    for (const v of values) c[filterOf(v.change)]++;
    return c;
  }, [values]);
  const shown = useMemo(() => (filter === 'all' ? values : values.filter((v) => filterOf(v.change) === filter)), [values, filter]);
  const decimalsOf = (code: string) => catalog.get(code)?.decimals ?? 0;
  const columns: TableColumnsType<PreviewValue> = [
    { title: 'Ô', dataIndex: 'cell', width: 64, render: (cell: string) => <span className="import-cell">{cell}</span> },
    {
      title: 'Chỉ tiêu',
      key: 'code',
      render: (_, v) => (
        <span>
          {catalog.get(v.code)?.nameVi ?? v.code} <Typography.Text type="secondary">({v.code})</Typography.Text>
          {suggestedRows.has(v.row) ? (
            <Tooltip title="Dòng trong tệp được ghép với chỉ tiêu này theo gợi ý gần đúng: xem lại trước khi nhập.">
              <Tag color="gold" className="import-suggested-tag">
                theo gợi ý
              </Tag>
            </Tooltip>
          ) : null}
        </span>
      ),
    },
    { title: 'Kỳ', dataIndex: 'label', width: 170 },
    { title: 'Trong tệp', dataIndex: 'shown', width: 130, className: 'import-num' },
    {
      title: 'Sẽ ghi',
      key: 'value',
      width: 150,
      className: 'import-num',
      render: (_, v) => (
        <span>
          <strong>{showExact(v.value, decimalsOf(v.code))}</strong>
          {v.status ? <div className="import-where">{statusWordsVi[v.status]}</div> : null}
        </span>
      ),
    },
    {
      title: 'Hiện có',
      key: 'current',
      width: 150,
      className: 'import-num',
      render: (_, v) =>
        v.current ? (
          <span className="import-current">
            {showExact(v.current.value, decimalsOf(v.code))}
            {v.current.status ? <div className="import-where">{statusWordsVi[v.current.status]}</div> : null}
          </span>
        ) : (
          <span className="import-current">—</span>
        ),
    },
    {
      title: 'Thay đổi',
      dataIndex: 'change',
      width: 140,
      render: (change: ValueChange) => (
        <Tooltip title={changeWords[change].hint}>
          <Tag color={changeWords[change].color}>{changeWords[change].text}</Tag>
        </Tooltip>
      ),
    },
  ];
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Segmented<ChangeFilter>
        size="small"
        value={filter}
        onChange={setFilter}
        options={[
          { value: 'all', label: `Tất cả (${counts.all})` },
          { value: 'new', label: `Mới (${counts.new})` },
          { value: 'changed', label: `Thay đổi (${counts.changed})` },
          { value: 'same', label: `Giữ nguyên (${counts.same})` },
          ...(counts.other > 0 ? [{ value: 'other' as const, label: `Khác (${counts.other})` }] : []),
        ]}
      />
      <Table<PreviewValue>
        size="small"
        rowKey={(v) => `${v.cell}|${v.code}|${v.target.kind === 'value' ? v.target.period : `${v.target.year}${v.target.level}`}`}
        columns={columns}
        dataSource={shown}
        pagination={shown.length > 50 ? { pageSize: 50, showSizeChanger: false, showTotal: (total) => `${total} số liệu` } : false}
        onRow={(v) => ({ 'data-cell': v.cell, 'data-change': v.change }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: 'Trang này không có số liệu nào để ghi' }}
      />
    </Space>
  );
}
