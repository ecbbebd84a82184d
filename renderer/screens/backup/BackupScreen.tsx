import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Input,
  Modal,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type HTMLAttributes } from 'react';
import {
  backupKindLabelsVi,
  type BackupFile,
  type BackupResult,
  type BackupRestoreOutput,
} from '../../../shared/api/backup-entities';
import { backupContentsLinesVi, formatFileSizeVi } from '../../../shared/backup/backup-words';
import { formatViDateTime } from '../../../shared/text/date-time';
import { api } from '../../api/api';

const statusKey = ['backup.status'];

const triggerLabelsVi: Record<BackupResult['trigger'], string> = {
  manual: 'Sao lưu ngay',
  daily: 'tự động mỗi ngày',
  closing: 'tự động khi đóng ứng dụng',
  restore: 'trước khi khôi phục',
  command_line: 'lệnh chitieu backup',
};

const kindColors: Record<BackupFile['kind'], string> = { auto: 'blue', manual: 'green', before_restore: 'orange' };

/** The last backup's time, place and result; a failure stays on screen until a backup succeeds. */
function LastResult({ last }: { last: BackupResult | null }) {
  if (last === null) return <Alert type="warning" showIcon title="Chưa có lần sao lưu nào." />;
  const when = `${formatViDateTime(last.at)} (${triggerLabelsVi[last.trigger]})`;
  return (
    <Alert
      type={last.ok ? 'success' : 'error'}
      showIcon
      role={last.ok ? 'status' : 'alert'}
      title={
        last.ok ? `Lần sao lưu gần nhất: ${when}, thành công.` : `Lần sao lưu gần nhất: ${when}, KHÔNG thành công.`
      }
      description={
        <ul className="backup-places">
          {last.places.map((p) => (
            <li key={p.folder}>{p.error === null ? `${p.folder}: ${p.file}` : `${p.folder}: ${p.error}`}</li>
          ))}
        </ul>
      }
    />
  );
}

function SecondFolder({ current }: { current: string | null }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [text, setText] = useState(current ?? '');
  useEffect(() => setText(current ?? ''), [current]);
  const save = useMutation({
    mutationFn: (extraFolder: string | null) => api.call('backup.setFolder', { extraFolder }),
    onSuccess: async (_status, extraFolder) => {
      await queryClient.invalidateQueries({ queryKey: statusKey });
      void message.success(
        extraFolder === null
          ? 'Đã bỏ thư mục sao lưu thứ hai.'
          : `Từ nay mỗi bản sao lưu cũng được ghi vào ${extraFolder}.`,
      );
    },
  });
  // Over HTTP the backend may sit on another computer, whose folders the clerk cannot see: the desktop app chooses.
  if (window.chitieu === undefined) {
    return (
      <Typography.Text>
        {current === null ? 'Chưa chọn.' : current}{' '}
        <Typography.Text type="secondary">
          (chọn trong ứng dụng ChiTieu trên máy tính; trình duyệt không chọn được thư mục của máy chủ)
        </Typography.Text>
      </Typography.Text>
    );
  }
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          aria-label="Thư mục sao lưu thứ hai"
          placeholder="Ví dụ E:\SaoLuuChiTieu (ổ USB) hoặc \\may-chu\chung\ChiTieu"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <Button
          onClick={() => save.mutate(text.trim())}
          disabled={text.trim() === '' || text.trim() === current}
          loading={save.isPending}
        >
          Lưu thư mục
        </Button>
        {current === null ? null : (
          <Button onClick={() => save.mutate(null)} disabled={save.isPending}>
            Bỏ
          </Button>
        )}
      </Space.Compact>
      {save.error ? <Alert type="error" showIcon title="Chưa đổi thư mục" description={save.error.message} /> : null}
    </Space>
  );
}

