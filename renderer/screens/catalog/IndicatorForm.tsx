import { AutoComplete, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect, useMemo } from 'react';
import type { Indicator } from '../../../shared/api/entities';
import { indicatorKindLabelsVi, indicatorKinds } from '../../../shared/catalog/indicator-kinds';
import { matchesFolded } from '../../../shared/text/fold-vietnamese';

/** What the form edits of an indicator: its order and whether it is in use are set elsewhere. */
export type IndicatorFormValues = Omit<Indicator, 'sortOrder' | 'active'>;

interface Props {
  open: boolean;
  editing: Indicator | null;
  catalog: Indicator[];
  saving: boolean;
  onCancel(): void;
  onSubmit(values: IndicatorFormValues): void;
}

const emptyValues: IndicatorFormValues = {
  code: '',
  parentCode: null,
  stt: '',
  nameVi: '',
  unit: '',
  kind: 'flow',
  decimals: 1,
  aliases: [],
};

export function IndicatorForm({ open, editing, catalog, saving, onCancel, onSubmit }: Props) {
  const [form] = Form.useForm<IndicatorFormValues>();
  useEffect(() => {
    if (!open) return;
    form.setFieldsValue(editing ? { ...editing } : emptyValues);
  }, [open, editing, form]);

  const parentOptions = useMemo(
    () =>
      catalog
        .filter((i) => i.active && i.code !== editing?.code)
        .map((i) => ({ value: i.code, label: `${i.stt ? `${i.stt}. ` : ''}${i.nameVi} (${i.code})` })),
    [catalog, editing],
  );
  const unitOptions = useMemo(
    () => [...new Set(catalog.map((i) => i.unit).filter(Boolean))].sort().map((u) => ({ value: u })),
    [catalog],
  );

  return (
    <Modal
      open={open}
      title={editing ? `Sửa chỉ tiêu ${editing.code}` : 'Thêm chỉ tiêu'}
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={saving}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
      width={640}
    >
      <Form form={form} layout="vertical" onFinish={onSubmit} requiredMark="optional">
        <Form.Item
          name="code"
          label="Mã chỉ tiêu"
          tooltip="Mã cố định, dùng khi nhập/xuất Excel và trong quy tắc kiểm tra; không đổi được sau khi tạo."
          rules={[
            { required: true, message: 'Hãy nhập mã chỉ tiêu.' },
            { pattern: /^[A-Z][A-Z0-9_]*$/, message: 'Chỉ dùng chữ in hoa không dấu, chữ số và dấu gạch dưới.' },
          ]}
          normalize={(v: string) => v.toUpperCase()}
        >
          <Input disabled={editing !== null} placeholder="Ví dụ: XK_GAO_GT" />
        </Form.Item>
        <Form.Item
          name="nameVi"
          label="Tên chỉ tiêu"
          rules={[{ required: true, whitespace: true, message: 'Hãy nhập tên chỉ tiêu.' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="parentCode" label="Thuộc chỉ tiêu">
          <Select
            allowClear
            showSearch={{ filterOption: (input, option) => matchesFolded(String(option?.label ?? ''), input) }}
            placeholder="(cấp cao nhất)"
            options={parentOptions}
          />
        </Form.Item>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr 1fr', gap: 12 }}>
          <Form.Item name="stt" label="STT">
            <Input placeholder="I, 1, 1.1, a…" />
          </Form.Item>
          <Form.Item name="unit" label="Đơn vị tính">
            <AutoComplete options={unitOptions} placeholder="tỷ đồng" />
          </Form.Item>
          <Form.Item name="kind" label="Loại" rules={[{ required: true }]}>
            <Select
              options={indicatorKinds.map((k) => ({ value: k, label: indicatorKindLabelsVi[k] }))}
              popupMatchSelectWidth={false}
            />
          </Form.Item>
          <Form.Item name="decimals" label="Số chữ số thập phân">
            <InputNumber min={0} max={6} style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item
          name="aliases"
          label="Tên khác gặp trong các biểu Excel"
          tooltip="Dùng để nhận ra dòng chỉ tiêu khi nhập biểu Excel."
        >
          <Select mode="tags" tokenSeparators={[';']} placeholder="Gõ tên rồi nhấn Enter" open={false} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
