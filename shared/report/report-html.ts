import type { Report } from '../api/report-entities';
import { findingLine, openFindingsHeading, sectionNumber } from './report-text';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The report as a standalone HTML page in the department's type (Times New Roman), to open in a browser, print,
 * or paste into a mail; every text is escaped, since templates and messages are the department's own words.
 */
export function reportHtml(report: Report): string {
  const body = [
    `<h1>${escapeHtml(report.title)}</h1>`,
    `<p class="unit">Đơn vị: ${escapeHtml(report.unitName)}</p>`,
    ...report.sections.flatMap((s, i) => [
      `<h2>${sectionNumber(i)}. ${escapeHtml(s.title)}</h2>`,
      ...s.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    ]),
  ];
  if (report.openFindings.length > 0) {
    body.push(
      `<h2>${sectionNumber(report.sections.length)}. ${escapeHtml(openFindingsHeading)}</h2>`,
      '<ul>',
      ...report.openFindings.map((f) => `<li>${escapeHtml(findingLine(f))}</li>`),
      '</ul>',
    );
  }
  return [
    '<!doctype html>',
    '<html lang="vi">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(report.title)}</title>`,
    '<style>body{font-family:"Times New Roman",Times,serif;font-size:14pt;line-height:1.5;max-width:48em;margin:2em auto}h1{font-size:15pt;text-align:center}h2{font-size:14pt}p{text-align:justify;text-indent:2em}.unit{text-align:center;font-style:italic;text-indent:0}</style>',
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
