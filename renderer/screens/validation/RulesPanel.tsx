import { App, Button, Popconfirm, Space, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useRef, useState } from 'react';
import { severityLabelsVi } from '../../../shared/validation/finding';
import {
  missingStrategyLabelsVi,
  ruleOperatorLabelsVi,
  type UserRule,
  type UserRulesFile,
} from '../../../shared/validation/user-rule';
import { api, useApiMutation, useApiQuery } from '../../api/api';
import { severityColors } from './finding-text';
import { ImportRulesDialog } from './ImportRulesDialog';
import { RuleForm } from './RuleForm';
import { downloadRules, readRulesFile, rulesFileName } from './rules-file';

interface Props {
  codes: ReadonlySet<string>;
}

/** The department's own rules: a table, the form to add or edit one, and the JSON file they travel in. */
export function RulesPanel({ codes }: Props) {
  const { message } = App.useApp();
  const rules = useApiQuery('validation.rules.list', {});
  const save = useApiMutation('validation.rules.save');
  const remove = useApiMutation('validation.rules.delete');
  const [editing, setEditing] = useState<UserRule | null | 'new'>(null);
  const [importing, setImporting] = useState<{ fileName: string; file: UserRulesFile } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const exportRules = () =>
    api.call('validation.rules.export', {}).then(
      (file) => {
        downloadRules(file);
        void message.success(`Đã xuất ${file.rules.length} quy tắc ra tệp ${rulesFileName}.`);
      },
      (error: Error) => void message.error(error.message),
    );

  const chooseFile = async (file: File | undefined) => {
    if (fileInput.current !== null) fileInput.current.value = '';
    if (file === undefined) return;
    const read = await readRulesFile(file);
    if (read.ok) setImporting({ fileName: file.name, file: read.file });
    else void message.error(read.message);
  };

  const columns: TableColumnsType<UserRule> = [
    { title: 'Tên quy tắc', dataIndex: 'name', width: 220 },
    {
      title: 'Quy tắc',
      key: 'rule',
      render: (_, rule) => (
        <code className="rule-text">
          {rule.left} {ruleOperatorLabelsVi[rule.operator]} {rule.right}
        </code>
      ),
    },
    {
      title: 'Khi thiếu số liệu',
      dataIndex: 'missing',
      width: 200,
      render: (_, rule) => missingStrategyLabelsVi[rule.missing],
    },
    {
      title: 'Mức độ',
      dataIndex: 'severity',
      width: 100,
      render: (_, rule) => <Tag color={severityColors[rule.severity]}>{severityLabelsVi[rule.severity]}</Tag>,
    },
    {
      title: 'Đang dùng',
      dataIndex: 'enabled',
      width: 96,
      render: (_, rule) => (
        <Switch
          size="small"
          aria-label={`Dùng quy tắc ${rule.name}`}
          checked={rule.enabled}
          onChange={(enabled) =>
            save.mutate({ ...rule, enabled }, { onError: (error) => void message.error(error.message) })
          }
        />
      ),
    },
    {
      title: '',
      key: 'actions',
      width: 130,
      render: (_, rule) => (
        <Space size="small">
          <Button size="small" onClick={() => setEditing(rule)}>
            Sửa
          </Button>
          <Popconfirm
            title={`Xóa quy tắc "${rule.name}"?`}
            okText="Xóa"
            cancelText="Không"
            onConfirm={() =>
              remove.mutate(
                { id: rule.id },
                {
                  onSuccess: () => void message.success(`Đã xóa quy tắc "${rule.name}".`),
                  onError: (error) => void message.error(error.message),
                },
              )
            }
          >
            <Button size="small" danger>
              Xóa
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <section aria-label="Quy tắc của đơn vị">
      <div className="panel-toolbar">
        <Button type="primary" onClick={() => setEditing('new')}>
          Thêm quy tắc
        </Button>
        <Button onClick={() => void exportRules()}>Xuất ra tệp JSON</Button>
        <Button onClick={() => fileInput.current?.click()}>Nhập từ tệp JSON</Button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          aria-label="Tệp quy tắc kiểm tra (JSON)"
          hidden
          onChange={(e) => void chooseFile(e.target.files?.[0])}
        />
        <Typography.Text type="secondary">
          Quy tắc so sánh các chỉ tiêu theo cách của đơn vị, áp dụng ở mọi lần kiểm tra.
        </Typography.Text>
      </div>
      {rules.error ? <p role="alert">{rules.error.message}</p> : null}
      <Table<UserRule>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={rules.data ?? []}
        loading={rules.isLoading}
        pagination={false}
        locale={{ emptyText: 'Chưa có quy tắc nào của đơn vị. Bấm "Thêm quy tắc" để viết, ví dụ XK + NK = XNK.' }}
      />
      {editing === null ? null : (
        <RuleForm editing={editing === 'new' ? null : editing} codes={codes} onClose={() => setEditing(null)} />
      )}
      {importing === null ? null : (
        <ImportRulesDialog fileName={importing.fileName} file={importing.file} onClose={() => setImporting(null)} />
      )}
    </section>
  );
}
