import { DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import {
  reportingUnitKindLabelsVi,
  reportingUnitKinds,
  type ReportingUnit,
  type ReportingUnitKind,
} from '../../../shared/api/entities';

/** A unit as the form gives it back: everything but the id the database gives it. */
export type UnitFormResult = Omit<ReportingUnit, 'id'>;

interface FormShape {
  code: string;
  name: string;
  kind: ReportingUnitKind;
  parentId?: number | null;
  validFrom?: Dayjs | null;
  validTo?: Dayjs | null;
  predecessorIds?: number[];
}

interface Props {
  open: boolean;
  editing: ReportingUnit | null;
  units: ReportingUnit[];
  saving: boolean;
  onCancel(): void;
  onSubmit(values: UnitFormResult): void;
}

const toDay = (iso: string | null) => (iso ? dayjs(iso) : null);
const toIso = (day: Dayjs | null | undefined) => (day ? day.format('YYYY-MM-DD') : null);

export function UnitForm({ open, editing, units, saving, onCancel, onSubmit }: Props) {
  const [form] = Form.useForm<FormShape>();
  useEffect(() => {
    if (!open) return;
    form.setFieldsValue(
      editing
        ? { ...editing, validFrom: toDay(editing.validFrom), validTo: toDay(editing.validTo) }
        : { code: '', name: '', kind: 'commune', parentId: null, validFrom: null, validTo: null, predecessorIds: [] },
    );
  }, [open, editing, form]);
  const others = units
    .filter((u) => u.id !== editing?.id)
    .map((u) => ({ value: u.id, label: `${u.name} (${u.code})` }));

  return (
    <Modal
      open={open}
      title={editing ? `Sửa đơn vị ${editing.code}` : 'Thêm đơn vị báo cáo'}
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={saving}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark="optional"
        onFinish={(v) =>
          onSubmit({
            code: v.code,
            name: v.name,
            kind: v.kind,
            parentId: v.parentId ?? null,
            validFrom: toIso(v.validFrom),
            validTo: toIso(v.validTo),
            predecessorIds: v.predecessorIds ?? [],
          })
        }
      >
        <Form.Item
          name="code"
          label="Mã đơn vị"
          rules={[{ required: true, whitespace: true, message: 'Hãy nhập mã đơn vị.' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="name"
          label="Tên đơn vị"
          rules={[{ required: true, whitespace: true, message: 'Hãy nhập tên đơn vị.' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="kind" label="Loại đơn vị" rules={[{ required: true }]}>
          <Select options={reportingUnitKinds.map((k) => ({ value: k, label: reportingUnitKindLabelsVi[k] }))} />
        </Form.Item>
        <Form.Item name="parentId" label="Trực thuộc">
          <Select allowClear options={others} placeholder="(không)" />
        </Form.Item>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 12 }}>
          <Form.Item name="validFrom" label="Hiệu lực từ ngày">
            <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="validTo" label="Hiệu lực đến ngày">
            <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item name="predecessorIds" label="Đơn vị tiền thân (sáp nhập 2025)">
          <Select mode="multiple" allowClear options={others} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
