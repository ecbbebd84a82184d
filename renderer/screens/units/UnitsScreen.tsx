import { App, Button, Space, Table } from 'antd';
import { useState } from 'react';
import { reportingUnitKindLabelsVi, type ReportingUnit } from '../../../shared/api/entities';
import { useApiMutation, useApiQuery } from '../../api/api';
import { UnitForm, type UnitFormResult } from './UnitForm';

const showDate = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '');

export function UnitsScreen() {
  const { message } = App.useApp();
  const units = useApiQuery('units.list', {});
  const create = useApiMutation('units.create');
  const update = useApiMutation('units.update');
  const [formOpen, setFormOpen] = useState(false);
  const [editing, setEditing] = useState<ReportingUnit | null>(null);
  const list = units.data ?? [];
  const nameOf = (id: number) => list.find((u) => u.id === id)?.name ?? `#${id}`;

  const submit = (values: UnitFormResult) => {
    const done = {
      onSuccess: () => {
        setFormOpen(false);
        void message.success(`Đã lưu đơn vị ${values.name}.`);
      },
      onError: (error: Error) => void message.error(error.message),
    };
    if (editing) update.mutate({ id: editing.id, patch: values }, done);
    else create.mutate(values, done);
  };

  return (
    <section aria-label="Đơn vị báo cáo">
      <Space style={{ marginBottom: 12 }}>
        <Button
          type="primary"
          onClick={() => {
            setEditing(null);
            setFormOpen(true);
          }}
        >
          Thêm đơn vị
        </Button>
      </Space>
      <Table<ReportingUnit>
        rowKey="id"
        size="small"
        loading={units.isLoading}
        dataSource={list}
        pagination={false}
        columns={[
          { title: 'Mã', dataIndex: 'code' },
          { title: 'Tên đơn vị', dataIndex: 'name' },
          { title: 'Loại', dataIndex: 'kind', render: (k: ReportingUnit['kind']) => reportingUnitKindLabelsVi[k] },
          { title: 'Trực thuộc', dataIndex: 'parentId', render: (id: number | null) => (id ? nameOf(id) : '') },
          { title: 'Hiệu lực từ', dataIndex: 'validFrom', render: showDate },
          { title: 'đến', dataIndex: 'validTo', render: showDate },
          { title: 'Tiền thân', dataIndex: 'predecessorIds', render: (ids: number[]) => ids.map(nameOf).join(', ') },
          {
            title: '',
            key: 'actions',
            render: (_: unknown, unit) => (
              <Button
                size="small"
                onClick={() => {
                  setEditing(unit);
                  setFormOpen(true);
                }}
              >
                Sửa
              </Button>
            ),
          },
        ]}
      />
      <UnitForm
        open={formOpen}
        editing={editing}
        units={list}
        saving={create.isPending || update.isPending}
        onCancel={() => setFormOpen(false)}
        onSubmit={submit}
      />
    </section>
  );
}
