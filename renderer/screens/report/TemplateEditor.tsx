import { App, Button, Form, Input, Space, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { reportPlaceholdersVi, type ReportTemplate } from '../../../shared/api/report-entities';
import { useApiMutation } from '../../api/api';

/** Saving a sentence changes the report written with it. */

interface Props {
  template: ReportTemplate;
  /** The names of the indicators the sentence is written for. */
  indicatorNames: string;
}

/**
 * One phrase template as the department edits it: the text with its {placeholders}, the list of placeholders
 * it may use (a click puts one where the cursor is), and the backend's Vietnamese refusal under the field.
 */
export function TemplateEditor({ template, indicatorNames }: Props) {
  const { message } = App.useApp();
  const save = useApiMutation('report.templates.save');
  const reset = useApiMutation('report.templates.reset');
  // The draft belongs to the saved text it was started from: once that changes (saved, reset), the field shows it.
  const [draft, setDraft] = useState<{ from: string; text: string } | null>(null);
  const text = draft !== null && draft.from === template.text ? draft.text : template.text;
  const cursor = useRef<number | null>(null);
  // The list of placeholders is long: it shows for the template being worked on, from its first focus.
  const [active, setActive] = useState(false);
  const changed = text !== template.text;

  const edit = (next: string) => {
    setDraft({ from: template.text, text: next });
    if (save.error !== null) save.reset();
  };

  const insert = (placeholder: string) => {
    const at = cursor.current ?? text.length;
    edit(`${text.slice(0, at)}${placeholder}${text.slice(at)}`);
    cursor.current = at + placeholder.length;
  };

  const onSave = () =>
    save.mutate(
      { key: template.key, text },
      {
        onSuccess: () => {
          setActive(false);
          void message.success({ content: `Đã lưu mẫu câu "${template.title}".`, key: 'template-saved' });
        },
      },
    );

  const onReset = () =>
    reset.mutate(
      { key: template.key },
      {
        onSuccess: () =>
          void message.success({
            content: `Đã trả mẫu câu "${template.title}" về câu chữ mặc định.`,
            key: 'template-saved',
          }),
        onError: (error) => void message.error(error.message),
      },
    );

  const placeholders = Object.entries(reportPlaceholdersVi[template.kind]);
  return (
    <div className="template-editor" data-template-key={template.key}>
      <div className="template-head">
        <Typography.Text strong>{template.title}</Typography.Text>
        {indicatorNames === '' ? null : <Typography.Text type="secondary">{indicatorNames}</Typography.Text>}
        {template.edited ? (
          <Tag color="blue">
            Đã sửa{template.updatedBy ? ` bởi ${template.updatedBy}` : ''}
            {template.updatedAt ? `, ${dayjs(template.updatedAt).format('DD/MM/YYYY HH:mm')}` : ''}
          </Tag>
        ) : null}
      </div>
      <Form.Item
        validateStatus={save.error === null ? undefined : 'error'}
        help={save.error?.message}
        style={{ marginBottom: 6 }}
      >
        <Input.TextArea
          aria-label={`Mẫu câu: ${template.title}`}
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={2000}
          value={text}
          onChange={(e) => edit(e.target.value)}
          onFocus={() => setActive(true)}
          onSelect={(e) => (cursor.current = e.currentTarget.selectionStart)}
        />
      </Form.Item>
      {active ? (
        <div className="template-placeholders" aria-label="Chỗ điền số liệu">
          {placeholders.map(([name, description]) => (
            <Tooltip key={name} title={description}>
              <Tag className="template-placeholder" onClick={() => insert(`{${name}}`)}>{`{${name}}`}</Tag>
            </Tooltip>
          ))}
        </div>
      ) : null}
      <Space size={8} className="template-actions">
        <Button type="primary" size="small" disabled={!changed} loading={save.isPending} onClick={onSave}>
          Lưu mẫu câu
        </Button>
        <Button
          size="small"
          disabled={!changed}
          onClick={() => {
            setDraft(null);
            setActive(false);
            save.reset();
          }}
        >
          Bỏ thay đổi
        </Button>
        <Button size="small" disabled={!template.edited} loading={reset.isPending} onClick={onReset}>
          Trả về câu mặc định
        </Button>
      </Space>
    </div>
  );
}
