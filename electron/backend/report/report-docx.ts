/**
 * The report as a Word document the clerk sends as it is, with the parts of an administrative document that
 * Decree 30/2020/NĐ-CP (Phụ lục I) sets out and their type: the superior body (UBND TỈNH …, upright) over the
 * issuing body (SỞ CÔNG THƯƠNG, bold, ruled) and its number and symbol (Số: …/BC-SCT, the number left for the
 * registry to fill); the national title (bold capitals, 13) over the motto (bold, 14, ruled) and the place and
 * date (italic, 14); the type of document (BÁO CÁO, bold capitals) over its summary (bold, in lower case); the
 * body, one heading per part, justified; then the recipients (Nơi nhận, bold italic 12, its lines 11) on the
 * left and the signer's authority, title and name (bold) on the right. Times New Roman on A4 with the decree's
 * margins (top and bottom 2 cm, left 3 cm, right 1,5 cm).
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
import { parsePeriod, type Period } from '../../../shared/periods/period';
import { findingLine, openFindingsHeading, sectionNumber } from '../../../shared/report/report-text';
import { documentNumberLine, recipientLines, reportSummary } from '../../../shared/report/document-parts';
import { dateLine } from '../export/sheet-writer';

const font = 'Times New Roman';
/** docx sizes are in half-points: 14, 13, 12 and 11 pt. */
const body = 28;
const title = 26;
const small = 24;
const tiny = 22;
/** Twips (1/20 pt): 1 cm is 567. */
const cm = 567;

function line(
  text: string,
  options: Omit<IRunOptions, 'text'> = {},
  alignment: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.CENTER,
): Paragraph {
  return new Paragraph({ alignment, children: [new TextRun({ text, font, size: small, ...options })] });
}

function cell(children: Paragraph[], widthPercent: number): TableCell {
  return new TableCell({
    children,
    width: { size: widthPercent, type: WidthType.PERCENTAGE },
    borders: TableBorders.NONE,
  });
}

/** Two columns side by side without borders, as the title and signature blocks are laid out. */
function twoColumns(left: Paragraph[], right: Paragraph[], leftPercent: number): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: [cell(left, leftPercent), cell(right, 100 - leftPercent)] })],
  });
}

/** Left: the superior and the issuing body, the number; right: the national title, the motto, the place and date. */
function titleBlock(settings: Settings, date: Date): Table {
  const department = (settings.departmentName.trim() || 'SỞ CÔNG THƯƠNG').toUpperCase();
  return twoColumns(
    [
      line(committeeLine(settings.provinceName), { size: title }),
      line(department, { bold: true, size: title, underline: {} }),
      new Paragraph({ children: [] }),
      line(documentNumberLine(settings.officeSymbol), { size: title }),
    ],
    [
      line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: title }),
      line('Độc lập - Tự do - Hạnh phúc', { bold: true, size: body, underline: {} }),
      new Paragraph({ children: [] }),
      line(dateLine(settings.placeName, date), { italics: true, size: body }),
    ],
    40,
  );
}

/** Nơi nhận on the left, the signer on the right, as the decree lays out the foot of a document. */
function signatureBlock(settings: Settings): Table {
  const gap = () => new Paragraph({ children: [] });
  const recipients = recipientLines(settings.recipients);
  const left = [
    line('Nơi nhận:', { bold: true, italics: true, size: small }, AlignmentType.LEFT),
    ...recipients.map((r) => line(r, { size: tiny }, AlignmentType.LEFT)),
  ];
  const head = settings.headName.trim();
  const right = [
    ...signerTitleLines(settings.headTitle).map((t) => line(t, { bold: true, size: body })),
    gap(),
    gap(),
    gap(),
    gap(),
    line(
      head === '' ? '(Ký, ghi rõ họ tên)' : head,
      head === '' ? { italics: true, size: body } : { bold: true, size: body },
    ),
  ];
  return twoColumns(left, right, 50);
}

function heading(text: string): Paragraph {
  return new Paragraph({
    heading: HeadingLevel.HEADING_1,
    spacing: { before: 240, after: 120 },
    children: [new TextRun({ text, font, size: body, bold: true, color: '000000' })],
  });
}

function prose(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: Math.round(1.27 * cm) },
    spacing: { after: 120, line: 312 },
    children: [new TextRun({ text, font, size: body })],
  });
}

function periodOf(key: string): Period | null {
  const parsed = parsePeriod(key);
  return parsed.ok ? parsed.period : null;
}

export function reportDocx(report: Report, settings: Settings, date: Date): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    titleBlock(settings, date),
    new Paragraph({ children: [] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 240 },
      children: [new TextRun({ text: 'BÁO CÁO', font, size: body, bold: true })],
    }),
    line(reportSummary(periodOf(report.period), report.title), { bold: true, size: body }),
    line(`Đơn vị: ${report.unitName}`, { italics: true, size: body }),
    line('__________', { size: small }),
    new Paragraph({ children: [] }),
  ];
  report.sections.forEach((s, i) => {
    children.push(heading(`${sectionNumber(i)}. ${s.title.toUpperCase()}`), ...s.paragraphs.map(prose));
  });
  if (report.sections.length === 0) children.push(prose('Chưa có số liệu nào của kỳ này để viết báo cáo.'));
  if (report.openFindings.length > 0) {
    children.push(
      heading(
        `${sectionNumber(report.sections.length)}. ${openFindingsHeading.toUpperCase()} (${report.openFindings.length})`,
      ),
      ...report.openFindings.map((f) => prose(`- ${findingLine(f)}`)),
    );
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
