import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportSchema } from '../../shared/api/report-entities';
import { runCli } from '../support/cli';
import { makeDataDir } from '../support/data-dir';

/** Seed 000's figures typed at the command line, as the README shows. */
function enterSeedFigures(dir: string): void {
  const steps = [
    ['plan', 'set', '--year', '2023', 'XNK=3.798,3', 'BLHH=26.899'],
    ['values', 'set', '--period', '2022-H1', '--status', 'actual', 'XNK=1.136,2', 'BLHH=12.026,2', 'IIP=105,66'],
    ['values', 'set', '--period', '2023-H1', '--status', 'estimate', 'XNK=2.260', 'BLHH=14.659,9', 'IIP=105,79'],
  ];
  for (const args of steps) expect(runCli([...args, '--data', dir]).status).toBe(0);
}

/** A part of a .docx as Python's zipfile reads it, checked to be well-formed XML by ElementTree. */
function docxPart(file: string, part: string): string {
  const script =
    'import sys, zipfile, xml.etree.ElementTree as ET\nxml = zipfile.ZipFile(sys.argv[1]).read(sys.argv[2])\nET.fromstring(xml)\nsys.stdout.write(xml.decode("utf-8"))';
  const result = spawnSync('python3', ['-c', script, file, part], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`cannot read ${part} of ${file}: ${result.stderr}`);
  return result.stdout;
}

describe('chitieu report', () => {
  it("prints the report of the period as text, with the seed's sentences", () => {
    const dir = makeDataDir();
    enterSeedFigures(dir);
    const result = runCli(['report', '--period', '2023-H1', '--data', dir]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n').slice(0, 2)).toEqual([
      'BÁO CÁO TÌNH HÌNH THỰC HIỆN CÁC CHỈ TIÊU NGÀNH CÔNG THƯƠNG 6 THÁNG ĐẦU NĂM 2023',
      'Đơn vị: Toàn tỉnh',
    ]);
    expect(result.stdout).toContain('đạt 2.260 triệu USD, đạt 59,5% kế hoạch, tăng 98,9% so với cùng kỳ năm 2022');
    expect(result.stdout).toContain('đạt 14.659,9 tỷ đồng, đạt 54,5% kế hoạch, tăng 21,9% so với cùng kỳ');
  });

  it('writes a Word document with --format docx --out: title block, headings and sentences in Times New Roman', () => {
    const dir = makeDataDir();
    enterSeedFigures(dir);
    expect(runCli(['values', 'set', '--period', '2023-H1', 'CCHC_DVC4=96', '--data', dir]).status).toBe(0);
    // Five months of retail sales above the six months: an error the report lists at its end.
    expect(runCli(['values', 'set', '--period', '2023-L05', 'BLHH=15.000', '--data', dir]).status).toBe(0);
    const file = join(dir, 'bao-cao-6-thang.docx');
    const result = runCli(['report', '--period', '2023-H1', '--format', 'docx', '--out', file, '--data', dir]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`Đã ghi báo cáo (bao-cao-6-thang.docx) → ${file}\n`);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');

    const document = docxPart(file, 'word/document.xml');
    for (const text of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'SỞ CÔNG THƯƠNG',
      'BÁO CÁO',
      'Tình hình thực hiện các chỉ tiêu ngành Công Thương 6 tháng đầu năm 2023',
      'Số:       /BC-SCT',
      'Nơi nhận:',
      'I. SẢN XUẤT CÔNG NGHIỆP',
      'Tổng kim ngạch xuất nhập khẩu hàng hóa 6 tháng đầu năm 2023 đạt 2.260 triệu USD, đạt 59,5% kế hoạch, tăng 98,9% so với cùng kỳ năm 2022.',
      'Tỷ lệ dịch vụ công trực tuyến mức độ 4 đạt 96%.',
    ]) {
      expect(document, text).toContain(`>${text}<`);
    }
    expect(document).toMatch(/>V\. CÁC VẤN ĐỀ KIỂM TRA SỐ LIỆU CÒN MỞ \(\d+\)<.*>- \[Lỗi\] BLHH: /);
    expect(document).toContain('w:ascii="Times New Roman"');
    expect(docxPart(file, 'word/styles.xml')).toContain('w:ascii="Times New Roman"');
  });

  it('prints HTML, or writes it to --out', () => {
    const dir = makeDataDir();
    enterSeedFigures(dir);
    const printed = runCli(['report', '--period', '2023-H1', '--format', 'html', '--data', dir]);
    expect(printed.status).toBe(0);
    expect(printed.stdout).toMatch(/^<!doctype html>\n<html lang="vi">/);
    expect(printed.stdout).toContain('<h2>III. Xuất nhập khẩu</h2>');
    expect(printed.stdout).toContain('đạt 14.659,9 tỷ đồng, đạt 54,5% kế hoạch, tăng 21,9% so với cùng kỳ');

    const file = join(dir, 'bao-cao.html');
    const written = runCli(['report', '--period', '2023-H1', '--format', 'html', '--out', file, '--data', dir]);
    expect(written.stdout).toBe(`Đã ghi báo cáo 6 tháng đầu năm 2023 (Toàn tỉnh) → ${file}\n`);
    expect(readFileSync(file, 'utf8')).toBe(printed.stdout);
  });

  it('--json prints the parts of the report, skipped sentences and why included', () => {
    const dir = makeDataDir();
    enterSeedFigures(dir);
    const result = runCli(['report', '--period', '2023-H1', '--json', '--data', dir]);
    expect(result.status).toBe(0);
    const report = reportSchema.strict().parse(JSON.parse(result.stdout));
    expect(report.sections.map((s) => s.key)).toEqual(['cong-nghiep', 'thuong-mai', 'xuat-nhap-khau']);
    expect(report.skipped).toContainEqual({
      templateKey: 'bien-gioi',
      indicatorCode: 'TMBG',
      reason: 'Chưa có số liệu kỳ này.',
    });
  });

  it('refuses, with exit code 2 and a Vietnamese reason, what it cannot do', () => {
    const dir = makeDataDir();
    const cases: [string[], string][] = [
      [['report'], 'Thiếu --period'],
      [['report', '--period', '2023-H7'], '2023-H7'],
      [
        ['report', '--period', '2023-H1', '--format', 'pdf'],
        '--format chỉ nhận text, docx hoặc html, không nhận "pdf".',
      ],
      [['report', '--period', '2023-H1', '--format', 'docx'], '--format docx cần --out'],
      [['report', '--period', '2023-H1', '--unit', 'KHONGCO'], 'KHONGCO'],
      [
        ['report', '--period', '2023-H1', '--format', 'html', '--out', join(dir, 'khong-co', 'a.html')],
        'Không ghi được tệp',
      ],
    ];
    for (const [args, message] of cases) {
      const result = runCli([...args, '--data', dir]);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toContain(message);
      expect(result.stdout).toBe('');
    }
  });
});
