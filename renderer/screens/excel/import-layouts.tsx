import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Popconfirm, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { ImportLayout } from '../../../shared/api/import-entities';
import { api } from '../../api/api';

const layoutsKey = ['import.layouts.list'] as const;

/**
 * The layouts whose rows and columns the clerk mapped by hand, applied again to the next workbook of the same
 * layout. A mapping made by mistake would repeat itself month after month, so each one can be forgotten here.
 */
export function ImportLayouts() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const layouts = useQuery({ queryKey: layoutsKey, queryFn: () => api.call('import.layouts.list', {}) });
  const forget = useMutation({
    mutationFn: (signature: string) => api.call('import.layouts.forget', { signature }),
    onSuccess: async (_, signature) => {
      const sheet = layouts.data?.find((l) => l.signature === signature)?.sheet ?? '';
      // The open preview applied the forgotten mapping: it is planned again without it.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: layoutsKey }),
        queryClient.invalidateQueries({ queryKey: ['import.preview'] }),
      ]);
      void message.success(`Đã quên cách ghép của mẫu biểu “${sheet}”.`);
    },
    onError: (error) => void message.error(error.message),
  });

  if (!layouts.isLoading && (layouts.data?.length ?? 0) === 0 && !layouts.error) return null;

  const columns: TableColumnsType<ImportLayout> = [
    { title: 'Trang tính', dataIndex: 'sheet', width: 180 },
    { title: 'Từ tệp', dataIndex: 'file' },
    {
      title: 'Các cột',
      key: 'headings',
      width: 110,
      render: (_, l) => (
        <Tooltip
          title={
            <div className="import-layout-headings">
              {l.headings.map((h) => (
                <div key={h}>{h}</div>
              ))}
            </div>
          }
        >
          <span className="import-layout-count">{l.headings.length} cột</span>
        </Tooltip>
      ),
    },
    { title: 'Ghép tay', key: 'mapped', width: 160, render: (_, l) => `${l.rows} dòng, ${l.columns} cột` },
    {
      title: 'Lần cuối',
      key: 'updated',
      width: 200,
      render: (_, l) => `${dayjs(l.updatedAt).format('HH:mm DD/MM/YYYY')}${l.updatedBy ? ` · ${l.updatedBy}` : ''}`,
    },
    {
      title: '',
      key: 'forget',
      width: 90,
      render: (_, l) => (
        <Popconfirm
          title={`Quên cách ghép của “${l.sheet}”?`}
          description="Lần nhập sau, các dòng và cột của mẫu biểu này được nhận ra lại từ đầu."
          okText="Quên"
          cancelText="Không"
          onConfirm={() => forget.mutateAsync(l.signature).catch(() => undefined)}
        >
          <Button size="small" loading={forget.isPending && forget.variables === l.signature}>
            Quên
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <Card size="small" title="Mẫu biểu đã nhớ cách ghép">
      {layouts.error ? <Typography.Text type="danger">{layouts.error.message}</Typography.Text> : null}
      <Table<ImportLayout>
        size="small"
        rowKey="signature"
        loading={layouts.isLoading}
        columns={columns}
        dataSource={layouts.data ?? []}
        pagination={(layouts.data?.length ?? 0) > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      />
    </Card>
  );
}
