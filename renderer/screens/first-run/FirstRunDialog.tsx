import { App, Button, Col, Form, Input, Modal, Row, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { SettingsPatch } from '../../../shared/api/entities';
import { missingSetup } from '../../../shared/report/office-setup';
import { useApiMutation, useApiQuery } from '../../api/api';
import { onOpenSetup } from './open-setup';

type SetupValues = Required<
  Pick<
    SettingsPatch,
    'departmentName' | 'provinceName' | 'placeName' | 'clerkName' | 'preparerName' | 'headTitle' | 'headName'
  >
>;

const required = (what: string) => [{ required: true, whitespace: true, message: `Hãy nhập ${what}.` }];

/**
 * The first run: before the first figure, the clerk says who the office is, who they are and who signs, so that
 * no workbook or report goes out with "UBND TỈNH …" and the change log names a person. It comes back on every
 * opening while something is missing, and on request from the screens that print these names.
 */
export function FirstRunDialog() {
  const { message } = App.useApp();
  const settings = useApiQuery('settings.get', {});
  const save = useApiMutation('settings.set');
  const [form] = Form.useForm<SetupValues>();
  const [later, setLater] = useState(false);
  const [asked, setAsked] = useState(false);
  const missing = settings.data ? missingSetup(settings.data) : [];
  const open = settings.data !== undefined && ((missing.length > 0 && !later) || asked);

  useEffect(() => onOpenSetup(() => setAsked(true)), []);
  useEffect(() => {
    if (open && settings.data) form.setFieldsValue(settings.data);
  }, [open, settings.data, form]);

  const finish = (values: SetupValues) =>
    save.mutate(values, {
      onSuccess: () => {
        setAsked(false);
        void message.success('Đã lưu thông tin đơn vị và người ký.');
      },
      onError: (error) => void message.error(error.message),
    });

  return (
    <Modal
      open={open}
      title="Thông tin đơn vị trước khi nhập số liệu"
      closable={false}
      mask={{ closable: false }}
      width={720}
      // Seven fields and the buttons within a 1366×768 window: pairs side by side, the dialog near the top.
      style={{ top: 32 }}
      footer={[
        <Button
          key="later"
          onClick={() => {
            setLater(true);
            setAsked(false);
          }}
        >
          Để sau
        </Button>,
        <Button key="save" type="primary" loading={save.isPending} onClick={() => form.submit()}>
          Lưu và bắt đầu
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">
        Tên cơ quan, tỉnh và người ký được in ở đầu và cuối mọi biểu Excel, báo cáo Word và bản in; tên của bạn được ghi
        vào nhật ký thay đổi bên cạnh mỗi số liệu bạn nhập. Có thể sửa lại ở Cài đặt.
      </Typography.Paragraph>
      <Form<SetupValues>
        form={form}
        layout="vertical"
        aria-label="Thông tin đơn vị"
        onFinish={finish}
        onValuesChange={(changed: Partial<SetupValues>, all) => {
          // The place of the date line is the province's name until the clerk types a place of their own; set as
          // untouched, since antd counts a value set from outside as typed.
          if (changed.provinceName !== undefined && !settings.data?.placeName && !form.isFieldTouched('placeName'))
            form.setFields([{ name: 'placeName', value: all.provinceName, touched: false }]);
        }}
      >
        <Form.Item name="departmentName" label="Tên cơ quan" rules={required('tên cơ quan')}>
          <Input placeholder="SỞ CÔNG THƯƠNG" autoFocus />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="provinceName" label="Tỉnh (cơ quan chủ quản: UBND tỉnh)" rules={required('tên tỉnh')}>
              <Input placeholder="Tây Ninh" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="placeName" label="Địa danh ở dòng ngày tháng" rules={required('địa danh')}>
              <Input placeholder="Tây Ninh" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="clerkName"
              label="Họ tên của bạn (ghi vào nhật ký thay đổi)"
              rules={required('họ tên của bạn')}
            >
              <Input placeholder="Nguyễn Thị Lan" autoComplete="name" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="preparerName" label="Người lập biểu" rules={required('người lập biểu')}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="headTitle"
              label="Chức danh thủ trưởng"
              extra="Enter để xuống dòng: KT. GIÁM ĐỐC, rồi PHÓ GIÁM ĐỐC"
              rules={required('chức danh thủ trưởng')}
            >
              <Input.TextArea placeholder="GIÁM ĐỐC" autoSize={{ minRows: 1, maxRows: 3 }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="headName" label="Họ tên thủ trưởng" rules={required('họ tên thủ trưởng')}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
