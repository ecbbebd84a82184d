/**
 * A workbook written straight as SpreadsheetML: shared strings, one style record per distinct look, cells,
 * merges, frozen panes, print settings and titles, and notes (comments with their VML shapes, which Excel
 * needs to show them). The report has a fixed, known shape, so it needs none of a general library's object
 * model: building and serializing exceljs's model of 36 sheets × 300 rows took most of an export's time.
 */
import { promisify } from 'node:util';
import { crc32, deflateRaw } from 'node:zlib';
import { cellAddress, columnLetter } from '../../../shared/spreadsheet/cell-reference';
import { writePackage, type PackagePart } from './xlsx-package';

const deflate = promisify(deflateRaw);

export interface CellStyle {
  font: { size: number; bold?: boolean; italic?: boolean; underline?: boolean };
  alignment: {
    horizontal?: 'left' | 'center' | 'right';
    vertical?: 'top' | 'middle';
    wrapText?: boolean;
    indent?: number;
  };
  border?: boolean;
  shaded?: boolean;
  numFmt?: string;
}

export type CellValue = number | string | { formula: string; result: number } | null;

export interface SheetOptions {
  defaultRowHeight: number;
  /** Rows repeated at the top of every printed page. */
  printTitleRows: { from: number; to: number };
  /** Panes frozen above and left of this cell. */
  frozenAt: { row: number; col: number };
  /** The centred footer, in Excel's header/footer codes. */
  footer: string;
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
// Characters XML 1.0 does not allow; a name pasted from elsewhere may carry one.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const invalidXmlChars = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const text = (s: string) => escapeXml(s.replace(invalidXmlChars, ''));

function numberText(x: number): string {
  return Number.isFinite(x) ? String(x) : '0';
}

const xmlHead = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const mainNs = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const relNs = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const relTypes = {
  sheet: `${relNs}/worksheet`,
  styles: `${relNs}/styles`,
  strings: `${relNs}/sharedStrings`,
  comments: `${relNs}/comments`,
  vml: `${relNs}/vmlDrawing`,
};

class Styles {
  private readonly fonts = new Map<string, number>();
  private readonly fills = new Map<string, number>([
    ['<fill><patternFill patternType="none"/></fill>', 0],
    ['<fill><patternFill patternType="gray125"/></fill>', 1],
  ]);
  private readonly borders = new Map<string, number>([
    ['<border><left/><right/><top/><bottom/><diagonal/></border>', 0],
  ]);
  private readonly numFmts = new Map<string, number>();
  private readonly xfs = new Map<string, number>();
  private readonly byObject = new WeakMap<CellStyle, number>();

  constructor(private readonly fontName: string) {
    this.xf({ font: { size: 11 }, alignment: {} });
  }

  private static index(map: Map<string, number>, xml: string): number {
    let i = map.get(xml);
    if (i === undefined) map.set(xml, (i = map.size));
    return i;
  }

  /** Callers share style objects, so most cells are looked up by identity, without building any XML. */
  xf(style: CellStyle): number {
    const known = this.byObject.get(style);
    if (known !== undefined) return known;
    const f = style.font;
    const font = Styles.index(
      this.fonts,
      `<font>${f.bold ? '<b/>' : ''}${f.italic ? '<i/>' : ''}${f.underline ? '<u/>' : ''}<sz val="${f.size}"/><color theme="1"/><name val="${text(this.fontName)}"/><family val="1"/></font>`,
    );
    const fill = style.shaded
      ? Styles.index(
          this.fills,
          '<fill><patternFill patternType="solid"><fgColor rgb="FFEDEDED"/><bgColor indexed="64"/></patternFill></fill>',
        )
      : 0;
    const side = (name: string) => `<${name} style="thin"><color rgb="FF000000"/></${name}>`;
    const border = style.border
      ? Styles.index(
          this.borders,
          `<border>${side('left')}${side('right')}${side('top')}${side('bottom')}<diagonal/></border>`,
        )
      : 0;
    const numFmt = style.numFmt === undefined ? 0 : 164 + Styles.index(this.numFmts, style.numFmt);
    const a = style.alignment;
    const alignment = [
      a.horizontal ? ` horizontal="${a.horizontal}"` : '',
      a.vertical ? ` vertical="${a.vertical === 'middle' ? 'center' : a.vertical}"` : '',
      a.wrapText ? ' wrapText="1"' : '',
      a.indent ? ` indent="${a.indent}"` : '',
    ].join('');
    const xf =
      `<xf numFmtId="${numFmt}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"` +
      `${numFmt ? ' applyNumberFormat="1"' : ''} applyFont="1"${fill ? ' applyFill="1"' : ''}${border ? ' applyBorder="1"' : ''}` +
      (alignment ? ` applyAlignment="1"><alignment${alignment}/></xf>` : '/>');
    const index = Styles.index(this.xfs, xf);
    this.byObject.set(style, index);
    return index;
  }

