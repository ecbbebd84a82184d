import { App, Form, Input, Modal, Radio, Select, Switch, Typography, type FormRule } from 'antd';
import { useMemo } from 'react';
import { severities, severityLabelsVi, type Severity } from '../../../shared/validation/finding';
import {
  missingStrategies,
  missingStrategyLabelsVi,
  ruleOperatorLabelsVi,
  ruleOperators,
  type MissingStrategy,
  type RuleOperator,
  type UserRule,
} from '../../../shared/validation/user-rule';
import { useApiMutation } from '../../api/api';
import { checkExpression, type ExpressionCheck } from './expression-check';

interface RuleFormValues {
  name: string;
  left: string;
  operator: RuleOperator;
  right: string;
  missing: MissingStrategy;
  severity: Severity;
  message: string;
  enabled: boolean;
}

const emptyRule: RuleFormValues = {
  name: '',
  left: '',
  operator: 'eq',
  right: '',
  missing: 'skip_if_any_missing',
  severity: 'error',
  message: '',
  enabled: true,
};

interface Props {
  /** The rule being edited, or null for a new one. */
  editing: UserRule | null;
  codes: ReadonlySet<string>;
  onClose(): void;
}

/** Shown under an expression as it is typed: the parser's verdict, or how to write one while the field is empty. */
function checkProps(check: ExpressionCheck) {
  if (check.status === 'empty')
    return { extra: 'Mã chỉ tiêu, số, + − × ÷ và ngoặc; @cungky: cùng kỳ năm trước, @kytruoc: kỳ trước.' };
  if (check.status === 'ok')
    return { help: <span className="expression-ok">{check.text}</span>, validateStatus: 'success' as const };
  return { help: check.text, validateStatus: 'error' as const };
}

function expressionRule(codes: ReadonlySet<string>, side: string): FormRule {
  return {
    validator: (_rule, value: string | undefined) => {
      const check = checkExpression(value ?? '', codes);
      if (check.status === 'ok') return Promise.resolve();
      return Promise.reject(new Error(check.status === 'empty' ? `${side} không được để trống.` : check.text));
    },
  };
}

/** Adds or edits a rule of the department's own; each side is checked against the catalog as the clerk types. */
export function RuleForm({ editing, codes, onClose }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<RuleFormValues>();
  const save = useApiMutation('validation.rules.save');
  const left = Form.useWatch('left', form) ?? editing?.left ?? '';
  const right = Form.useWatch('right', form) ?? editing?.right ?? '';
  const leftCheck = useMemo(() => checkExpression(left, codes), [left, codes]);
  const rightCheck = useMemo(() => checkExpression(right, codes), [right, codes]);
  const operator = Form.useWatch('operator', form) ?? editing?.operator ?? emptyRule.operator;
  const pairs = operator === 'compulsory_pair' || operator === 'exclusive_pair';

  const submit = (values: RuleFormValues) =>
    save.mutate(
      { ...values, ...(editing === null ? {} : { id: editing.id }) },
      {
        onSuccess: (saved) => {
          void message.success(`Đã lưu quy tắc "${saved.name}".`);
          onClose();
        },
        onError: (error) => void message.error(error.message),
      },
    );

  return (
    <Modal
      open
      title={editing === null ? 'Thêm quy tắc kiểm tra' : `Sửa quy tắc "${editing.name}"`}
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={save.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
      width={760}
    >
      <Form form={form} layout="vertical" initialValues={editing ?? emptyRule} onFinish={submit}>
        <Form.Item
          name="name"
          label="Tên quy tắc"
          required
          rules={[{ required: true, whitespace: true, message: 'Quy tắc cần có tên.' }]}
        >
          <Input maxLength={200} placeholder="Ví dụ: Tổng XNK bằng XK cộng NK" />
        </Form.Item>
        <div className="rule-sides">
          <Form.Item
            name="left"
            label="Vế trái"
            required
            rules={[expressionRule(codes, 'Vế trái')]}
            {...checkProps(leftCheck)}
          >
            <Input maxLength={1000} placeholder="XK + NK" autoComplete="off" spellCheck={false} />
          </Form.Item>
          <Form.Item name="operator" label="Phép so sánh">
            <Select
              options={ruleOperators.map((o) => ({ value: o, label: ruleOperatorLabelsVi[o] }))}
              popupMatchSelectWidth={false}
            />
          </Form.Item>
          <Form.Item
            name="right"
            label="Vế phải"
            required
            rules={[expressionRule(codes, 'Vế phải')]}
            {...checkProps(rightCheck)}
          >
            <Input maxLength={1000} placeholder="XNK" autoComplete="off" spellCheck={false} />
          </Form.Item>
        </div>
        <div className="rule-options">
          <Form.Item
            name="missing"
            label="Khi thiếu số liệu"
            tooltip={
              pairs
                ? 'Với cặp bắt buộc và cặp loại trừ, việc có hay không có số liệu chính là điều được kiểm tra.'
                : undefined
            }
          >
            <Select
              disabled={pairs}
              options={missingStrategies.map((m) => ({ value: m, label: missingStrategyLabelsVi[m] }))}
              popupMatchSelectWidth={false}
            />
          </Form.Item>
          <Form.Item name="severity" label="Mức độ">
            <Radio.Group
              optionType="button"
              options={severities.map((s) => ({ value: s, label: severityLabelsVi[s] }))}
            />
          </Form.Item>
          <Form.Item name="enabled" label="Đang dùng" valuePropName="checked">
            <Switch />
          </Form.Item>
        </div>
        <Form.Item
          name="message"
          label="Thông báo khi quy tắc không thỏa mãn"
          extra="Để trống: ChiTieu tự viết từ tên quy tắc và số liệu hai vế."
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Typography.Text type="secondary">
          Phát hiện được gắn vào chỉ tiêu đầu tiên của vế trái: ô số liệu của chỉ tiêu đó được đánh dấu ở Nhập liệu.
        </Typography.Text>
      </Form>
    </Modal>
  );
}