/** What a backup holds, then a confirmation; the answer names the backup that undoes the restore. */
function RestoreDialog({
  backup,
  onClose,
  onRestored,
}: {
  backup: BackupFile;
  onClose(): void;
  onRestored(output: BackupRestoreOutput): void;
}) {
  const queryClient = useQueryClient();
  const source = { folder: backup.folder, name: backup.name };
  const contents = useQuery({
    queryKey: ['backup.inspect', source],
    queryFn: () => api.call('backup.inspect', source),
    retry: false,
    gcTime: 0,
  });
  const restore = useMutation({
    mutationFn: () => api.call('backup.restore', source),
    onSuccess: async (output) => {
      // Every figure, plan, rule and setting may have changed: nothing read before holds.
      await queryClient.invalidateQueries();
      onRestored(output);
    },
  });
  return (
    <Modal
      open
      title={`Khôi phục từ bản sao lưu ${formatViDateTime(backup.takenAt)}`}
      okText="Khôi phục"
      cancelText="Hủy"
      okButtonProps={{ danger: true, disabled: !contents.data }}
      confirmLoading={restore.isPending}
      onCancel={onClose}
      onOk={() => restore.mutate()}
      destroyOnHidden
      width={640}
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text code>{backup.name}</Typography.Text>
        {contents.isLoading ? <Typography.Text type="secondary">Đang đọc bản sao lưu…</Typography.Text> : null}
        {contents.error ? (
          <Alert type="error" showIcon title="Không khôi phục được từ tệp này" description={contents.error.message} />
        ) : null}
        {contents.data ? (
          <>
            <ul className="backup-contents" aria-label="Bản sao lưu chứa">
              {backupContentsLinesVi(contents.data).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            <Alert
              type="warning"
              showIcon
              title="Dữ liệu hiện tại sẽ được thay bằng dữ liệu của bản sao lưu này."
              description="Trước khi thay, ChiTieu sao lưu dữ liệu hiện tại (loại “trước khi khôi phục”); khôi phục bản đó là hoàn tác lần khôi phục này."
            />
          </>
        ) : null}
        {restore.error ? (
          <Alert type="error" showIcon role="alert" title="Chưa khôi phục" description={restore.error.message} />
        ) : null}
      </Space>
    </Modal>
  );
}

/** Sao lưu: backups now and on schedule, where they go, and restoring one of them. */
export function BackupScreen() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const status = useQuery({ queryKey: statusKey, queryFn: () => api.call('backup.status', {}) });
  const [restoring, setRestoring] = useState<BackupFile | null>(null);
  const [restored, setRestored] = useState<BackupRestoreOutput | null>(null);
  const make = useMutation({
    mutationFn: () => api.call('backup.make', {}),
    onSettled: () => queryClient.invalidateQueries({ queryKey: statusKey }),
    onSuccess: (made) => {
      if (made.result.ok) void message.success(`Đã sao lưu: ${made.files.map((f) => f.name).join(', ')}`);
    },
  });

  const columns: TableColumnsType<BackupFile> = [
    { title: 'Lúc', dataIndex: 'takenAt', width: 150, render: formatViDateTime },
    {
      title: 'Loại',
      dataIndex: 'kind',
      width: 160,
      render: (kind: BackupFile['kind']) => <Tag color={kindColors[kind]}>{backupKindLabelsVi[kind]}</Tag>,
    },
    {
      title: 'Nơi lưu',
      dataIndex: 'folder',
      width: 150,
      render: (folder: BackupFile['folder']) => (folder === 'data' ? 'Thư mục dữ liệu' : 'Thư mục thứ hai'),
    },
    { title: 'Kích thước', dataIndex: 'size', width: 110, align: 'right', render: formatFileSizeVi },
    { title: 'Tệp', dataIndex: 'name', ellipsis: true },
    {
      title: '',
      key: 'restore',
      width: 120,
      render: (_, b) => (
        <Button size="small" onClick={() => setRestoring(b)}>
          Khôi phục…
        </Button>
      ),
    },
  ];

  const data = status.data;
  return (
    <section aria-label="Sao lưu" style={{ maxWidth: 1100 }}>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card title="Sao lưu dữ liệu">
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <Space wrap>
              <Button type="primary" onClick={() => make.mutate()} loading={make.isPending}>
                Sao lưu ngay
              </Button>
              <Typography.Text type="secondary">
                Mỗi bản là một tệp trọn vẹn, đã kiểm tra toàn vẹn, mở được một mình. ChiTieu tự sao lưu mỗi ngày một lần
                và khi đóng
                {data ? `, giữ ${data.rotation.daily} bản theo ngày và ${data.rotation.monthly} bản theo tháng` : ''}.
              </Typography.Text>
            </Space>
            {make.error ? (
              <Alert
                type="error"
                showIcon
                role="alert"
                title="Sao lưu không thành công"
                description={make.error.message}
              />
            ) : null}
            {status.error ? (
              <Alert
                type="error"
                showIcon
                title="Không đọc được danh sách sao lưu"
                description={status.error.message}
              />
            ) : null}
            {data ? <LastResult last={data.last} /> : null}
            {restored ? (
              <Alert
                type="success"
                showIcon
                closable={{ onClose: () => setRestored(null) }}
                title={`Đã khôi phục dữ liệu từ ${restored.restored.file}.`}
                description={
                  restored.previousDamaged
                    ? `Dữ liệu trước khi khôi phục đã hỏng; tệp của nó được giữ nguyên trạng là ${restored.undoBackup.name} để hỗ trợ kỹ thuật xem, nhưng không khôi phục lại được.`
                    : `Dữ liệu trước khi khôi phục đã được sao lưu vào ${restored.undoBackup.name}; khôi phục bản đó (trong danh sách dưới đây) để hoàn tác.`
                }
              />
            ) : null}
            {data ? (
              <Descriptions size="small" column={1} bordered>
                <Descriptions.Item label="Thư mục sao lưu">{data.dataFolder}</Descriptions.Item>
                <Descriptions.Item label="Thư mục thứ hai (ổ USB, ổ mạng)">
                  <SecondFolder current={data.extraFolder} />
                </Descriptions.Item>
              </Descriptions>
            ) : null}
          </Space>
        </Card>
        <Card title="Các bản sao lưu" size="small">
          <Table<BackupFile>
            size="small"
            rowKey={(b) => `${b.folder}/${b.name}`}
            loading={status.isLoading}
            columns={columns}
            dataSource={data?.backups ?? []}
            locale={{ emptyText: 'Chưa có bản sao lưu nào.' }}
            pagination={(data?.backups.length ?? 0) > 15 ? { pageSize: 15, showSizeChanger: false } : false}
            onRow={(b) => ({ 'data-backup': b.name }) as HTMLAttributes<HTMLElement>}
          />
        </Card>
      </Space>
      {restoring ? (
        <RestoreDialog
          backup={restoring}
          onClose={() => setRestoring(null)}
          onRestored={(output) => {
            setRestoring(null);
            setRestored(output);
            void queryClient.invalidateQueries({ queryKey: statusKey });
          }}
        />
      ) : null}
    </section>
  );
}
