import { Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import type { PreviewColumn } from '../../../shared/api/import-entities';
import type { ColumnRole } from '../../../shared/import/roles';
import type { Period } from '../../../shared/periods/period';
import { choiceKeyOf, columnRoleChoices } from './import-column-roles';
import { columnHowWords } from './import-words';

interface Props {
  columns: readonly PreviewColumn[];
  report: Period | null;
  manual: ReadonlyMap<string, ColumnRole>;
  onMap(column: string, role: ColumnRole | undefined): void;
}

/** The columns of a sheet: what each heading was read as, and a hand choice where it was read wrongly or not at all. */
export function ImportColumnsTable({ columns, report, manual, onMap }: Props) {
  const choices = columnRoleChoices(report);
  const tableColumns: TableColumnsType<PreviewColumn> = [
    { title: 'Cột', dataIndex: 'column', width: 56, render: (c: string) => <span className="import-cell">{c}</span> },
    {
      title: 'Tiêu đề trong tệp',
      key: 'heading',
      render: (_, c) => (
        <span>
          {c.heading || <Typography.Text type="secondary">(không có tiêu đề)</Typography.Text>}
          {c.cell ? <span className="import-where"> · ô {c.cell}</span> : null}
        </span>
      ),
    },
    {
      title: 'Hiểu là',
      key: 'label',
      render: (_, c) => (
        <span>
          {c.role === null ? <Tag color="red">Không nhận ra</Tag> : c.label}
          {c.how ? <div className="import-where">{columnHowWords[c.how]}</div> : null}
        </span>
      ),
    },
    {
      title: 'Chọn tay',
      key: 'manual',
      width: 300,
      render: (_, c) => {
        const own = manual.get(c.column);
        return (
          <Select<string>
            aria-label={`Nội dung cột ${c.column}`}
            size="small"
            style={{ width: '100%' }}
            allowClear
            placeholder="Giữ như đã hiểu"
            value={own === undefined ? undefined : (choiceKeyOf(choices, own) ?? undefined)}
            onChange={(key: string | undefined) =>
              onMap(c.column, key === undefined ? undefined : choices.find((x) => x.key === key)?.role)
            }
            options={choices.map((x) => ({ value: x.key, label: x.label }))}
            popupMatchSelectWidth={false}
          />
        );
      },
    },
  ];
  return (
    <Table<PreviewColumn>
      size="small"
      rowKey="column"
      columns={tableColumns}
      dataSource={[...columns]}
      pagination={false}
      onRow={(c) => ({ 'data-column': c.column }) as HTMLAttributes<HTMLElement>}
      locale={{ emptyText: 'Không có cột nào' }}
    />
  );
}
