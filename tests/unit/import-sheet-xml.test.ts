import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  isDateFormatCode,
  isPercentFormatCode,
  readNumberStyles,
  type NumberStyle,
} from '../../electron/backend/xlsx/number-styles';
import { readSheet, SheetDamaged, SheetTooLarge, type SheetLimits } from '../../electron/backend/xlsx/read-sheet';
import { readSharedStrings } from '../../electron/backend/xlsx/shared-strings';

const roomy: SheetLimits = { maxRows: 1000, maxRowElements: 1000, maxCells: 10_000, maxBytes: 1024 * 1024 };

/** Reads sheet XML as the import does, fed in pieces of `piece` bytes to cross every boundary. */
async function read(
  xml: string,
  options: {
    sharedStrings?: string[];
    numberStyles?: NumberStyle[];
    date1904?: boolean;
    limits?: SheetLimits;
    piece?: number;
  } = {},
) {
  const bytes = Buffer.from(xml, 'utf8');
  const piece = options.piece ?? 7;
  const pieces: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += piece) pieces.push(bytes.subarray(at, at + piece));
  const ctx = {
    sharedStrings: options.sharedStrings ?? [],
    numberStyles: options.numberStyles ?? [],
    date1904: options.date1904 ?? false,
  };
  return readSheet(
    Readable.from(pieces),
    { crc32: crc32(bytes) >>> 0, size: bytes.length },
    { name: 'Biểu', hidden: false },
    ctx,
    options.limits ?? roomy,
    () => {},
  );
}

