import { Alert, App, Button, Card, Popconfirm, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { HTMLAttributes } from 'react';
import type { ImportRecord } from '../../../shared/api/import-entities';
import { periodKeyLabelVi } from '../../../shared/periods/period';
import { formatViDateTime } from '../../../shared/text/date-time';
import { api } from '../../api/api';
import { useAfterImportWrite } from './import-refresh';

/** Every import, newest first, each undone as a whole after the clerk confirms; `onUndone` hears of each undo. */
export function ImportHistory({ onUndone }: { onUndone(importId: number): void }) {
  const { message } = App.useApp();
  const history = useQuery({ queryKey: ['import.history'], queryFn: () => api.call('import.history', { limit: 100 }) });
  const refresh = useAfterImportWrite();
  const undo = useMutation({
    mutationFn: (importId: number) => api.call('import.undo', { importId }),
    onSuccess: async (result, importId) => {
      onUndone(importId);
      await refresh();
      void message.success(`Đã hoàn tác lần nhập số ${importId}: ${result.changed} số liệu trở về như trước khi nhập.`);
    },
  });

  const columns: TableColumnsType<ImportRecord> = [
    { title: 'Lần', dataIndex: 'importId', width: 56 },
    { title: 'Lúc', dataIndex: 'at', width: 140, render: formatViDateTime },
    {
      title: 'Người nhập',
      dataIndex: 'who',
      width: 150,
      render: (who: string) => who || <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      title: 'Tệp',
      key: 'files',
      render: (_, r) => (
        <ul className="import-history-files">
          {r.files.map((f) => (
            <li key={`${f.sha256}|${f.unitId}|${f.period}`}>
              {f.name}{' '}
              <span className="import-where">
                · {f.unitName} · {periodKeyLabelVi(f.period)} · {f.changed} số liệu
              </span>
            </li>
          ))}
        </ul>
      ),
    },
    { title: 'Số liệu ghi', dataIndex: 'changed', width: 100, className: 'import-num' },
    {
      title: '',
      key: 'undo',
      width: 200,
      render: (_, r) =>
        r.undone ? (
          <Tag title={`${r.undone.who} hoàn tác lúc ${formatViDateTime(r.undone.at)}`}>
            Đã hoàn tác {formatViDateTime(r.undone.at)}
          </Tag>
        ) : (
          <Popconfirm
            title={`Hoàn tác lần nhập số ${r.importId}?`}
            description={`${r.changed} số liệu sẽ trở về như trước khi nhập.`}
            okText="Hoàn tác"
            cancelText="Không"
            okButtonProps={{ danger: true }}
            onConfirm={() => undo.mutateAsync(r.importId).catch(() => undefined)}
          >
            <Button size="small" danger loading={undo.isPending && undo.variables === r.importId}>
              Hoàn tác
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Card size="small" title="Lịch sử nhập">
      {history.error ? <Typography.Text type="danger">{history.error.message}</Typography.Text> : null}
      {/* A refused undo stays on screen: it says which later change to take back first. */}
      {undo.error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          closable={{ onClose: () => undo.reset() }}
          title={`Không hoàn tác được lần nhập số ${undo.variables}`}
          description={undo.error.message}
        />
      ) : null}
      <Table<ImportRecord>
        size="small"
        rowKey="importId"
        loading={history.isLoading}
        columns={columns}
        dataSource={history.data ?? []}
        pagination={(history.data?.length ?? 0) > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        onRow={(r) => ({ 'data-import': r.importId }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: 'Chưa nhập tệp nào' }}
      />
    </Card>
  );
}
