import { App, Button, Card, Descriptions, Form, Input } from 'antd';
import { useEffect } from 'react';
import type { SettingsPatch } from '../../../shared/api/entities';
import { useApiMutation, useApiQuery } from '../../api/api';

const fields: { name: keyof SettingsPatch; label: string; placeholder?: string; lines?: true }[] = [
  { name: 'provinceName', label: 'Tên UBND tỉnh (dòng đầu biểu)', placeholder: 'UBND TỈNH TÂY NINH' },
  { name: 'departmentName', label: 'Tên cơ quan', placeholder: 'SỞ CÔNG THƯƠNG' },
  { name: 'placeName', label: 'Địa danh ghi ở dòng ngày tháng', placeholder: 'Tây Ninh' },
  { name: 'formNumber', label: 'Số biểu', placeholder: 'Biểu số 01/SCT' },
  { name: 'officeSymbol', label: 'Chữ viết tắt của cơ quan trong số văn bản (Số: …/BC-SCT)', placeholder: 'SCT' },
  { name: 'preparerName', label: 'Người lập biểu' },
  {
    name: 'headTitle',
    label: 'Chức danh thủ trưởng (Enter để xuống dòng: KT. GIÁM ĐỐC, rồi PHÓ GIÁM ĐỐC)',
    placeholder: 'GIÁM ĐỐC',
    lines: true,
  },
  { name: 'headName', label: 'Họ tên thủ trưởng' },
  { name: 'clerkName', label: 'Tên người nhập liệu (ghi vào nhật ký thay đổi)' },
  {
    name: 'recipients',
    label: 'Nơi nhận của báo cáo (mỗi dòng một nơi)',
    placeholder: 'Bộ Công Thương;\nUBND tỉnh;\nLưu: VT.',
    lines: true,
  },
];

export function SettingsScreen() {
  const { message } = App.useApp();
  const settings = useApiQuery('settings.get', {});
  const info = useApiQuery('app.info', {});
  const save = useApiMutation('settings.set');
  const [form] = Form.useForm<SettingsPatch>();
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  return (
    <section aria-label="Cài đặt" style={{ maxWidth: 760 }}>
      <Card title="Thông tin đơn vị và người ký" style={{ marginBottom: 16 }}>
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) =>
            save.mutate(values, {
              onSuccess: () => void message.success('Đã lưu cài đặt.'),
              onError: (error) => void message.error(error.message),
            })
          }
        >
          {fields.map((f) => (
            <Form.Item key={f.name} name={f.name} label={f.label}>
              {f.lines ? (
                <Input.TextArea placeholder={f.placeholder} autoSize={{ minRows: 1, maxRows: 3 }} />
              ) : (
                <Input placeholder={f.placeholder} />
              )}
            </Form.Item>
          ))}
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            Lưu cài đặt
          </Button>
        </Form>
      </Card>
      <Card title="Truy cập qua mạng nội bộ" style={{ marginBottom: 16 }}>
        <p>
          {settings.data?.webPasswordSet
            ? 'Đã đặt mật khẩu: có thể mở ChiTieu cho máy khác bằng chitieu serve --host.'
            : 'Chưa đặt mật khẩu: ChiTieu chỉ mở được trên chính máy này.'}
        </p>
        <Form
          layout="inline"
          onFinish={(values: { webPassword: string }) =>
            save.mutate(
              { webPassword: values.webPassword },
              {
                onSuccess: () => void message.success('Đã đặt mật khẩu truy cập.'),
                onError: (error) => void message.error(error.message),
              },
            )
          }
        >
          <Form.Item name="webPassword" rules={[{ min: 8, message: 'Ít nhất 8 ký tự.' }]}>
            <Input.Password placeholder="Mật khẩu mới" autoComplete="new-password" />
          </Form.Item>
          <Button htmlType="submit">Đặt mật khẩu</Button>
        </Form>
      </Card>
      <Card title="Về ChiTieu">
        {info.data ? (
          <Descriptions column={1} size="small">
            <Descriptions.Item label="Phiên bản">{info.data.version}</Descriptions.Item>
            <Descriptions.Item label="Thư mục dữ liệu">{info.data.dataDir}</Descriptions.Item>
            <Descriptions.Item label="Tệp cơ sở dữ liệu">{info.data.databaseFile}</Descriptions.Item>
            <Descriptions.Item label="Cấu trúc dữ liệu">{info.data.schemaVersion}</Descriptions.Item>
            <Descriptions.Item label="Tình trạng tệp dữ liệu">
              {info.data.databaseState.writeRefusalVi ??
                (info.data.databaseState.integrity === 'ok'
                  ? 'Đã kiểm tra toàn bộ, không thấy lỗi'
                  : 'Đã kiểm tra nhanh khi mở, không thấy lỗi')}
            </Descriptions.Item>
          </Descriptions>
        ) : null}
      </Card>
    </section>
  );
}
