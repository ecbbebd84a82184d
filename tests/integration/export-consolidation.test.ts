import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/api/client';
import { startBackend } from '../support/backend';
import { makeDataDir } from '../support/data-dir';
import { exportOf, officeSettings } from '../support/export-data';
import { findText, pySheet, readWithPython, type PySheet } from '../support/python-xlsx';

interface Communes {
  province: number;
  tanLap: number;
  anHoa: number;
  hoaBinh: number;
}

/** Three communes under the province, each with its 6-month figures; Xã Hòa Bình has not sent its trade yet. */
async function communes(api: ApiClient): Promise<Communes> {
  await api.call('settings.set', officeSettings);
  const province = (await api.call('units.list', {}))[0]?.id ?? 0;
  const unit = async (code: string, name: string) =>
    (await api.call('units.create', { code, name, kind: 'commune', parentId: province })).id;
  const ids = {
    province,
    tanLap: await unit('XA01', 'Xã Tân Lập'),
    anHoa: await unit('PH02', 'Phường An Hòa'),
    hoaBinh: await unit('XA03', 'Xã Hòa Bình'),
  };
  const figures: [number, number | null, number, number][] = [
    // unit, XK (triệu USD), BLHH_HH (tỷ đồng), IIP (%)
    [ids.tanLap, 40.5, 1200.4, 104.2],
    [ids.anHoa, 20.6, 800.1, 107.9],
    [ids.hoaBinh, null, 300.2, 99.1],
  ];
  for (const [unitId, xk, retail, iip] of figures) {
    await api.call('values.set', {
      unitId,
      period: '2023-H1',
      entries: [
        ...(xk === null ? [] : [{ code: 'XK', value: xk, status: 'estimate' as const }]),
        { code: 'BLHH_HH', value: retail, status: 'estimate' },
        { code: 'IIP', value: iip, status: 'estimate' },
      ],
    });
    await api.call('values.set', {
      unitId,
      period: '2022-H1',
      entries: [{ code: 'BLHH_HH', value: retail - 100, status: 'actual' }],
    });
    await api.call('plans.set', {
      unitId,
      year: 2023,
      entries: [{ code: 'BLHH_HH', level: 'giao', value: retail * 2 }],
    });
  }
  // The province's own published figures: its sheet shows them, the total never adds them to the communes'.
  await api.call('values.set', {
    unitId: province,
    period: '2023-H1',
    entries: [{ code: 'BLHH_HH', value: 9999.9, status: 'estimate' }],
  });
  return ids;
}

function rowNamed(sheet: PySheet, name: string): number {
  const found = findText(sheet, new RegExp(`^${name.replace(/[()]/g, '\\$&')}$`)).filter((c) =>
    c.address.startsWith('B'),
  );
  if (found.length !== 1) throw new Error(`expected one row named ${name}`);
  return Number(found[0]?.address.slice(1));
}

function columnHeaded(sheet: PySheet, heading: string): string {
  const found = Object.entries(sheet.cells).filter(([a, c]) => /^[A-Z]+(9|10)$/.test(a) && c.v === heading);
  if (found.length !== 1) throw new Error(`expected one heading "${heading}", found ${found.length}`);
  return (found[0]?.[0] ?? '').replace(/\d+$/, '');
}

