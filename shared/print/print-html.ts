/**
 * The printed page of each document ChiTieu makes, as HTML for a browser's print (and its "Save as PDF") or a
 * headless print to PDF: A4, Times New Roman, the title block of an administrative document and its foot.
 * Everything printed is escaped: names, templates and messages are the department's own words.
 */
import type { Settings } from '../api/entities';
import type { Report } from '../api/report-entities';
import { parsePeriod } from '../periods/period';
import { committeeLine } from '../report/committee-line';
import { documentNumberLine, recipientLines, reportSummary } from '../report/document-parts';
import { findingLine, openFindingsHeading, sectionNumber } from '../report/report-text';
import { signerTitleLines } from '../report/signer-title';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "Tây Ninh, ngày 07 tháng 12 năm 2026" (the place left as "…" until Cài đặt names it). */
export function printedDateLine(placeName: string, date: Date): string {
  const place = placeName.trim() === '' ? '…' : placeName.trim();
  return `${place}, ngày ${pad(date.getDate())} tháng ${pad(date.getMonth() + 1)} năm ${date.getFullYear()}`;
}

const lines = (texts: readonly string[]) => texts.map((t) => escapeHtml(t)).join('<br>');

function departmentOf(settings: Settings): string {
  return (settings.departmentName.trim() || 'SỞ CÔNG THƯƠNG').toUpperCase();
}

const style = `
*{box-sizing:border-box}
body{margin:0;font-family:"Times New Roman",Times,serif;color:#000}
.doc{font-size:14pt;line-height:1.4}
.head{width:100%;border-collapse:collapse;margin-bottom:12pt}
.head td{vertical-align:top;text-align:center;padding:0;border:none}
.upper{font-size:13pt}
.b{font-weight:bold}
.i{font-style:italic}
.rule{display:inline-block;border-bottom:1px solid #000;padding-bottom:1pt}
.motto{font-size:14pt;font-weight:bold}
.number{font-size:13pt;margin-top:6pt}
.date{font-style:italic;margin-top:6pt}
.kind{text-align:center;font-weight:bold;margin:12pt 0 0}
.summary{text-align:center;font-weight:bold;margin:0}
.unit{text-align:center;font-style:italic;margin:0 0 12pt}
h2{font-size:14pt;margin:10pt 0 4pt}
.doc p.body{text-align:justify;text-indent:1.27cm;margin:0 0 6pt}
.foot{width:100%;border-collapse:collapse;margin-top:14pt;page-break-inside:avoid}
.foot td{vertical-align:top;padding:0;border:none}
.recipients{font-size:11pt;text-align:left}
.recipients .title{font-size:12pt;font-weight:bold;font-style:italic}
.signer{text-align:center;font-weight:bold}
.signer .name{margin-top:60pt}
.sign-hint{font-weight:normal;font-style:italic;font-size:12pt}
.sheet{font-size:11pt}
.sheet .form{font-size:11pt;margin-top:4pt}
.sheet .title{text-align:center;font-weight:bold;font-size:13pt;margin:8pt 0 0}
.sheet .sub{text-align:center;font-style:italic;margin:0}
.sheet .units{text-align:right;font-style:italic;margin:4pt 0}
table.figures{width:100%;border-collapse:collapse;font-size:10pt}
table.figures th,table.figures td{border:1px solid #000;padding:1pt 3pt}
table.figures th{font-weight:bold;text-align:center;vertical-align:middle}
table.figures thead{display:table-header-group}
table.figures tr{page-break-inside:avoid}
table.figures td.n{text-align:right;white-space:nowrap}
table.figures td.c{text-align:center}
table.figures tr.parent td{font-weight:bold}
table.figures tr.codes th{font-weight:normal;font-style:italic}
.note{font-style:italic;margin-top:6pt}
`;

function page(title: string, orientation: 'portrait' | 'landscape', body: string): string {
  // The decree's margins for a text; a table has narrower ones to fit its columns on a landscape page.
  const margin = orientation === 'portrait' ? '20mm 15mm 20mm 30mm' : '12mm 10mm 12mm 15mm';
  return [
    '<!doctype html>',
    '<html lang="vi">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>@page{size:A4 ${orientation};margin:${margin}}${style}</style>`,
    '</head>',
    `<body>${body}</body>`,
    '</html>',
    '',
  ].join('\n');
}

/** The two columns over every document: the bodies on the left, the national title and the motto on the right. */
function titleBlock(settings: Settings, left: string[], date: Date | null): string {
  return `<table class="head"><tr>
<td style="width:42%"><div class="upper">${escapeHtml(committeeLine(settings.provinceName))}</div><div class="upper b"><span class="rule">${escapeHtml(departmentOf(settings))}</span></div>${left.join('')}</td>
<td><div class="upper b">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div><div class="motto"><span class="rule">Độc lập - Tự do - Hạnh phúc</span></div>${date === null ? '' : `<div class="date">${escapeHtml(printedDateLine(settings.placeName, date))}</div>`}</td>
</tr></table>`;
}

function signerBlock(titleLines: readonly string[], name: string): string {
  const named = name.trim();
  return `<div class="signer">${lines(titleLines)}<div class="name">${named === '' ? '<span class="sign-hint">(Ký, ghi rõ họ tên)</span>' : escapeHtml(named)}</div></div>`;
}

