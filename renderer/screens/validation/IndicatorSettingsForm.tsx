import { App, Button, Form, InputNumber, Radio, Select, Space } from 'antd';
import { useEffect } from 'react';
import type { Indicator } from '../../../shared/api/entities';
import { builtinRules } from '../../../shared/validation/builtin-rules';
import { defaultBand, defaultRuleSettings, type IndicatorRuleSettings } from '../../../shared/validation/rule-settings';
import { matchesFolded } from '../../../shared/text/fold-vietnamese';
import { useApiMutation } from '../../api/api';
import { requiredChoiceOf, requiredLabels, requiredOf, type RequiredChoice } from './rule-settings-text';

interface FormValues {
  required: RequiredChoice;
  bandLow: number | null;
  bandHigh: number | null;
  disabledRules: string[];
}

interface Props {
  indicators: readonly Indicator[];
  code: string | null;
  onCodeChange(code: string): void;
  saved: ReadonlyMap<string, IndicatorRuleSettings>;
}

const ruleOptions = builtinRules.map((r) => ({ value: r.id, label: r.titleVi }));

function valuesOf(settings: IndicatorRuleSettings): FormValues {
  return {
    required: requiredChoiceOf(settings.required),
    bandLow: settings.bandLow,
    bandHigh: settings.bandHigh,
    disabledRules: settings.disabledRules,
  };
}

/** The settings of the built-in rules for one indicator: whether it must be reported, its band, the rules turned off. */
export function IndicatorSettingsForm({ indicators, code, onCodeChange, saved }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const save = useApiMutation('validation.settings.set');
  const current = code === null ? defaultRuleSettings : (saved.get(code) ?? defaultRuleSettings);
  useEffect(() => form.setFieldsValue(valuesOf(current)), [form, current]);

  const store = (settings: IndicatorRuleSettings, done: string) => {
    if (code === null) return;
    save.mutate(
      { code, settings },
      { onSuccess: () => void message.success(done), onError: (error) => void message.error(error.message) },
    );
  };
  const submit = (v: FormValues) =>
    store(
      {
        required: requiredOf(v.required),
        bandLow: v.bandLow ?? null,
        bandHigh: v.bandHigh ?? null,
        disabledRules: v.disabledRules,
      },
      `Đã lưu thiết lập kiểm tra của ${code}.`,
    );

  return (
    <Form form={form} layout="vertical" onFinish={submit} disabled={code === null}>
      <Form.Item label="Chỉ tiêu" required>
        <Select
          aria-label="Chỉ tiêu cần thiết lập"
          placeholder="Chọn chỉ tiêu (gõ tên hoặc mã)"
          // The rest of the form waits for an indicator; the choice of one is always open.
          disabled={false}
          value={code ?? undefined}
          onChange={onCodeChange}
          showSearch={{ filterOption: (input, option) => matchesFolded(String(option?.label ?? ''), input) }}
          options={indicators
            .filter((i) => i.active && i.kind !== 'group')
            .map((i) => ({ value: i.code, label: `${i.stt ? `${i.stt}. ` : ''}${i.nameVi} (${i.code})` }))}
        />
      </Form.Item>
      <div className="settings-row">
        <Form.Item
          name="required"
          label="Bắt buộc báo cáo"
          tooltip="Theo cùng kỳ: bắt buộc khi cùng kỳ năm trước có số liệu."
        >
          <Radio.Group
            optionType="button"
            options={(['auto', 'yes', 'no'] as const).map((c) => ({ value: c, label: requiredLabels[c] }))}
          />
        </Form.Item>
        <Form.Item
          label="Ngưỡng so với cùng kỳ (%)"
          tooltip="Cảnh báo khi số liệu so với cùng kỳ năm trước nằm ngoài khoảng này; để trống là mặc định."
        >
          <Space.Compact>
            <Form.Item name="bandLow" noStyle>
              <InputNumber
                aria-label="Ngưỡng dưới (%)"
                min={0}
                placeholder={String(defaultBand.low)}
                style={{ width: 90 }}
              />
            </Form.Item>
            <Form.Item
              name="bandHigh"
              noStyle
              dependencies={['bandLow']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_rule, high: number | null | undefined) => {
                    const low: number | null | undefined = getFieldValue('bandLow');
                    const lowOrDefault = low ?? defaultBand.low;
                    return high === null || high === undefined || high > lowOrDefault
                      ? Promise.resolve()
                      : Promise.reject(new Error('Ngưỡng trên phải lớn hơn ngưỡng dưới.'));
                  },
                }),
              ]}
            >
              <InputNumber
                aria-label="Ngưỡng trên (%)"
                min={0}
                placeholder={String(defaultBand.high)}
                style={{ width: 90 }}
              />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
      </div>
      <Form.Item name="disabledRules" label="Tắt các quy tắc có sẵn cho chỉ tiêu này">
        <Select mode="multiple" allowClear placeholder="(không tắt quy tắc nào)" options={ruleOptions} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          Lưu thiết lập
        </Button>
        <Button onClick={() => store(defaultRuleSettings, `Đã đưa thiết lập kiểm tra của ${code} về mặc định.`)}>
          Về mặc định
        </Button>
      </Space>
    </Form>
  );
}
