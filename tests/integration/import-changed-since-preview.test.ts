import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/api/client';
import { refusalOf, startBackend } from '../support/backend';
import { makeDataDir } from '../support/data-dir';
import { listedPreview, readForImport, writeWorkbook } from '../support/workbooks';

const may2023 = [
  ['BÁO CÁO THÁNG 5 NĂM 2023'],
  ['STT', 'Chỉ tiêu', 'ĐVT', 'Ước thực hiện kỳ báo cáo'],
  [1, 'Điện sản xuất', 'Triệu kWh', 160],
  [2, 'Xi măng Portland đen', 'Tấn', 1100],
];

async function valueOf(api: ApiClient, code: string): Promise<number | null> {
  return (await api.call('values.grid', { period: '2023-05' })).rows.find((r) => r.code === code)?.value ?? null;
}

/** A workbook read and previewed, as the clerk has it on screen before pressing Nhập. */
async function previewed(dir: string, api: ApiClient): Promise<string> {
  const file = await writeWorkbook(join(dir, 'thang-5.xlsx'), [{ name: 'BC', rows: may2023 }]);
  const { sessionId } = await readForImport(api, [file]);
  await listedPreview(api, { sessionId });
  return sessionId;
}

describe('an import confirmed from a preview that is no longer true', () => {
  it('is refused whole when a figure of it was saved elsewhere after the preview, naming it', async () => {
    const dir = makeDataDir();
    const { api } = startBackend(dir);
    const sessionId = await previewed(dir, api);
    await api.call('values.set', { period: '2023-05', entries: [{ code: 'SPCN_DIEN_SX', value: 158 }] });

    const refusal = await refusalOf(api.call('import.commit', { sessionId }));
    expect(refusal.code).toBe('conflict');
    expect(refusal.message).toMatch(
      /^Chưa nhập gì: từ lúc xem trước, 1 số liệu của tệp đã được sửa ở nơi khác \(SPCN_DIEN_SX .*: nay là 158 \(bản xem trước: trống\)\)\. Hãy xem lại bản xem trước rồi nhập lại\.$/,
    );
    expect(await valueOf(api, 'SPCN_DIEN_SX')).toBe(158);
    expect(await valueOf(api, 'SPCN_XIMANG')).toBeNull();
  });

  it('goes through once the clerk has looked at the preview again', async () => {
    const dir = makeDataDir();
    const { api } = startBackend(dir);
    const sessionId = await previewed(dir, api);
    await api.call('values.set', { period: '2023-05', entries: [{ code: 'SPCN_DIEN_SX', value: 158 }] });
    await refusalOf(api.call('import.commit', { sessionId }));

    // The preview now says the figure typed by hand stays, and the import does what it says.
    const again = await listedPreview(api, { sessionId });
    expect(again.counts).toMatchObject({ valuesNew: 1, valuesChanged: 0 });
    const result = await api.call('import.commit', { sessionId });
    expect(result.valuesChanged).toBe(1);
    expect([await valueOf(api, 'SPCN_DIEN_SX'), await valueOf(api, 'SPCN_XIMANG')]).toEqual([158, 1100]);
  });

  it('goes through when only figures it does not touch were saved meanwhile', async () => {
    const dir = makeDataDir();
    const { api } = startBackend(dir);
    const sessionId = await previewed(dir, api);
    await api.call('values.set', { period: '2023-05', entries: [{ code: 'BLHH', value: 2300.5 }] });
    const result = await api.call('import.commit', { sessionId });
    expect(result.valuesChanged).toBe(2);
    expect([await valueOf(api, 'SPCN_DIEN_SX'), await valueOf(api, 'BLHH')]).toEqual([160, 2300.5]);
  });
});