describe('several reporting units in one workbook', () => {
  it('puts a total sheet first whose flows are live sums of the unit sheets, then one sheet per unit', async () => {
    const dir = makeDataDir();
    const { backend, api } = startBackend(dir);
    const ids = await communes(api);
    const out = await exportOf(backend, {
      period: '2023-H1',
      unitIds: [ids.tanLap, ids.anHoa, ids.hoaBinh],
      saveTo: join(dir, 'tong-hop.xlsx'),
    });
    const book = readWithPython(out.path ?? '');
    expect(book.sheets.map((s) => s.name)).toEqual(['Tổng hợp', 'Xã Tân Lập', 'Phường An Hòa', 'Xã Hòa Bình']);
    expect(out.summary.sheets.map((s) => s.kind)).toEqual(['total', 'unit', 'unit', 'unit']);

    const total = pySheet(book, 'Tổng hợp');
    expect(total.cells.A5?.v).toBe('BÁO CÁO TỔNG HỢP CÁC CHỈ TIÊU CHỦ YẾU NGÀNH CÔNG THƯƠNG');
    expect(total.cells.A7?.v).toBe('Tổng hợp từ 3 đơn vị: Xã Tân Lập, Phường An Hòa, Xã Hòa Bình');
    const value = columnHeaded(total, 'Ước thực hiện 6 tháng đầu năm 2023');
    const plan = columnHeaded(total, 'Kế hoạch năm 2023');
    const vsPlan = columnHeaded(total, '6 tháng đầu năm 2023 so với kế hoạch năm');
    const retail = rowNamed(total, 'Doanh thu bán lẻ hàng hóa');
    const cell = `${value}${retail}`;
    expect(total.cells[cell]).toMatchObject({
      t: 'n',
      v: 2300.7,
      f: `SUM('Xã Tân Lập'!${cell},'Phường An Hòa'!${cell},'Xã Hòa Bình'!${cell})`,
      numFmt: '#,##0.0',
    });
    expect(total.cells[`${plan}${retail}`]?.v).toBe(4601.4);
    expect(total.cells[`${vsPlan}${retail}`]).toMatchObject({
      v: 50,
      f: `ROUND(${value}${retail}/${plan}${retail}*100,1)`,
    });
    // Each unit's sheet has its own figure in the same cell, which the sum refers to.
    expect(pySheet(book, 'Xã Tân Lập').cells[cell]?.v).toBe(1200.4);
    expect(pySheet(book, 'Xã Tân Lập').cells.A7?.v).toBe('Đơn vị báo cáo: Xã Tân Lập');

    // A commune without a figure is left out of the sum, and the cell says so.
    const xk = rowNamed(total, 'Kim ngạch xuất khẩu');
    expect(total.cells[`${value}${xk}`]).toMatchObject({
      v: 61.1,
      f: `SUM('Xã Tân Lập'!${value}${xk},'Phường An Hòa'!${value}${xk})`,
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out.path ?? '');
    expect(wb.getWorksheet('Tổng hợp')?.getCell(`${value}${xk}`).note).toMatch(
      /^Chưa có số liệu của 1 đơn vị: Xã Hòa Bình\./,
    );
  });

  it('leaves index and ratio rows of the total empty and marked for the published figure', async () => {
    const dir = makeDataDir();
    const { backend, api } = startBackend(dir);
    const ids = await communes(api);
    const out = await exportOf(backend, {
      period: '2023-H1',
      unitIds: [ids.tanLap, ids.anHoa, ids.hoaBinh],
      saveTo: join(dir, 'tong-hop.xlsx'),
    });
    const total = pySheet(readWithPython(out.path ?? ''), 'Tổng hợp');
    const iip = rowNamed(total, 'Chỉ số sản xuất công nghiệp (IIP) so với cùng kỳ');
    const cells = Object.entries(total.cells).filter(
      ([a, c]) => Number(a.replace(/^[A-Z]+/, '')) === iip && c.v !== null,
    );
    expect(cells.filter(([, c]) => typeof c.v === 'number')).toEqual([]);
    const note = columnHeaded(total, 'Ghi chú');
    expect(total.cells[`${note}${iip}`]?.v).toMatch(/^Số công bố/);
    expect(
      pySheet(readWithPython(out.path ?? ''), 'Xã Tân Lập').cells[
        `${columnHeaded(total, 'Ước thực hiện 6 tháng đầu năm 2023')}${iip}`
      ]?.v,
    ).toBe(104.2);
  });

  it('with every unit, gives the province its own sheet but never adds it to the communes it already holds', async () => {
    const dir = makeDataDir();
    const { backend, api } = startBackend(dir);
    const ids = await communes(api);
    const out = await exportOf(backend, { period: '2023-H1', allUnits: true, saveTo: join(dir, 'tat-ca.xlsx') });
    expect(out.summary.units.map((u) => u.name)).toEqual(['Toàn tỉnh', 'Xã Tân Lập', 'Phường An Hòa', 'Xã Hòa Bình']);
    expect(out.summary.totalOf).toEqual([ids.tanLap, ids.anHoa, ids.hoaBinh]);
    const book = readWithPython(out.path ?? '');
    const total = pySheet(book, 'Tổng hợp');
    const value = columnHeaded(total, 'Ước thực hiện 6 tháng đầu năm 2023');
    const retail = rowNamed(total, 'Doanh thu bán lẻ hàng hóa');
    expect(total.cells[`${value}${retail}`]?.v).toBe(2300.7);
    expect(pySheet(book, 'Toàn tỉnh').cells[`${value}${retail}`]?.v).toBe(9999.9);
  });

  it('sets the units side by side as columns, with their total first', async () => {
    const dir = makeDataDir();
    const { backend, api } = startBackend(dir);
    const ids = await communes(api);
    const out = await exportOf(backend, {
      period: '2023-H1',
      unitIds: [ids.tanLap, ids.anHoa, ids.hoaBinh],
      layout: 'columns',
      saveTo: join(dir, 'theo-cot.xlsx'),
    });
    const sheet = readWithPython(out.path ?? '').sheets[0] as PySheet;
    expect(sheet.name).toBe('Theo đơn vị');
    expect(['D9', 'E9', 'E10', 'F10', 'G10', 'H9'].map((a) => sheet.cells[a]?.v)).toEqual([
      'Tổng số',
      'Chia theo đơn vị',
      'Xã Tân Lập',
      'Phường An Hòa',
      'Xã Hòa Bình',
      'Ghi chú',
    ]);
    expect(sheet.merges).toEqual(expect.arrayContaining(['E9:G9', 'D9:D10']));
    expect(sheet.cells.A7?.v).toBe('Ước thực hiện 6 tháng đầu năm 2023, theo 3 đơn vị');
    const retail = rowNamed(sheet, 'Doanh thu bán lẻ hàng hóa');
    expect(sheet.cells[`D${retail}`]).toMatchObject({ v: 2300.7, f: `SUM(E${retail},F${retail},G${retail})` });
    expect(['E', 'F', 'G'].map((c) => sheet.cells[`${c}${retail}`]?.v)).toEqual([1200.4, 800.1, 300.2]);
    const iip = rowNamed(sheet, 'Chỉ số sản xuất công nghiệp (IIP) so với cùng kỳ');
    expect(sheet.cells[`D${iip}`]?.v ?? null).toBeNull();
    expect(sheet.cells[`H${iip}`]?.v).toMatch(/^Số công bố/);
  });
});