  xml(): string {
    const list = (tag: string, map: Map<string, number>) =>
      `<${tag} count="${map.size}">${[...map.keys()].join('')}</${tag}>`;
    const formats = [...this.numFmts.keys()]
      .map((code, i) => `<numFmt numFmtId="${164 + i}" formatCode="${text(code)}"/>`)
      .join('');
    return (
      `${xmlHead}<styleSheet xmlns="${mainNs}">` +
      (this.numFmts.size > 0 ? `<numFmts count="${this.numFmts.size}">${formats}</numFmts>` : '') +
      `${list('fonts', this.fonts)}${list('fills', this.fills)}${list('borders', this.borders)}` +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `${list('cellXfs', this.xfs)}<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
      '<dxfs count="0"/><tableStyles count="0"/></styleSheet>'
    );
  }
}

class SharedStrings {
  private readonly index = new Map<string, number>();
  private count = 0;

  of(s: string): number {
    this.count++;
    let i = this.index.get(s);
    if (i === undefined) this.index.set(s, (i = this.index.size));
    return i;
  }

  xml(): string {
    const items = [...this.index.keys()].map((s) => `<si><t xml:space="preserve">${text(s)}</t></si>`).join('');
    return `${xmlHead}<sst xmlns="${mainNs}" count="${this.count}" uniqueCount="${this.index.size}">${items}</sst>`;
  }
}

export class SheetWriter {
  /** Each row's cells as XML, at the index of their column: joined in column order as they stand. */
  private readonly rows = new Map<number, string[]>();
  private readonly heights = new Map<number, number>();
  private readonly widths = new Map<number, number>();
  private readonly merges: string[] = [];
  private readonly letters: string[] = [];
  readonly notes: { row: number; col: number; text: string }[] = [];
  private maxRow = 1;
  private maxCol = 1;

  constructor(
    readonly name: string,
    readonly options: SheetOptions,
    private readonly styles: Styles,
    private readonly strings: SharedStrings,
  ) {}

  columnWidth(col: number, width: number): void {
    this.widths.set(col, width);
  }

  rowHeight(row: number, height: number): void {
    this.heights.set(row, height);
  }

  set(row: number, col: number, value: CellValue, style: CellStyle): void {
    const ref = `${(this.letters[col] ??= columnLetter(col))}${row}`;
    const s = this.styles.xf(style);
    let xml: string;
    if (value === null) xml = `<c r="${ref}" s="${s}"/>`;
    else if (typeof value === 'number') xml = `<c r="${ref}" s="${s}"><v>${numberText(value)}</v></c>`;
    else if (typeof value === 'string') xml = `<c r="${ref}" s="${s}" t="s"><v>${this.strings.of(value)}</v></c>`;
    else xml = `<c r="${ref}" s="${s}"><f>${text(value.formula)}</f><v>${numberText(value.result)}</v></c>`;
    let cells = this.rows.get(row);
    if (!cells) this.rows.set(row, (cells = []));
    cells[col] = xml;
    if (row > this.maxRow) this.maxRow = row;
    if (col > this.maxCol) this.maxCol = col;
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    this.merges.push(`${cellAddress(top, left)}:${cellAddress(bottom, right)}`);
  }

  note(row: number, col: number, note: string): void {
    this.notes.push({ row, col, text: note });
  }

  xml(hasNotes: boolean): string {
    const o = this.options;
    const top = cellAddress(o.frozenAt.row, o.frozenAt.col);
    const cols = [...this.widths.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([c, w]) => `<col min="${c}" max="${c}" width="${w}" customWidth="1"/>`)
      .join('');
    const rowNumbers = [...new Set([...this.rows.keys(), ...this.heights.keys()])].sort((a, b) => a - b);
    const data = rowNumbers
      .map((r) => {
        const cells = this.rows.get(r);
        // Array.join writes nothing for the columns left empty.
        const body = cells ? cells.join('') : '';
        const height = this.heights.get(r);
        return `<row r="${r}"${height === undefined ? '' : ` ht="${height}" customHeight="1"`}>${body}</row>`;
      })
      .join('');
    return (
      `${xmlHead}<worksheet xmlns="${mainNs}" xmlns:r="${relNs}">` +
      '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
      `<dimension ref="A1:${cellAddress(this.maxRow, this.maxCol)}"/>` +
      `<sheetViews><sheetView workbookViewId="0"><pane xSplit="${o.frozenAt.col - 1}" ySplit="${o.frozenAt.row - 1}" topLeftCell="${top}" activePane="bottomRight" state="frozen"/>` +
      `<selection pane="bottomRight" activeCell="${top}" sqref="${top}"/></sheetView></sheetViews>` +
      `<sheetFormatPr defaultRowHeight="${o.defaultRowHeight}" customHeight="1"/>` +
      (cols ? `<cols>${cols}</cols>` : '') +
      `<sheetData>${data}</sheetData>` +
      (this.merges.length > 0
        ? `<mergeCells count="${this.merges.length}">${this.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`
        : '') +
      '<printOptions horizontalCentered="1"/>' +
      '<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>' +
      '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
      `<headerFooter><oddFooter>${text(o.footer)}</oddFooter></headerFooter>` +
      (hasNotes ? '<legacyDrawing r:id="rId2"/>' : '') +
      '</worksheet>'
    );
  }
}

function commentsXml(notes: SheetWriter['notes']): string {
  const list = notes
    .map(
      (n) =>
        `<comment ref="${cellAddress(n.row, n.col)}" authorId="0"><text><r><t xml:space="preserve">${text(n.text)}</t></r></text></comment>`,
    )
    .join('');
  return `${xmlHead}<comments xmlns="${mainNs}"><authors><author>ChiTieu</author></authors><commentList>${list}</commentList></comments>`;
}

/** The shapes Excel draws notes in: hidden until the cell is pointed at. */
function vmlXml(notes: SheetWriter['notes']): string {
  const shapes = notes
    .map(
      (n, i) =>
        `<v:shape id="_x0000_s${1025 + i}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:180pt;height:60pt;z-index:${i + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
        '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
        `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${n.col}, 15, ${n.row - 1}, 2, ${n.col + 2}, 15, ${n.row + 3}, 16</x:Anchor><x:AutoFill>False</x:AutoFill>` +
        `<x:Row>${n.row - 1}</x:Row><x:Column>${n.col - 1}</x:Column></x:ClientData></v:shape>`,
    )
    .join('');
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>' +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
    `${shapes}</xml>`
  );
}

function rels(list: { id: string; type: string; target: string }[]): string {
  return `${xmlHead}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${list.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"/>`).join('')}</Relationships>`;
}

/** MS-DOS date and time of the zip headers. */
function dosDateTime(date: Date): { time: number; date: number } {
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    date: ((Math.max(1980, date.getFullYear()) - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

export class WorkbookWriter {
  private readonly styles: Styles;
  private readonly strings = new SharedStrings();
  private readonly sheets: SheetWriter[] = [];

  constructor(private readonly meta: { creator: string; date: Date; fontName: string }) {
    this.styles = new Styles(meta.fontName);
  }

  addSheet(name: string, options: SheetOptions): SheetWriter {
    const sheet = new SheetWriter(name, options, this.styles, this.strings);
    this.sheets.push(sheet);
    return sheet;
  }

  private files(): { name: string; content: string }[] {
    const iso = this.meta.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const files: { name: string; content: string }[] = [];
    const overrides: string[] = [
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>',
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>',
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>',
      '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>',
    ];
    const sheetEntries: string[] = [];
    const definedNames: string[] = [];
    const bookRels: { id: string; type: string; target: string }[] = [];
    let comments = 0;
    this.sheets.forEach((sheet, i) => {
      const n = i + 1;
      const hasNotes = sheet.notes.length > 0;
      files.push({ name: `xl/worksheets/sheet${n}.xml`, content: sheet.xml(hasNotes) });
      overrides.push(
        `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      );
      if (hasNotes) {
        comments++;
        files.push({ name: `xl/comments${comments}.xml`, content: commentsXml(sheet.notes) });
        files.push({ name: `xl/drawings/vmlDrawing${comments}.vml`, content: vmlXml(sheet.notes) });
        files.push({
          name: `xl/worksheets/_rels/sheet${n}.xml.rels`,
          content: rels([
            { id: 'rId1', type: relTypes.comments, target: `../comments${comments}.xml` },
            { id: 'rId2', type: relTypes.vml, target: `../drawings/vmlDrawing${comments}.vml` },
          ]),
        });
        overrides.push(
          `<Override PartName="/xl/comments${comments}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>`,
        );
      }
      bookRels.push({ id: `rId${n}`, type: relTypes.sheet, target: `worksheets/sheet${n}.xml` });
      sheetEntries.push(`<sheet name="${text(sheet.name)}" sheetId="${n}" r:id="rId${n}"/>`);
      const titles = sheet.options.printTitleRows;
      definedNames.push(
        `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${text(`'${sheet.name.replace(/'/g, "''")}'!$${titles.from}:$${titles.to}`)}</definedName>`,
      );
    });
    const count = this.sheets.length;
    bookRels.push(
      { id: `rId${count + 1}`, type: relTypes.styles, target: 'styles.xml' },
      { id: `rId${count + 2}`, type: relTypes.strings, target: 'sharedStrings.xml' },
    );
    files.push(
      {
        name: 'xl/workbook.xml',
        content:
          `${xmlHead}<workbook xmlns="${mainNs}" xmlns:r="${relNs}"><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews>` +
          `<sheets>${sheetEntries.join('')}</sheets><definedNames>${definedNames.join('')}</definedNames><calcPr calcId="191029"/></workbook>`,
      },
      { name: 'xl/_rels/workbook.xml.rels', content: rels(bookRels) },
      { name: 'xl/styles.xml', content: this.styles.xml() },
      { name: 'xl/sharedStrings.xml', content: this.strings.xml() },
      {
        name: 'docProps/core.xml',
        content:
          `${xmlHead}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
          `<dc:creator>${text(this.meta.creator)}</dc:creator><cp:lastModifiedBy>${text(this.meta.creator)}</cp:lastModifiedBy>` +
          `<dcterms:created xsi:type="dcterms:W3CDTF">${iso}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${iso}</dcterms:modified></cp:coreProperties>`,
      },
      {
        name: 'docProps/app.xml',
        content: `${xmlHead}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>ChiTieu</Application></Properties>`,
      },
      {
        name: '_rels/.rels',
        content: rels([
          { id: 'rId1', type: `${relNs}/officeDocument`, target: 'xl/workbook.xml' },
          {
            id: 'rId2',
            type: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
            target: 'docProps/core.xml',
          },
          { id: 'rId3', type: `${relNs}/extended-properties`, target: 'docProps/app.xml' },
        ]),
      },
    );
    const contentTypes =
      `${xmlHead}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>' +
      `${overrides.join('')}</Types>`;
    return [{ name: '[Content_Types].xml', content: contentTypes }, ...files];
  }

  /**
   * The .xlsx file. The parts are compressed at once on zlib's worker threads, so a large workbook uses every
   * processor and the backend's event loop stays free meanwhile.
   */
  async toBuffer(): Promise<Buffer> {
    const stamp = dosDateTime(this.meta.date);
    const parts = await Promise.all(
      this.files().map(async (file): Promise<PackagePart> => {
        const content = Buffer.from(file.content, 'utf8');
        const nameBytes = Buffer.from(file.name, 'utf8');
        return {
          name: file.name,
          nameBytes,
          stored: await deflate(content),
          method: 8,
          crc: crc32(content) >>> 0,
          size: content.length,
          flags: 0x0800,
          time: stamp.time,
          date: stamp.date,
          externalAttributes: 0,
        };
      }),
    );
    return writePackage(parts);
  }
}
