import { Alert, Button, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { AppError } from '../../../shared/api/errors';
import {
  exportOpenErrorsSchema,
  overrideReasonSchema,
  type ExportOpenErrors,
} from '../../../shared/api/export-entities';
import { formatViNumber } from '../../../shared/numbers/vi-number';
import { validationHref } from '../../app/links';

/** The backend's refusal to export while validation errors stand: the errors of each unit. */
export type ExportRefusal = ExportOpenErrors;

/** A refusal for open errors, told apart from any other failure by its code and the shape of its details. */
export function refusalOf(error: unknown): ExportRefusal | null {
  if (!(error instanceof AppError) || error.code !== 'conflict') return null;
  const details = exportOpenErrorsSchema.safeParse(error.details);
  return details.success ? details.data : null;
}

interface Props {
  refusal: ExportRefusal;
  periodKey: string;
  periodLabel: string;
  exporting: boolean;
  onExportAnyway(reason: string): void;
}

/**
 * What goes up must not carry errors nobody looked at: the clerk sees how many stand, where to look at them,
 * and may still export by saying why; the reason is printed in a note on every sheet.
 */
export function ExportRefusalPanel({ refusal, periodKey, periodLabel, exporting, onExportAnyway }: Props) {
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const parsed = overrideReasonSchema.safeParse(reason);
  const problem = parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Lý do chưa hợp lệ.');
  const submit = () => {
    setTried(true);
    if (parsed.success) onExportAnyway(parsed.data);
  };
  const withErrors = refusal.units.filter((u) => u.openErrors > 0);
  return (
    <Alert
      className="export-refusal"
      type="warning"
      showIcon
      role="alert"
      title={`Chưa xuất: số liệu ${periodLabel} còn ${formatViNumber(refusal.openErrors, 0)} lỗi kiểm tra chưa xử lý`}
      description={
        <Space orientation="vertical" size={10} style={{ width: '100%' }}>
          <Typography.Text>
            Hãy sửa số liệu hoặc ghi lý do bỏ qua từng lỗi ở màn hình Kiểm tra. Nếu vẫn cần gửi ngay, hãy ghi lý do xuất
            khi còn lỗi: lý do được in trong ghi chú trên trang tính.
          </Typography.Text>
          <ul className="export-refusal-units" aria-label="Lỗi kiểm tra theo đơn vị">
            {withErrors.map((u) => (
              <li key={u.unitId}>
                <span>
                  {u.unitName}: <strong>{formatViNumber(u.openErrors, 0)} lỗi</strong>
                </span>
                <a href={validationHref(u.unitId, periodKey)}>Xem ở Kiểm tra</a>
              </li>
            ))}
          </ul>
          <Form layout="vertical" onFinish={submit} className="export-reason-form">
            <Form.Item
              label="Lý do vẫn xuất khi còn lỗi"
              htmlFor="export-reason"
              validateStatus={tried && problem !== null ? 'error' : undefined}
              help={
                tried && problem !== null
                  ? problem
                  : 'Ít nhất 5 ký tự, ví dụ: "Số liệu Cục Thống kê chưa công bố, gửi trước theo yêu cầu của lãnh đạo".'
              }
              style={{ marginBottom: 16 }}
            >
              <Input.TextArea
                id="export-reason"
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                autoSize={{ minRows: 2, maxRows: 5 }}
                maxLength={1000}
              />
            </Form.Item>
            <Button htmlType="submit" danger aria-label="Vẫn xuất kèm lý do" loading={exporting}>
              Vẫn xuất kèm lý do
            </Button>
          </Form>
        </Space>
      }
    />
  );
}
