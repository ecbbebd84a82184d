import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/backend';
import { reportDocx } from '../../electron/backend/report/report-docx';
import { createApiClient } from '../../shared/api/client';
import { startBackend } from '../support/backend';
import { makeDataDir } from '../support/data-dir';
import { enterSeedFigures, exportDay } from '../support/export-data';

interface Line {
  text: string;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  /** In points. */
  size: number | null;
}

/** word/document.xml as Python's zipfile reads it out of the .docx, not by the library that wrote it. */
function documentXml(bytes: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'chitieu-docx-')), 'bao-cao.docx');
  writeFileSync(file, bytes);
  const read = spawnSync(
    'python3',
    [
      '-c',
      'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode("utf-8"))',
      file,
    ],
    { encoding: 'utf8' },
  );
  if (read.status !== 0) throw new Error(read.stderr);
  return read.stdout;
}

const unescape = (t: string) =>
  t
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Each paragraph's text with the type of its first run, as Word would show it. */
function linesOf(xml: string): Line[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].flatMap(([p]) => {
    const text = [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1] ?? '')).join('');
    if (text === '') return [];
    const run = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(p.slice(p.indexOf('<w:r>')))?.[1] ?? '';
    const size = /<w:sz w:val="(\d+)"/.exec(run)?.[1];
    return [
      {
        text,
        bold: /<w:b\/>|<w:b w:val="(true|1)"\/>/.test(run),
        italic: /<w:i\/>|<w:i w:val="(true|1)"\/>/.test(run),
        underline: /<w:u /.test(run),
        size: size ? Number(size) / 2 : null,
      },
    ];
  });
}

function lineOf(lines: readonly Line[], text: string): Line {
  const found = lines.filter((l) => l.text === text);
  if (found.length !== 1)
    throw new Error(`expected one line "${text}", found ${found.length}: ${lines.map((l) => l.text).join(' | ')}`);
  return found[0] as Line;
}

describe('the narrative report as a Word document with the parts of an administrative document (Decree 30/2020)', () => {
  let lines: Line[];
  let xml: string;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chitieu-docx-parts-'));
    const backend = createBackend({ dataDir: join(dir, 'data') });
    const api = createApiClient((op, input) => backend.call(op, input));
    await enterSeedFigures(api);
    await api.call('settings.set', {
      officeSymbol: 'SCT',
      headTitle: 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC',
      recipients: 'Bộ Công Thương\n- UBND tỉnh Tây Ninh;\nCục Thống kê tỉnh\nLưu: VT, KHTC',
    });
    const report = await api.call('report.build', { period: '2023-H1' });
    xml = documentXml(await reportDocx(report, await api.call('settings.get', {}), exportDay));
    lines = linesOf(xml);
    backend.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has the national title in bold capitals (13) over the motto in bold (14), ruled', () => {
    expect(lineOf(lines, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toMatchObject({ bold: true, size: 13 });
    expect(lineOf(lines, 'Độc lập - Tự do - Hạnh phúc')).toMatchObject({ bold: true, underline: true, size: 14 });
  });

  it('has the superior body upright over the issuing body in bold, ruled, from Cài đặt', () => {
    expect(lineOf(lines, 'UBND TỈNH TÂY NINH')).toMatchObject({ bold: false, size: 13 });
    expect(lineOf(lines, 'SỞ CÔNG THƯƠNG')).toMatchObject({ bold: true, underline: true, size: 13 });
  });

  it('has the number left blank for the registry and the symbol of a report of the office: Số: …/BC-SCT', () => {
    expect(lineOf(lines, 'Số:       /BC-SCT')).toMatchObject({ size: 13 });
  });

  it('has the place and date in italics', () => {
    expect(lineOf(lines, 'Tây Ninh, ngày 10 tháng 07 năm 2023')).toMatchObject({ italic: true, size: 14 });
  });

  it('has the type of document in capitals and its summary in lower case, both bold', () => {
    expect(lineOf(lines, 'BÁO CÁO')).toMatchObject({ bold: true, size: 14 });
    expect(lineOf(lines, 'Tình hình thực hiện các chỉ tiêu ngành Công Thương 6 tháng đầu năm 2023')).toMatchObject({
      bold: true,
      size: 14,
    });
  });

  it('carries the figures of the report in its body', () => {
    expect(
      lines.some((l) => l.text.includes('đạt 2.260 triệu USD, đạt 59,5% kế hoạch, tăng 98,9% so với cùng kỳ năm 2022')),
    ).toBe(true);
  });

  it('ends with the recipients (bold italic 12, each line 11, ";" after each, "." after the last) and the signer', () => {
    expect(lineOf(lines, 'Nơi nhận:')).toMatchObject({ bold: true, italic: true, size: 12 });
    const recipients = ['- Bộ Công Thương;', '- UBND tỉnh Tây Ninh;', '- Cục Thống kê tỉnh;', '- Lưu: VT, KHTC.'];
    for (const r of recipients) expect(lineOf(lines, r)).toMatchObject({ bold: false, size: 11 });
    expect(lineOf(lines, 'KT. GIÁM ĐỐC')).toMatchObject({ bold: true, size: 14 });
    expect(lineOf(lines, 'PHÓ GIÁM ĐỐC')).toMatchObject({ bold: true, size: 14 });
    expect(lineOf(lines, 'Trần Văn Hùng')).toMatchObject({ bold: true, size: 14 });
    const order = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'BÁO CÁO', 'Nơi nhận:', 'KT. GIÁM ĐỐC', 'Trần Văn Hùng'].map(
      (t) => lines.findIndex((l) => l.text === t),
    );
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('is Times New Roman on A4 with the margins of the decree', () => {
    expect(xml).toContain('w:ascii="Times New Roman"');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701"/);
  });
});

describe('the Word document of an office that has not set its recipients', () => {
  it('sends it to the Ministry and the committee and keeps a copy, the default list', async () => {
    const { api } = startBackend(makeDataDir());
    await enterSeedFigures(api);
    const report = await api.call('report.build', { period: '2023-H1' });
    const lines = linesOf(documentXml(await reportDocx(report, await api.call('settings.get', {}), exportDay)));
    expect(['- Bộ Công Thương;', '- UBND tỉnh;', '- Lưu: VT.'].map((t) => lineOf(lines, t).text)).toHaveLength(3);
  });
});
