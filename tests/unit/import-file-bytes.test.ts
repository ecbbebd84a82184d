import { describe, expect, it } from 'vitest';
import { refusalBeforeSending } from '../../renderer/screens/excel/import-file-bytes';

const workbook = (name: string, bytes: number) => new File([new Uint8Array(bytes)], name);

describe('Nhập Excel, before sending the chosen files', () => {
  it('sends a 500th workbook and holds back the 501st, saying to import it next time', () => {
    expect(refusalBeforeSending(workbook('xa-500.xlsx', 20_000), { files: 499, bytes: 499 * 20_000 })).toBeNull();
    expect(refusalBeforeSending(workbook('xa-501.xlsx', 20_000), { files: 500, bytes: 500 * 20_000 })).toBe(
      'Một lần nhập nhận tối đa 500 tệp: hãy nhập tệp xa-501.xlsx ở lần sau.',
    );
  });

  it('holds back a workbook that would take one reading past what the browser door carries', () => {
    expect(refusalBeforeSending(workbook('xa-lon.xlsx', 6 * 1024 * 1024), { files: 10, bytes: 40 * 1024 * 1024 })).toBe(
      'Các tệp đã chọn nặng hơn 45 MB cho một lần nhập: hãy nhập tệp xa-lon.xlsx ở lần sau.',
    );
  });
});
