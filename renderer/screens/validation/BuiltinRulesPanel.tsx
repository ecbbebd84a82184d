import { Button, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import type { Indicator } from '../../../shared/api/entities';
import { builtinRules, type BuiltinRule } from '../../../shared/validation/builtin-rules';
import { severityLabelsVi } from '../../../shared/validation/finding';
import type { IndicatorRuleSettings } from '../../../shared/validation/rule-settings';
import { useApiQuery } from '../../api/api';
import { severityColors } from './finding-text';
import { IndicatorSettingsForm } from './IndicatorSettingsForm';
import { bandText, disabledRulesText, isDefaultSettings, requiredChoiceOf, requiredLabels } from './rule-settings-text';

interface SettingsRow {
  code: string;
  indicator: string;
  settings: IndicatorRuleSettings;
}

const builtinColumns: TableColumnsType<BuiltinRule> = [
  {
    title: 'Mức độ',
    dataIndex: 'severity',
    width: 96,
    render: (_, r) => <Tag color={severityColors[r.severity]}>{severityLabelsVi[r.severity]}</Tag>,
  },
  { title: 'Quy tắc', dataIndex: 'titleVi' },
];

/** The built-in rules explained, and their settings per indicator. */
export function BuiltinRulesPanel({ indicators }: { indicators: readonly Indicator[] }) {
  const settings = useApiQuery('validation.settings.list', {});
  const [code, setCode] = useState<string | null>(null);
  const saved = useMemo(() => new Map((settings.data ?? []).map((e) => [e.code, e.settings])), [settings.data]);
  const rows = useMemo<SettingsRow[]>(() => {
    const names = new Map(indicators.map((i) => [i.code, `${i.stt ? `${i.stt}. ` : ''}${i.nameVi}`]));
    return (settings.data ?? [])
      .filter((e) => !isDefaultSettings(e.settings))
      .map((e) => ({ code: e.code, indicator: names.get(e.code) ?? e.code, settings: e.settings }));
  }, [settings.data, indicators]);

  const settingsColumns: TableColumnsType<SettingsRow> = [
    { title: 'Chỉ tiêu', dataIndex: 'indicator', render: (_, r) => `${r.indicator} (${r.code})` },
    {
      title: 'Bắt buộc',
      key: 'required',
      width: 110,
      render: (_, r) => requiredLabels[requiredChoiceOf(r.settings.required)],
    },
    { title: 'Ngưỡng', key: 'band', width: 150, render: (_, r) => bandText(r.settings) },
    { title: 'Quy tắc đã tắt', key: 'disabled', render: (_, r) => disabledRulesText(r.settings.disabledRules) },
    {
      title: '',
      key: 'edit',
      width: 64,
      render: (_, r) => (
        <Button size="small" onClick={() => setCode(r.code)}>
          Sửa
        </Button>
      ),
    },
  ];

  return (
    <div className="builtin-panel">
      <section className="panel-card" aria-label="Thiết lập theo chỉ tiêu">
        <Typography.Title level={5}>Thiết lập theo chỉ tiêu</Typography.Title>
        {settings.error ? <p role="alert">{settings.error.message}</p> : null}
        <IndicatorSettingsForm indicators={indicators} code={code} onCodeChange={setCode} saved={saved} />
        <Typography.Title level={5} className="panel-subtitle">
          Các chỉ tiêu có thiết lập riêng
        </Typography.Title>
        <Table<SettingsRow>
          size="small"
          rowKey="code"
          columns={settingsColumns}
          dataSource={rows}
          loading={settings.isLoading}
          pagination={false}
          locale={{ emptyText: 'Chưa có: mọi chỉ tiêu dùng thiết lập mặc định.' }}
        />
      </section>
      <section className="panel-card" aria-label="Các quy tắc có sẵn">
        <Typography.Title level={5}>Các quy tắc có sẵn</Typography.Title>
        <Table<BuiltinRule>
          size="small"
          rowKey="id"
          columns={builtinColumns}
          dataSource={builtinRules}
          pagination={false}
        />
      </section>
    </div>
  );
}
