import { App, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { ReportedFinding } from '../../../shared/api/validation-entities';
import { useApiMutation } from '../../api/api';

type NotedFinding = Pick<ReportedFinding, 'key' | 'severity' | 'message' | 'note'>;

interface Props {
  finding: NotedFinding;
  unitId: number | undefined;
  periodKey: string;
}

const minReason = 3;

/**
 * A warning is settled by a comment, an error only by an override with a reason: the note is kept with who
 * wrote it and when. Information needs neither, so it gets no button.
 */
export function FindingNoteButton({ finding, unitId, periodKey }: Props) {
  const [open, setOpen] = useState(false);
  if (finding.severity === 'info') return null;
  const override = finding.severity === 'error';
  const noted = finding.note !== null && finding.note.kind === (override ? 'override' : 'comment');
  const label = override ? (noted ? 'Sửa lý do bỏ qua' : 'Bỏ qua có lý do') : noted ? 'Sửa ghi chú' : 'Ghi chú';
  return (
    <>
      <Button size="small" danger={override && !noted} onClick={() => setOpen(true)}>
        {label}
      </Button>
      {open ? (
        <NoteDialog
          finding={finding}
          unitId={unitId}
          periodKey={periodKey}
          initialText={noted ? (finding.note?.text ?? '') : ''}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </>
  );
}

interface DialogProps {
  finding: NotedFinding;
  unitId: number | undefined;
  periodKey: string;
  initialText: string;
  onClose(): void;
}

function NoteDialog({ finding, unitId, periodKey, initialText, onClose }: DialogProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ text: string }>();
  const note = useApiMutation('validation.note');
  const override = finding.severity === 'error';
  const submit = ({ text }: { text: string }) =>
    note.mutate(
      { unitId, period: periodKey, key: finding.key, kind: override ? 'override' : 'comment', text: text.trim() },
      {
        onSuccess: () => {
          void message.success(override ? 'Đã bỏ qua lỗi; lý do được ghi lại.' : 'Đã lưu ghi chú cho cảnh báo.');
          onClose();
        },
        onError: (error) => void message.error(error.message),
      },
    );
  return (
    <Modal
      open
      title={override ? 'Bỏ qua lỗi có lý do' : 'Ghi chú cho cảnh báo'}
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={note.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
      width={560}
    >
      <Typography.Paragraph type="secondary">{finding.message}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ text: initialText }} onFinish={submit}>
        <Form.Item
          name="text"
          label={override ? 'Lý do bỏ qua' : 'Ghi chú'}
          extra={
            override
              ? 'Lỗi đã bỏ qua không còn chặn xuất báo cáo; lý do được lưu cùng tên người ghi và thời điểm.'
              : 'Cảnh báo đã ghi chú được coi là đã xem xét.'
          }
          rules={[
            {
              validator: (_rule, value: string | undefined) =>
                (value ?? '').trim().length >= minReason
                  ? Promise.resolve()
                  : Promise.reject(
                      new Error(`Hãy ghi rõ ${override ? 'lý do' : 'nội dung ghi chú'} (ít nhất ${minReason} ký tự).`),
                    ),
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={2000} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