const sheet = (rows: string, after = '') =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData>${after}</worksheet>`;

describe('a sheet read from its XML, whatever the program that wrote it', () => {
  it('reads numbers, shared and inline strings, and cells without an address in order', async () => {
    const { grid, cells } = await read(
      sheet(
        '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="C2"><v>14659.9</v></c><c><v>2260</v></c></row>' +
          '<row><c r="B3" t="inlineStr"><is><t xml:space="preserve">Điện </t><r><rPr><b/></rPr><t>sản xuất</t></r></is></c></row>',
      ),
      { sharedStrings: ['Xuất khẩu'] },
    );
    expect(grid.rows.get(2)?.get(1)).toEqual({ t: 's', v: 'Xuất khẩu' });
    expect(grid.rows.get(2)?.get(3)).toEqual({ t: 'n', v: 14659.9 });
    expect(grid.rows.get(2)?.get(4)).toEqual({ t: 'n', v: 2260 });
    expect(grid.rows.get(3)?.get(2)).toEqual({ t: 's', v: 'Điện sản xuất' });
    expect(cells).toBe(4);
    expect([grid.maxRow, grid.maxCol]).toEqual([3, 4]);
  });

  it("decodes entities, character references, CDATA and Office's _x000D_ escapes", async () => {
    const { grid } = await read(
      sheet(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>A &amp; B &lt;1&gt; &#7897;&#x1EA1;_x000D_</t></is></c><c r="B1" t="str"><f>"x"</f><v><![CDATA[<b>&]]></v></c></row>',
      ),
    );
    expect(grid.rows.get(1)?.get(1)).toEqual({ t: 's', v: 'A & B <1> ộạ\r' });
    expect(grid.rows.get(1)?.get(2)).toEqual({ t: 's', v: '<b>&', formula: '"x"' });
  });

  it('reads a formula by its cached result, and says when there is none', async () => {
    const { grid } = await read(
      sheet(
        '<row r="5"><c r="D5"><f>E5+F5</f><v>466.03</v></c><c r="E5"><f t="shared" si="0"/><v>1</v></c><c r="F5"><f>G5*2</f></c>' +
          '<c r="G5" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="H5" t="b"><v>1</v></c><c r="I5" t="str"><f>IF(A1&gt;0,"","")</f><v></v></c></row>',
      ),
    );
    const row = grid.rows.get(5);
    expect(row?.get(4)).toEqual({ t: 'n', v: 466.03, formula: 'E5+F5' });
    expect(row?.get(5)).toEqual({ t: 'n', v: 1, formula: '…' });
    expect(row?.get(6)).toEqual({ t: 'f', formula: 'G5*2' });
    expect(row?.get(7)).toEqual({ t: 'e', v: '#DIV/0!', formula: '1/0' });
    expect(row?.get(8)).toEqual({ t: 'b', v: true });
    expect(row?.get(9)).toEqual({ t: 's', v: '', formula: 'IF(A1>0,"","")' });
  });

  it('marks a number its style shows as a percentage, so that 0,392 reads 39,2', async () => {
    const { grid } = await read(
      sheet('<row r="1"><c r="A1" s="1"><v>0.392</v></c><c r="B1" s="1"><f>A1*2</f><v>0.784</v></c></row>'),
      { numberStyles: ['number', 'percent'] },
    );
    expect(grid.rows.get(1)?.get(1)).toEqual({ t: 'n', v: 0.392, percent: true });
    expect(grid.rows.get(1)?.get(2)).toEqual({ t: 'n', v: 0.784, percent: true, formula: 'A1*2' });
  });

  it("tells a date from a number by the cell's style, in 1900- and 1904-based workbooks", async () => {
    const xml = sheet('<row r="1"><c r="A1" s="1"><v>45047</v></c><c r="B1" s="0"><v>45047</v></c></row>');
    const { grid } = await read(xml, { numberStyles: ['number', 'date'] });
    expect(grid.rows.get(1)?.get(1)).toEqual({ t: 'd', v: '2023-05-01' });
    expect(grid.rows.get(1)?.get(2)).toEqual({ t: 'n', v: 45047 });
    const old = await read(xml, { numberStyles: ['number', 'date'], date1904: true });
    expect(old.grid.rows.get(1)?.get(1)).toEqual({ t: 'd', v: '2027-05-02' });
  });

  it('leaves empty and formatted-only cells out, and collects the merged ranges after the rows', async () => {
    const { grid } = await read(
      sheet(
        '<row r="1"><c r="A1" s="3"/><c r="B1" t="s"><v>1</v></c></row><row r="2" s="4"/>',
        '<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>',
      ),
      {
        sharedStrings: ['x', ''],
      },
    );
    expect(grid.rows.size).toBe(0);
    expect(grid.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 3 }]);
  });

  it('stops at the first row past the limit of rows with values, but not for rows that only carry borders', async () => {
    const limits = { ...roomy, maxRows: 3 };
    const bordered = Array.from({ length: 50 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" s="2"/></row>`).join('');
    await expect(read(sheet(bordered), { limits })).resolves.toBeTruthy();
    const figures = Array.from(
      { length: 5 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`,
    ).join('');
    await expect(read(sheet(figures), { limits })).rejects.toEqual(new SheetTooLarge('rows'));
  });

  it('refuses a part whose bytes do not match the checksum of its zip entry', async () => {
    const bytes = Buffer.from(sheet('<row r="1"><c r="A1"><v>1</v></c></row>'));
    const ctx = { sharedStrings: [], numberStyles: [], date1904: false };
    await expect(
      readSheet(
        Readable.from([bytes]),
        { crc32: 1, size: bytes.length },
        { name: 'Biểu', hidden: false },
        ctx,
        roomy,
        () => {},
      ),
    ).rejects.toBeInstanceOf(SheetDamaged);
  });
});

describe('the parts a sheet refers to', () => {
  it('shared strings: plain and rich text as the clerk sees it, without phonetic guides', () => {
    const xml =
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3"><si><t>Chỉ tiêu</t></si>' +
      '<si><r><t xml:space="preserve">Ước </t></r><r><rPr><i/></rPr><t>thực hiện</t></r><rPh sb="0" eb="1"><t>ウ</t></rPh></si><si><t/></si></sst>';
    expect(readSharedStrings(xml)).toEqual(['Chỉ tiêu', 'Ước thực hiện', '']);
  });

  it('number styles: built-in and custom date codes (d, m, y outside quotes and brackets) and percentages', () => {
    const xml =
      '<styleSheet><numFmts count="4"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="#,##0.0&quot; tỷ&quot;"/>' +
      '<numFmt numFmtId="166" formatCode="[Red]#,##0"/><numFmt numFmtId="167" formatCode="0.0%"/></numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
      '<cellXfs count="8"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="9"/><xf numFmtId="10"/><xf numFmtId="167"/></cellXfs></styleSheet>';
    expect(readNumberStyles(xml)).toEqual([
      'number',
      'date',
      'date',
      'number',
      'number',
      'percent',
      'percent',
      'percent',
    ]);
    expect(isDateFormatCode('#,##0.00')).toBe(false);
    expect(isDateFormatCode('mmm-yy')).toBe(true);
    expect(isPercentFormatCode('#,##0.00"%"')).toBe(false);
    expect(isPercentFormatCode('0.0\\%')).toBe(false);
  });
});
