import { Spin, Typography } from 'antd';
import type { Indicator } from '../../../shared/api/entities';
import type { ReportTemplate } from '../../../shared/api/report-entities';
import { useApiQuery } from '../../api/api';
import { TemplateEditor } from './TemplateEditor';

interface Props {
  indicators: ReadonlyMap<string, Indicator>;
}

function bySection(
  templates: readonly ReportTemplate[],
): { key: string; title: string; templates: ReportTemplate[] }[] {
  const sections: { key: string; title: string; templates: ReportTemplate[] }[] = [];
  for (const t of templates) {
    let section = sections.find((s) => s.key === t.sectionKey);
    if (!section) sections.push((section = { key: t.sectionKey, title: t.sectionTitle, templates: [] }));
    section.templates.push(t);
  }
  return sections;
}

/** The sentences of the report, kept as data the department edits: one template per indicator group. */
export function TemplatesPanel({ indicators }: Props) {
  const templates = useApiQuery('report.templates.list', {});
  if (templates.error) {
    return (
      <p role="alert" className="grid-error">
        {templates.error.message}
      </p>
    );
  }
  if (!templates.data) return <Spin description="Đang đọc các mẫu câu…" />;
  return (
    <div className="templates-panel">
      <Typography.Paragraph type="secondary" className="templates-help">
        Mỗi mẫu câu viết thành một câu cho từng chỉ tiêu của nó. Chỗ trong ngoặc nhọn như {'{giatri}'} được điền bằng số
        liệu; phần trong ngoặc vuông như [, đạt {'{pctKeHoach}'}% kế hoạch] bị bỏ đi khi thiếu số liệu, còn thiếu số
        liệu ở ngoài ngoặc vuông thì cả câu được bỏ qua. Khi sửa một mẫu câu, danh sách chỗ điền hiện ra bên dưới: rê
        chuột lên để xem ý nghĩa, bấm để chèn vào vị trí con trỏ.
      </Typography.Paragraph>
      {bySection(templates.data).map((section) => (
        <section key={section.key} className="templates-section" aria-label={section.title}>
          <Typography.Title level={5}>{section.title}</Typography.Title>
          {section.templates.map((t) => (
            <TemplateEditor
              key={t.key}
              template={t}
              indicatorNames={t.codes.map((c) => indicators.get(c)?.nameVi ?? c).join('; ')}
            />
          ))}
        </section>
      ))}
    </div>
  );
}
