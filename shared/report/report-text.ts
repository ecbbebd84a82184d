import type { Report } from '../api/report-entities';
import { severityLabelsVi } from '../validation/finding';

const roman = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];

/** "I", "II" … the numbering of a report's parts; past the table, plain numbers. */
export function sectionNumber(index: number): string {
  return roman[index] ?? String(index + 1);
}

export const openFindingsHeading = 'Các vấn đề kiểm tra số liệu còn mở';

/** "[Lỗi] XNK: …", as the report lists a finding left open. */
export function findingLine(f: Report['openFindings'][number]): string {
  return `[${severityLabelsVi[f.severity]}]${f.indicatorCode ? ` ${f.indicatorCode}:` : ''} ${f.message}`;
}

/** The report as plain text, to paste into a document or a message: title, numbered parts, open findings. */
export function reportText(report: Omit<Report, 'text'>): string {
  const lines = [report.title, `Đơn vị: ${report.unitName}`, ''];
  report.sections.forEach((s, i) => {
    lines.push(`${sectionNumber(i)}. ${s.title.toUpperCase()}`, ...s.paragraphs, '');
  });
  if (report.sections.length === 0) lines.push('Chưa có số liệu nào của kỳ này để viết báo cáo.', '');
  if (report.openFindings.length > 0) {
    lines.push(
      `${sectionNumber(report.sections.length)}. ${openFindingsHeading.toUpperCase()} (${report.openFindings.length})`,
      ...report.openFindings.map((f) => `- ${findingLine(f)}`),
      '',
    );
  }
  return lines.join('\n').trimEnd() + '\n';
}
