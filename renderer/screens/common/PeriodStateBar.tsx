import { App, Button, Input, Modal, Popconfirm, Space, Tag } from 'antd';
import { useState } from 'react';
import { periodActionLabelsVi, type PeriodAction, type PeriodStatus } from '../../../shared/api/period-state-entities';
import { periodStateLineVi, type PeriodStateName } from '../../../shared/periods/period-lock';
import { useApiMutation, useApiQuery } from '../../api/api';

interface Props {
  unitId: number | undefined;
  periodKey: string;
  /** The buttons Gửi, Duyệt, Khóa sổ, Mở khóa; without them, only the state (Kiểm tra). There are no roles yet. */
  withActions?: boolean;
}

const stateColors: Readonly<Record<PeriodStateName, string>> = {
  entry: 'default',
  submitted: 'processing',
  approved: 'warning',
  locked: 'error',
};

/** The state that counts for editing: the period's own, or that of the closed period it lies in. */
function shownState(status: PeriodStatus): PeriodStateName {
  return status.lock?.state ?? status.state;
}

const confirmTextVi: Readonly<Partial<Record<PeriodAction, string>>> = {
  approve: 'Sau khi duyệt, số liệu của kỳ không sửa, dán, nhập hay hoàn tác được nữa cho đến khi mở khóa.',
  lock: 'Sau khi khóa sổ, số liệu của kỳ (và các tháng, quý nằm trong nó) không sửa, dán, nhập hay hoàn tác được nữa cho đến khi mở khóa.',
};

/** Where the unit's period stands (Đang nhập, Đã gửi, Đã duyệt, Đã khóa sổ) with who and when, and the next steps. */
export function PeriodStateBar({ unitId, periodKey, withActions = true }: Props) {
  const { message } = App.useApp();
  const status = useApiQuery('periods.status', { unitId, period: periodKey }, { enabled: unitId !== undefined });
  const submit = useApiMutation('periods.submit');
  const approve = useApiMutation('periods.approve');
  const lock = useApiMutation('periods.lock');
  const reopen = useApiMutation('periods.reopen');
  const [reopening, setReopening] = useState(false);
  const [reason, setReason] = useState('');
  const s = status.data;
  if (!s) return null;

  const onError = (error: Error) => void message.error(error.message);
  const step = (action: Exclude<PeriodAction, 'reopen'>) => {
    const mutation = { submit, approve, lock }[action];
    mutation.mutate(
      { unitId: s.unitId, period: s.period },
      { onSuccess: (next) => void message.success(`${next.periodLabel}: ${periodStateLineVi(next)}.`), onError },
    );
  };
  const sendReopen = () =>
    reopen.mutate(
      { unitId: s.unitId, period: s.period, reason },
      {
        onSuccess: (next) => {
          void message.success(`Đã mở khóa ${next.periodLabel}.`);
          setReopening(false);
          setReason('');
        },
        onError,
      },
    );
  const pending = submit.isPending || approve.isPending || lock.isPending || reopen.isPending;

  return (
    <Space size={6} wrap className="period-state" aria-label="Tình trạng kỳ báo cáo">
      <Tag color={stateColors[shownState(s)]} title={s.note ?? undefined}>
        {periodStateLineVi(s)}
      </Tag>
      {withActions
        ? s.actions.map((action) => {
            if (action === 'reopen') {
              return (
                <Button key={action} size="small" disabled={pending} onClick={() => setReopening(true)}>
                  {periodActionLabelsVi[action]}
                </Button>
              );
            }
            const confirm = confirmTextVi[action];
            const button = (
              <Button
                key={action}
                size="small"
                type={action === 'lock' ? 'primary' : 'default'}
                disabled={pending}
                onClick={confirm ? undefined : () => step(action)}
              >
                {periodActionLabelsVi[action]}
              </Button>
            );
            return confirm ? (
              <Popconfirm
                key={action}
                title={`${periodActionLabelsVi[action]} ${s.periodLabel}?`}
                description={confirm}
                okText={periodActionLabelsVi[action]}
                cancelText="Hủy"
                onConfirm={() => step(action)}
              >
                {button}
              </Popconfirm>
            ) : (
              button
            );
          })
        : null}
      <Modal
        open={reopening}
        title={`Mở khóa ${s.periodLabel}`}
        okText="Mở khóa"
        cancelText="Hủy"
        okButtonProps={{ disabled: reason.trim() === '' }}
        confirmLoading={reopen.isPending}
        onCancel={() => setReopening(false)}
        onOk={sendReopen}
        destroyOnHidden
      >
        <p>Kỳ trở lại Đang nhập. Lý do được ghi vào nhật ký của kỳ cùng người và giờ mở khóa.</p>
        <Input.TextArea
          aria-label="Lý do mở khóa"
          autoSize={{ minRows: 2, maxRows: 5 }}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </Space>
  );
}

/** The same state as a line of text, for the report as it will read on paper. */
export function PeriodStateLine({ unitId, periodKey }: Omit<Props, 'withActions'>) {
  const status = useApiQuery('periods.status', { unitId, period: periodKey });
  return status.data ? <p className="report-subtitle">Tình trạng: {periodStateLineVi(status.data)}</p> : null;
}
