import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Segmented, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import type { Indicator } from '../../../shared/api/entities';
import type { PreviewSheet, PreviewValue, ValueChange, ValueFilter } from '../../../shared/api/import-entities';
import { statusWordsVi } from '../../../shared/import/roles';
import { api } from '../../api/api';
import type { PreviewInput } from './import-choices';
import { showExact } from './import-figures';
import { changeWords } from './import-words';

type ShownFilter = Exclude<ValueFilter, 'not_same'>;

const pageSize = 50;

interface Props {
  /** The choices of the preview shown, the file and the sheet: the figures come from the backend a page at a time. */
  input: PreviewInput;
  fileId: string;
  sheet: PreviewSheet;
  catalog: ReadonlyMap<string, Indicator>;
  /** Rows matched by an accepted suggestion: their figures are a guess until the clerk has looked. */
  suggestedRows: ReadonlySet<number>;
}

/** Every figure the sheet would write, beside the one stored now: new, changed or the same. */
export function ImportValuesTable({ input, fileId, sheet, catalog, suggestedRows }: Props) {
  const [filter, setFilter] = useState<ShownFilter>('all');
  const [page, setPage] = useState(1);
  const c = sheet.valueChanges;
  const counts: Record<ShownFilter, number> = {
    all: Object.values(c).reduce((a, b) => a + b, 0),
    new: c.new,
    changed: c.changed,
    same: c.same,
    other: c.kept + c.duplicate + c.conflict,
  };
  const lastPage = Math.max(1, Math.ceil(counts[filter] / pageSize));
  const shownPage = Math.min(page, lastPage);
  const values = useQuery({
    // Under the preview's key, so that whatever drops or refreshes the preview does the same to its pages.
    queryKey: ['import.preview', input, 'values', fileId, sheet.name, filter, shownPage],
    queryFn: () =>
      api.call('import.values', {
        ...input,
        fileId,
        sheet: sheet.name,
        filter,
        offset: (shownPage - 1) * pageSize,
        limit: pageSize,
      }),
    enabled: counts[filter] > 0,
    placeholderData: keepPreviousData,
  });
  const shown: readonly PreviewValue[] = counts[filter] > 0 ? (values.data?.values ?? []) : [];
  const decimalsOf = (code: string) => catalog.get(code)?.decimals ?? 0;
  const columns: TableColumnsType<PreviewValue> = [
    { title: 'Ô', dataIndex: 'cell', width: 64, render: (cell: string) => <span className="import-cell">{cell}</span> },
    {
      title: 'Chỉ tiêu',
      key: 'code',
      render: (_, v) => (
        <span title={v.evidence}>
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
      <Segmented<ShownFilter>
        size="small"
        value={filter}
        onChange={(next) => {
          setFilter(next);
          setPage(1);
        }}
        options={[
          { value: 'all', label: `Tất cả (${counts.all})` },
          { value: 'new', label: `Mới (${counts.new})` },
          { value: 'changed', label: `Thay đổi (${counts.changed})` },
          { value: 'same', label: `Giữ nguyên (${counts.same})` },
          ...(counts.other > 0 ? [{ value: 'other' as const, label: `Khác (${counts.other})` }] : []),
        ]}
      />
      {values.error ? (
        <Alert type="error" showIcon role="alert" title="Không xem được số liệu" description={values.error.message} />
      ) : null}
      <Table<PreviewValue>
        size="small"
        rowKey={(v) =>
          `${v.cell}|${v.code}|${v.target.kind === 'value' ? v.target.period : `${v.target.year}${v.target.level}`}`
        }
        columns={columns}
        dataSource={shown as PreviewValue[]}
        loading={values.isFetching && values.isPlaceholderData}
        pagination={
          counts[filter] > pageSize
            ? {
                current: shownPage,
                pageSize,
                total: counts[filter],
                showSizeChanger: false,
                showTotal: (total) => `${total} số liệu`,
                onChange: setPage,
              }
            : false
        }
        onRow={(v) => ({ 'data-cell': v.cell, 'data-change': v.change }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: 'Trang này không có số liệu nào để ghi' }}
      />
    </Space>
  );
}