/** The narrative report as an administrative document (Decree 30/2020), the same parts as its .docx. */
export function reportPrintHtml(report: Report, settings: Settings, date: Date): string {
  const parsed = parsePeriod(report.period);
  const body: string[] = [
    titleBlock(settings, [`<div class="number">${escapeHtml(documentNumberLine(settings.officeSymbol))}</div>`], date),
    '<p class="kind">BÁO CÁO</p>',
    `<p class="summary">${escapeHtml(reportSummary(parsed.ok ? parsed.period : null, report.title))}</p>`,
    `<p class="unit">Đơn vị: ${escapeHtml(report.unitName)}</p>`,
  ];
  report.sections.forEach((s, i) =>
    body.push(
      `<h2>${sectionNumber(i)}. ${escapeHtml(s.title.toUpperCase())}</h2>`,
      ...s.paragraphs.map((p) => `<p class="body">${escapeHtml(p)}</p>`),
    ),
  );
  if (report.sections.length === 0) body.push('<p class="body">Chưa có số liệu nào của kỳ này để viết báo cáo.</p>');
  if (report.openFindings.length > 0) {
    body.push(
      `<h2>${sectionNumber(report.sections.length)}. ${escapeHtml(openFindingsHeading.toUpperCase())} (${report.openFindings.length})</h2>`,
      ...report.openFindings.map((f) => `<p class="body">- ${escapeHtml(findingLine(f))}</p>`),
    );
  }
  const recipients = recipientLines(settings.recipients);
  body.push(
    `<table class="foot"><tr><td style="width:50%" class="recipients"><div class="title">Nơi nhận:</div>${lines(recipients)}</td><td>${signerBlock(signerTitleLines(settings.headTitle), settings.headName)}</td></tr></table>`,
  );
  return page(report.title, 'portrait', `<div class="doc">${body.join('\n')}</div>`);
}

export interface PrintColumn {
  /** The heading, or the group's heading over `sub`. */
  top: string;
  sub: string | null;
  code: string;
}

export interface PrintRow {
  stt: string;
  name: string;
  unit: string;
  depth: number;
  bold: boolean;
  /** A text per column, already written the Vietnamese way ("14.659,9"), or "" for an empty cell. */
  cells: string[];
}

/** A table of figures as a form prints it: Biểu số, title, period and unit, the table, the date and the signatures. */
export interface PrintSheet {
  title: string;
  periodLine: string;
  unitLine: string;
  columns: PrintColumn[];
  rows: PrintRow[];
  note: string | null;
}

function headerRows(columns: readonly PrintColumn[]): string {
  const top: string[] = [
    '<th rowspan="2">STT</th>',
    '<th rowspan="2">Chỉ tiêu</th>',
    '<th rowspan="2">Đơn vị tính</th>',
  ];
  const sub: string[] = [];
  for (let i = 0; i < columns.length;) {
    const c = columns[i] as PrintColumn;
    if (c.sub === null) {
      top.push(`<th rowspan="2">${escapeHtml(c.top)}</th>`);
      i++;
      continue;
    }
    let span = 1;
    while (columns[i + span]?.sub != null && columns[i + span]?.top === c.top) span++;
    top.push(`<th colspan="${span}">${escapeHtml(c.top)}</th>`);
    for (let k = 0; k < span; k++) sub.push(`<th>${escapeHtml(columns[i + k]?.sub ?? '')}</th>`);
    i += span;
  }
  const codes = ['A', 'B', 'C', ...columns.map((c) => c.code)].map((c) => `<th>${escapeHtml(c)}</th>`);
  return `<tr>${top.join('')}</tr><tr>${sub.join('')}</tr><tr class="codes">${codes.join('')}</tr>`;
}

export function sheetPrintHtml(sheet: PrintSheet, settings: Settings, date: Date): string {
  const form = settings.formNumber.trim();
  const rows = sheet.rows.map((r) => {
    const name = `<td style="padding-left:${3 + r.depth * 10}pt">${escapeHtml(r.name)}</td>`;
    const cells = r.cells.map((c) => `<td class="n">${escapeHtml(c)}</td>`).join('');
    return `<tr${r.bold ? ' class="parent"' : ''}><td class="c">${escapeHtml(r.stt)}</td>${name}<td class="c">${escapeHtml(r.unit)}</td>${cells}</tr>`;
  });
  const body = [
    titleBlock(
      settings,
      form === '' ? [] : [`<div class="form">${escapeHtml(/^biểu/i.test(form) ? form : `Biểu số: ${form}`)}</div>`],
      null,
    ),
    `<p class="title">${escapeHtml(sheet.title)}</p>`,
    `<p class="sub">${escapeHtml(sheet.periodLine)}</p>`,
    `<p class="sub">${escapeHtml(sheet.unitLine)}</p>`,
    '<p class="units">(Đơn vị tính ghi theo từng chỉ tiêu ở cột C)</p>',
    `<table class="figures"><thead>${headerRows(sheet.columns)}</thead><tbody>${rows.join('')}</tbody></table>`,
    sheet.note === null ? '' : `<p class="note">${escapeHtml(sheet.note)}</p>`,
    `<table class="foot"><tr><td style="width:50%"></td><td><div class="date" style="text-align:center">${escapeHtml(printedDateLine(settings.placeName, date))}</div></td></tr>`,
    `<tr><td>${signerBlock(['NGƯỜI LẬP BIỂU'], settings.preparerName)}</td><td>${signerBlock(signerTitleLines(settings.headTitle), settings.headName)}</td></tr></table>`,
  ];
  return page(`${sheet.title} - ${sheet.periodLine}`, 'landscape', `<div class="sheet">${body.join('\n')}</div>`);
}
