import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { importLimits } from '../../electron/backend/import/read-workbook';
import { refusalOf, startBackend } from '../support/backend';
import { makeDataDir } from '../support/data-dir';
import { fingerprint } from '../support/sqlite-files';
import { readForImport } from '../support/workbooks';

interface Part {
  name: string;
  data: Buffer;
  /** What the zip entry claims the part inflates to; a bomb may lie. */
  declaredSize?: number;
}

/** A zip written by hand, as a bomb is: deflated parts whose directory says what the maker wants it to say. */
function writeZip(target: string, parts: Part[]): string {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const compressed = deflateRawSync(part.data, { level: 9 });
    const size = part.declaredSize ?? part.data.length;
    const crc = part.declaredSize === undefined ? crc32(part.data) : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(target, Buffer.concat([...locals, directory, end]));
  return target;
}

const xml = (text: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${text}`, 'utf8');

function workbookParts(sheet: Part, sharedStrings?: Part): Part[] {
  return [
    {
      name: '[Content_Types].xml',
      data: xml(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: xml(
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
          '<sheets><sheet name="Biểu" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: xml(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
    },
    sheet,
    ...(sharedStrings ? [sharedStrings] : []),
  ];
}

const smallSheet: Part = {
  name: 'xl/worksheets/sheet1.xml',
  data: xml(
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>',
  ),
};

/** Whitespace inside an element inflates a few hundred kilobytes into more than any part may hold. */
function padded(open: string, close: string, bytes: number): Buffer {
  return Buffer.concat([xml(open), Buffer.alloc(bytes, 0x20), Buffer.from(close)]);
}

const bombs: { name: string; make: (dir: string) => string }[] = [
  {
    name: 'shared strings that inflate past their limit while the zip says they are small',
    make: (dir) =>
      writeZip(
        join(dir, 'bom-chu.xlsx'),
        workbookParts(smallSheet, {
          name: 'xl/sharedStrings.xml',
          data: padded(
            '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>',
            '</t></si></sst>',
            importLimits.maxSharedStringsBytes + 1024 * 1024,
          ),
          declaredSize: 4096,
        }),
      ),
  },
  {
    name: 'a sheet whose zip entry says it inflates to more than a part may hold',
    make: (dir) =>
      writeZip(
        join(dir, 'bom-trang.xlsx'),
        workbookParts({
          name: 'xl/worksheets/sheet1.xml',
          data: padded(
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
            '</sheetData></worksheet>',
            8 * 1024 * 1024,
          ),
          declaredSize: importLimits.maxPartBytes + 1,
        }),
      ),
  },
];

describe('a zip bomb offered for import', () => {
  for (const bomb of bombs) {
    it(`is called too large, not damaged: ${bomb.name}`, { timeout: 60_000 }, async () => {
      const dir = makeDataDir();
      const { backend, api } = startBackend(dir);
      const file = bomb.make(dir);
      const before = fingerprint(backend.database.file);

      const { sessionId } = await readForImport(api, [file]);
      const progress = await api.call('import.progress', { sessionId });

      const error = progress.files[0]?.error;
      expect(error?.message).toMatch(/quá lớn/);
      expect(error?.message).not.toMatch(/hỏng|không trọn vẹn|tải về chưa xong/);
      const refusal = await refusalOf(api.call('import.commit', { sessionId, period: '2023-05' }));
      expect(refusal.message).toMatch(/quá lớn/);
      expect(fingerprint(backend.database.file)).toEqual(before);
    });
  }
});
