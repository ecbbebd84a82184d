import { describe, expect, it } from 'vitest';
import { withFullCalcOnLoad, writeNumbers } from '../../electron/backend/xlsx/sheet-xml';
import { partText, readPackage, replacePart, writePackage } from '../../electron/backend/xlsx/xlsx-package';
import { deflateRawSync } from 'node:zlib';

const head =
  '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:C2"/>';
const cols = '<cols><col min="4" max="6" style="7" width="12"/></cols>';

describe('writing numbers into the XML of a sheet', () => {
  it('keeps a cell’s style and position, drops its type, and leaves every other character as it was', () => {
    const xml = `${head}<sheetData><row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" s="3"/><c r="C1" s="4" t="s"><v>1</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A2:C2"/></mergeCells></worksheet>`;
    const out = writeNumbers(xml, [{ address: 'B1', value: 2260 }]);
    expect(out).toBe(xml.replace('<c r="B1" s="3"/>', '<c r="B1" s="3"><v>2260</v></c>'));
  });

  it('never writes over a formula', () => {
    const xml = `${head}<sheetData><row r="1"><c r="A1"><f>1+1</f><v>2</v></c></row></sheetData></worksheet>`;
    expect(writeNumbers(xml, [{ address: 'A1', value: 5 }])).toBe(xml);
  });

  it('inserts missing cells in column order, with the style the row or the column gives new cells, and widens spans and dimension', () => {
    const xml = `${head}${cols}<sheetData><row r="2" spans="1:2" s="9" customFormat="1"><c r="A2"><v>1</v></c><c r="C2"><v>3</v></c></row><row r="4" spans="1:1"><c r="A4"><v>1</v></c></row></sheetData></worksheet>`;
    const out = writeNumbers(xml, [
      { address: 'B2', value: 0.5 },
      { address: 'E4', value: -7 },
      { address: 'D3', value: 14659.9 },
    ]);
    expect(out).toContain(
      '<row r="2" spans="1:2" s="9" customFormat="1"><c r="A2"><v>1</v></c><c r="B2" s="9"><v>0.5</v></c><c r="C2"><v>3</v></c></row>',
    );
    expect(out).toContain(
      '</row><row r="3"><c r="D3" s="7"><v>14659.9</v></c></row><row r="4" spans="1:5"><c r="A4"><v>1</v></c><c r="E4" s="7"><v>-7</v></c></row>',
    );
    expect(out).toContain('<dimension ref="A1:E4"/>');
  });

  it('handles an empty sheet, rows after the last one, cells without addresses and a namespace prefix', () => {
    expect(writeNumbers(`${head}<sheetData/></worksheet>`, [{ address: 'B2', value: 1 }])).toContain(
      '<sheetData><row r="2"><c r="B2"><v>1</v></c></row></sheetData>',
    );
    const prefixed =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c><x:v>1</x:v></x:c><x:c/></x:row></x:sheetData></x:worksheet>';
    expect(
      writeNumbers(prefixed, [
        { address: 'B1', value: 2 },
        { address: 'A3', value: 3 },
      ]),
    ).toBe(
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c><x:v>1</x:v></x:c><x:c><x:v>2</x:v></x:c></x:row><x:row r="3"><x:c r="A3"><x:v>3</x:v></x:c></x:row></x:sheetData></x:worksheet>',
    );
  });

  it('asks for recalculation on opening, in the place the schema wants calcPr', () => {
    expect(withFullCalcOnLoad('<workbook><sheets/><calcPr calcId="191029"/></workbook>')).toBe(
      '<workbook><sheets/><calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>',
    );
    expect(withFullCalcOnLoad('<workbook><sheets/><definedNames/><extLst/></workbook>')).toBe(
      '<workbook><sheets/><definedNames/><calcPr fullCalcOnLoad="1"/><extLst/></workbook>',
    );
  });
});

describe('the zip of an xlsx, part by part', () => {
  /** A zip of two stored parts, the second with its sizes in a data descriptor, as some writers do. */
  function zipOf(parts: { name: string; text: string; descriptor?: boolean }[]): Buffer {
    const source = parts.map((p) => {
      const content = Buffer.from(p.text);
      return {
        name: p.name,
        nameBytes: Buffer.from(p.name),
        stored: deflateRawSync(content),
        method: 8,
        crc: 0,
        size: content.length,
        flags: p.descriptor ? 8 : 0,
        time: 0,
        date: 33,
        externalAttributes: 0,
        replaced: content,
      };
    });
    return writePackage(source);
  }

  it('gives back every part; a replaced part is deflated again, the others keep their stored bytes', () => {
    const zip = zipOf([
      { name: 'xl/workbook.xml', text: '<workbook/>' },
      { name: 'xl/worksheets/sheet1.xml', text: '<worksheet/>' },
    ]);
    const parts = readPackage(zip);
    expect(parts.map((p) => [p.name, partText(p)])).toEqual([
      ['xl/workbook.xml', '<workbook/>'],
      ['xl/worksheets/sheet1.xml', '<worksheet/>'],
    ]);
    const untouched = Buffer.from(parts[0]?.stored ?? Buffer.alloc(0));
    replacePart(parts[1] as (typeof parts)[number], '<worksheet><sheetData/></worksheet>');
    const again = readPackage(writePackage(parts));
    expect(again[0]?.stored.equals(untouched)).toBe(true);
    expect(partText(again[1] as (typeof again)[number])).toBe('<worksheet><sheetData/></worksheet>');
  });
});
