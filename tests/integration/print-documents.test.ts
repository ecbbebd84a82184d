import { describe, expect, it } from 'vitest';
import { startBackend } from '../support/backend';
import { makeDataDir } from '../support/data-dir';
import { enterSeedFigures } from '../support/export-data';

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe('the print view of the report workbook', () => {
  it('prints the six months on A4 landscape with "Thực hiện tháng 6/2023", the figures and comparisons as the workbook has them, and the signatures', async () => {
    const { api } = startBackend(makeDataDir());
    await enterSeedFigures(api);
    const page = await api.call('report.print', { document: 'workbook', period: '2023-H1' });
    expect(page.fileName).toBe('bieu-bao-cao-2023-H1-toan-tinh.pdf');
    expect(page.html).toContain('@page{size:A4 landscape');
    const words = text(page.html);
    for (const part of [
      'UBND TỈNH TÂY NINH',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Biểu số: 01/BC-SCT',
      'BÁO CÁO CÁC CHỈ TIÊU CHỦ YẾU NGÀNH CÔNG THƯƠNG',
      'Kỳ báo cáo: 6 tháng đầu năm 2023',
      'Thực hiện tháng 6/2023',
      '2.260,0',
      '59,5',
      '198,9',
      '14.659,9',
      '54,5',
      '121,9',
      '105,79',
      'NGƯỜI LẬP BIỂU',
      'Nguyễn Thị Lan',
      'Trần Văn Hùng',
      'Tây Ninh, ngày',
    ]) {
      expect(words, part).toContain(part);
    }
  });

  it('is refused while a validation error stands, as the export is, and goes ahead with a reason printed under the table', async () => {
    const { api } = startBackend(makeDataDir());
    await enterSeedFigures(api);
    await api.call('values.set', {
      period: '2023-H1',
      entries: [
        { code: 'XK', value: 1000 },
        { code: 'NK', value: 500 },
      ],
    });
    await expect(api.call('report.print', { document: 'workbook', period: '2023-H1' })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/^Chưa xuất báo cáo/),
    });
    const page = await api.call('report.print', {
      document: 'workbook',
      period: '2023-H1',
      overrideReason: 'Số XNK theo Cục Hải quan',
    });
    expect(text(page.html)).toContain('Số XNK theo Cục Hải quan');
  });
});
