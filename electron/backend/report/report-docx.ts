/**
 * The report as a Word document the clerk pastes into the department's report or sends as it is: the title
 * block of an administrative document (the committee and the department on the left, the national motto and
 * the date on the right), the title, one heading per part, justified paragraphs, the findings still open and
 * the signature block; Times New Roman 14 on A4 with the margins of Decree 30/2020 on administrative documents.
 */
import { committeeLine } from '../../../shared/report/committee-line';
import { signerTitleLines } from '../../../shared/report/signer-title';
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from 'docx';
import type { Settings } from '../../../shared/api/entities';
import type { Report } from '../../../shared/api/report-entities';
import { findingLine, openFindingsHeading, sectionNumber } from '../../../shared/report/report-text';
import { dateLine } from '../export/sheet-writer';

const font = 'Times New Roman';
/** docx sizes are in half-points. */
const body = 28;
const small = 24;
/** Twips (1/20 pt): 1 cm is 567. */
const cm = 567;

function line(text: string, options: Omit<IRunOptions, 'text'> = {}, alignment: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.CENTER): Paragraph {
  return new Paragraph({ alignment, children: [new TextRun({ text, font, size: small, ...options })] });
}

function cell(children: Paragraph[], widthPercent: number): TableCell {
  return new TableCell({ children, width: { size: widthPercent, type: WidthType.PERCENTAGE }, borders: TableBorders.NONE });
}

/** Two columns side by side without borders, as the title and signature blocks are laid out. */
function twoColumns(left: Paragraph[], right: Paragraph[], leftPercent: number): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: [cell(left, leftPercent), cell(right, 100 - leftPercent)] })],
  });
}

function titleBlock(settings: Settings, date: Date): Table {
  const department = (settings.departmentName.trim() || 'SỞ CÔNG THƯƠNG').toUpperCase();
  return twoColumns(
    [line(committeeLine(settings.provinceName)), line(department, { bold: true, underline: {} })],
    [
      line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true }),
      line('Độc lập - Tự do - Hạnh phúc', { bold: true, underline: {} }),
      new Paragraph({ children: [] }),
      line(dateLine(settings.placeName, date), { italics: true, size: body }),
    ],
    38,
  );
}

function signatureBlock(settings: Settings): Table {
  const name = (text: string) => line(text.trim(), { bold: true, size: body });
  const gap = () => new Paragraph({ children: [] });
  return twoColumns(
    [line('NGƯỜI LẬP BÁO CÁO', { bold: true, size: body }), gap(), gap(), gap(), name(settings.preparerName)],
    [...signerTitleLines(settings.headTitle).map((t) => line(t, { bold: true, size: body })), gap(), gap(), gap(), name(settings.headName)],
    50,
  );
}

function heading(text: string): Paragraph {
  return new Paragraph({ heading: HeadingLevel.HEADING_1, spacing: { before: 240, after: 120 }, children: [new TextRun({ text, font, size: body, bold: true, color: '000000' })] });
}

function prose(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: Math.round(1.27 * cm) },
    spacing: { after: 120, line: 312 },
    children: [new TextRun({ text, font, size: body })],
  });
}

function titleLines(title: string): string[] {
  const match = /^(BÁO CÁO)\s+(.+)$/.exec(title);
  return match?.[1] && match[2] ? [match[1], match[2]] : [title];
}

export function reportDocx(report: Report, settings: Settings, date: Date): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    titleBlock(settings, date),
    new Paragraph({ children: [] }),
    // "BÁO CÁO" on a line of its own above what it reports, as administrative documents set their title.
    ...titleLines(report.title).map((text, i) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: i === 0 ? 240 : 0 }, children: [new TextRun({ text, font, size: body, bold: true })] })),
    line(`Đơn vị: ${report.unitName}`, { italics: true, size: body }),
    new Paragraph({ children: [] }),
  ];
  report.sections.forEach((s, i) => {
    children.push(heading(`${sectionNumber(i)}. ${s.title.toUpperCase()}`), ...s.paragraphs.map(prose));
  });
  if (report.sections.length === 0) children.push(prose('Chưa có số liệu nào của kỳ này để viết báo cáo.'));
  if (report.openFindings.length > 0) {
    children.push(heading(`${sectionNumber(report.sections.length)}. ${openFindingsHeading.toUpperCase()} (${report.openFindings.length})`), ...report.openFindings.map((f) => prose(`- ${findingLine(f)}`)));
  }
  children.push(new Paragraph({ children: [] }), signatureBlock(settings));

  const document = new Document({
    creator: 'ChiTieu',
    title: report.title,
    styles: {
      default: {
        document: { run: { font, size: body, language: { value: 'vi-VN' } } },
        heading1: { run: { font, size: body, bold: true, color: '000000' } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 2 * cm, bottom: 2 * cm, left: 3 * cm, right: Math.round(1.5 * cm) },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
