import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportDocxOutputSchema, reportTemplateSchema } from '../../shared/api/report-entities';
import { refusalOf, startBackend } from '../support/backend';
import { makeDataDir } from '../support/data-dir';
import { enterSeedFigures } from '../support/export-data';

describe('the phrase templates the department edits', () => {
  it('lists the shipped sentences with their sections, codes and wording, none edited', async () => {
    const { api } = startBackend(makeDataDir());
    const templates = await api.call('report.templates.list', {});
    expect(templates.map((t) => reportTemplateSchema.strict().parse(t))).toEqual(templates);
    const xnk = templates.find((t) => t.key === 'xuat-nhap-khau');
    expect(xnk).toMatchObject({
      kind: 'indicator',
      sectionTitle: 'Xuất nhập khẩu',
      codes: ['XNK'],
      edited: false,
      updatedBy: null,
    });
    expect(xnk?.text).toBe(xnk?.defaultText);
    expect(templates.every((t) => !t.edited)).toBe(true);
  });

  it('writes the next report in the saved wording, who saved it kept, and survives a restart', async () => {
    const dir = makeDataDir();
    const first = startBackend(dir);
    await enterSeedFigures(first.api);
    const saved = await first.api.call('report.templates.save', {
      key: 'ban-le',
      text: '{ten} {ky} ước đạt {giatri} {donvi}[, bằng {pctKeHoach}% kế hoạch năm][, {soCungKy} so với cùng kỳ].',
    });
    expect(saved).toMatchObject({ key: 'ban-le', edited: true, updatedBy: 'Nguyễn Thị Lan' });
    expect(saved.text).not.toBe(saved.defaultText);
    first.backend.close();

    const { api } = startBackend(dir);
    const report = await api.call('report.build', { period: '2023-H1' });
    expect(report.text).toContain(
      'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng 6 tháng đầu năm 2023 ước đạt 14.659,9 tỷ đồng, bằng 54,5% kế hoạch năm, tăng 21,9% so với cùng kỳ.',
    );
  });

  it('refuses a template with an unknown placeholder, in Vietnamese, and keeps the wording it had', async () => {
    const { api } = startBackend(makeDataDir());
    const refusal = await refusalOf(
      api.call('report.templates.save', { key: 'xuat-nhap-khau', text: '{ten} đạt {giaTri} {donvi}.' }),
    );
    expect(refusal.code).toBe('bad_input');
    expect(refusal.message).toMatch(/^Mẫu câu có chỗ điền không biết: \{giaTri\}\. Các chỗ điền dùng được: \{ten\}, /);
    // A count of products has no indicator name to put in.
    const count = await refusalOf(
      api.call('report.templates.save', { key: 'san-pham-chu-yeu', text: '{ten}: {soDat}/{tongSo}.' }),
    );
    expect(count.message).toContain('{ten}');
    const unknownKey = await refusalOf(api.call('report.templates.save', { key: 'khong-co', text: '{ten}.' }));
    expect(unknownKey).toMatchObject({ code: 'not_found', message: 'Không có mẫu câu "khong-co".' });
    const empty = await refusalOf(api.call('report.templates.save', { key: 'ban-le', text: '   ' }));
    expect(empty.message).toContain('Mẫu câu không được để trống.');
    const templates = await api.call('report.templates.list', {});
    expect(templates.every((t) => !t.edited)).toBe(true);
  });

  it('goes back to the shipped wording on reset', async () => {
    const { api } = startBackend(makeDataDir());
    await enterSeedFigures(api);
    await api.call('report.templates.save', { key: 'xuat-nhap-khau', text: 'XNK: {giatri} {donvi}.' });
    expect((await api.call('report.build', { period: '2023-H1' })).text).toContain('XNK: 2.260 triệu USD.');
    const reset = await api.call('report.templates.reset', { key: 'xuat-nhap-khau' });
    expect(reset).toMatchObject({ edited: false, updatedBy: null });
    expect(reset.text).toBe(reset.defaultText);
    expect((await api.call('report.build', { period: '2023-H1' })).text).toContain(
      'đạt 2.260 triệu USD, đạt 59,5% kế hoạch, tăng 98,9% so với cùng kỳ năm 2022',
    );
  });
});

describe('the report as a Word file', () => {
  it("comes back as bytes to download, or is written where the desktop's save dialog says", async () => {
    const dir = makeDataDir();
    const { api } = startBackend(join(dir, 'data'));
    await enterSeedFigures(api);
    const download = await api.call('report.docx', { period: '2023-H1' });
    expect(reportDocxOutputSchema.strict().parse(download)).toEqual(download);
    expect(download).toMatchObject({ fileName: 'bao-cao-2023-H1-toan-tinh.docx', path: null });
    const bytes = Buffer.from(download.contentBase64 ?? '', 'base64');
    expect(bytes.length).toBe(download.size);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');

    const target = join(dir, 'Báo cáo 6 tháng.docx');
    const saved = await api.call('report.docxToFile', { period: '2023-H1', saveTo: target });
    expect(saved).toMatchObject({ fileName: 'Báo cáo 6 tháng.docx', path: target, contentBase64: null });
    expect(readFileSync(target).length).toBe(saved.size);

    const refusal = await refusalOf(
      api.call('report.docxToFile', { period: '2023-H1', saveTo: join(dir, 'khong-co', 'a.docx') }),
    );
    expect(refusal.message).toBe(`Không ghi được tệp ${join(dir, 'khong-co', 'a.docx')}: thư mục không tồn tại.`);
    expect(existsSync(join(dir, 'khong-co'))).toBe(false);
  });
});
