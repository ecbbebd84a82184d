/**
 * Surgery on the XML of a worksheet part: numbers written into given cells, everything else in the part left
 * character for character as it was (other cells, formulas, merges, conditional formats, print settings).
 * A cell keeps its style; a cell that did not exist gets the style its row or column gives to new cells.
 */
import { cellAddress, columnNumber, parseRange } from '../../../shared/spreadsheet/cell-reference';
import { type PackagePart, partText } from './xlsx-package';

const decodeXml = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|apos|#x?[0-9a-f]+);/gi, (m, e: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    const lower = e.toLowerCase();
    if (named[lower]) return named[lower] ?? m;
    const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : m;
  });

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? decodeXml(m[2] ?? m[3] ?? '') : undefined;
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface SheetPartRef {
  name: string;
  path: string;
  hidden: boolean;
}

/** The sheets of a package in tab order, with the path of their part. */
export function sheetPartsOf(parts: readonly PackagePart[]): SheetPartRef[] {
  const byName = new Map(parts.map((p) => [p.name, p]));
  const rootRels = byName.get('_rels/.rels');
  let bookPath = 'xl/workbook.xml';
  if (rootRels) {
    for (const m of partText(rootRels).matchAll(/<(?:[\w.-]+:)?Relationship\b([^>]*)>/g)) {
      const attrs = m[1] ?? '';
      if ((attr(attrs, 'Type') ?? '').endsWith('/officeDocument'))
        bookPath = (attr(attrs, 'Target') ?? bookPath).replace(/^\//, '');
    }
  }
  const book = byName.get(bookPath);
  const dir = bookPath.includes('/') ? bookPath.slice(0, bookPath.lastIndexOf('/') + 1) : '';
  const rels = byName.get(`${dir}_rels/${bookPath.slice(dir.length)}.rels`);
  if (!book || !rels) return [];
  const targets = new Map<string, string>();
  for (const m of partText(rels).matchAll(/<(?:[\w.-]+:)?Relationship\b([^>]*)>/g)) {
    const attrs = m[1] ?? '';
    const id = attr(attrs, 'Id');
    const target = attr(attrs, 'Target');
    if (id && target) targets.set(id, normalizePath(target.startsWith('/') ? target.slice(1) : `${dir}${target}`));
  }
  const sheets: SheetPartRef[] = [];
  for (const m of partText(book).matchAll(/<(?:[\w.-]+:)?sheet\b([^>]*?)\/?>/g)) {
    const attrs = m[1] ?? '';
    const id = /\b[\w.-]+:id\s*=\s*"([^"]*)"/.exec(attrs)?.[1];
    const path = id ? targets.get(id) : undefined;
    if (path)
      sheets.push({ name: attr(attrs, 'name') ?? '', path, hidden: (attr(attrs, 'state') ?? 'visible') !== 'visible' });
  }
  return sheets;
}

function normalizePath(path: string): string {
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '..') out.pop();
    else if (segment !== '.' && segment !== '') out.push(segment);
  }
  return out.join('/');
}

/** What happened to each requested cell. */
export interface CellWrite {
  address: string;
  value: number;
}

function numberText(value: number): string {
  if (Object.is(value, -0)) return '0';
  return String(value);
}

interface CellSpan {
  start: number;
  end: number;
  col: number;
  attrs: string;
  body: string;
}

/** The style a new cell gets in Excel: its row's, when the row has one, else its column's. */
function newCellStyle(
  rowAttrs: string | null,
  col: number,
  colStyles: { min: number; max: number; style: string }[],
): string | undefined {
  if (rowAttrs !== null && attr(rowAttrs, 'customFormat') === '1') {
    const s = attr(rowAttrs, 's');
    if (s !== undefined) return s;
  }
  return colStyles.find((c) => c.min <= col && col <= c.max)?.style;
}

/**
 * The sheet XML with `writes` applied: an existing cell keeps its attributes but its type (and any value
 * metadata), gets the number; a missing cell or row is inserted in order. Cells holding a formula are never
 * changed (the caller does not ask; if it did, they are skipped).
 */
export function writeNumbers(xml: string, writes: readonly CellWrite[]): string {
  if (writes.length === 0) return xml;
  const sheetData = /<((?:[\w.-]+:)?)sheetData\b[^>]*?(\/>|>)/.exec(xml);
  if (!sheetData) throw new Error('worksheet without sheetData');
  const p = sheetData[1] ?? '';
  const ep = escapeRegex(p);
  const colStyles: { min: number; max: number; style: string }[] = [];
  for (const m of xml.matchAll(new RegExp(`<${ep}col\\b([^>]*?)/?>`, 'g'))) {
    const attrs = m[1] ?? '';
    const style = attr(attrs, 'style');
    if (style !== undefined)
      colStyles.push({ min: Number(attr(attrs, 'min') ?? 0), max: Number(attr(attrs, 'max') ?? 0), style });
  }

  const byRow = new Map<number, Map<number, number>>();
  for (const w of writes) {
    const range = parseRange(w.address);
    if (!range) throw new Error(`not a cell address: ${w.address}`);
    let row = byRow.get(range.top);
    if (!row) byRow.set(range.top, (row = new Map()));
    row.set(range.left, w.value);
  }

  let bodyStart: number;
  let bodyEnd: number;
  let head: string;
  let tail: string;
  if (sheetData[2] === '/>') {
    head = `${xml.slice(0, sheetData.index)}<${p}sheetData>`;
    tail = `</${p}sheetData>${xml.slice(sheetData.index + sheetData[0].length)}`;
    bodyStart = bodyEnd = 0;
    xml = '';
  } else {
    bodyStart = sheetData.index + sheetData[0].length;
    const close = xml.indexOf(`</${p}sheetData>`, bodyStart);
    if (close < 0) throw new Error('sheetData not closed');
    bodyEnd = close;
    head = xml.slice(0, bodyStart);
    tail = xml.slice(bodyEnd);
  }
  const body = xml.slice(bodyStart, bodyEnd);

  const rowPattern = new RegExp(`<${ep}row\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${ep}row>)`, 'g');
  const out: string[] = [];
  let last = 0;
  let implicitRow = 0;
  const pending = [...byRow.keys()].sort((a, b) => a - b);
  const newRow = (r: number) => `<${p}row r="${r}">${newCells(null, byRow.get(r) ?? new Map(), r)}</${p}row>`;
  const newCells = (rowAttrs: string | null, cells: Map<number, number>, r: number) =>
    [...cells]
      .sort((a, b) => a[0] - b[0])
      .map(([c, v]) => {
        const s = newCellStyle(rowAttrs, c, colStyles);
        return `<${p}c r="${cellAddress(r, c)}"${s !== undefined ? ` s="${s}"` : ''}><${p}v>${numberText(v)}</${p}v></${p}c>`;
      })
      .join('');

  for (const m of body.matchAll(rowPattern)) {
    const attrs = m[1] ?? '';
    const r = Number(attr(attrs, 'r') ?? implicitRow + 1);
    implicitRow = r;
    // Rows not in the file yet that come before this one.
    while (pending.length > 0 && (pending[0] ?? 0) < r) {
      const missing = pending.shift() ?? 0;
      out.push(body.slice(last, m.index), newRow(missing));
      last = m.index;
    }
    if (pending[0] !== r) continue;
    pending.shift();
    const cells = byRow.get(r) ?? new Map<number, number>();
    out.push(body.slice(last, m.index), rewriteRow(m[0], attrs, m[2], r, cells));
    last = m.index + m[0].length;
  }
  out.push(body.slice(last));
  for (const r of pending) out.push(newRow(r));

  let result = head + out.join('') + tail;
  result = widenDimension(result, ep, writes);
  return result;

  function rewriteRow(
    whole: string,
    attrs: string,
    inner: string | undefined,
    r: number,
    cells: Map<number, number>,
  ): string {
    const openTag = whole.slice(0, whole.indexOf('>') + 1);
    const selfClosing = inner === undefined;
    let rowOpen = selfClosing ? `${openTag.slice(0, -2).trimEnd()}>` : openTag;
    const content = inner ?? '';
    const cellPattern = new RegExp(`<${ep}c\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${ep}c>)`, 'g');
    const spans: CellSpan[] = [];
    let implicitCol = 0;
    for (const c of content.matchAll(cellPattern)) {
      const cattrs = c[1] ?? '';
      const ref = attr(cattrs, 'r');
      const col = ref ? columnNumber(ref.replace(/\d+$/, '')) : implicitCol + 1;
      implicitCol = col;
      spans.push({ start: c.index, end: c.index + c[0].length, col, attrs: cattrs, body: c[2] ?? '' });
    }
    const todo = new Map(cells);
    const pieces: string[] = [];
    let at = 0;
    for (const span of spans) {
      // New cells that come before this one.
      const before = [...todo.keys()].filter((c) => c < span.col).sort((a, b) => a - b);
      if (before.length > 0) {
        pieces.push(
          content.slice(at, span.start),
          newCells(attrs, new Map(before.map((c) => [c, todo.get(c) ?? 0])), r),
        );
        at = span.start;
        for (const c of before) todo.delete(c);
      }
      const value = todo.get(span.col);
      if (value === undefined) continue;
      todo.delete(span.col);
      if (new RegExp(`<${ep}f\\b`).test(span.body)) continue;
      const kept = span.attrs.replace(/\s+(t|cm|vm)\s*=\s*("[^"]*"|'[^']*')/g, '').replace(/\s*$/, '');
      pieces.push(content.slice(at, span.start), `<${p}c${kept}><${p}v>${numberText(value)}</${p}v></${p}c>`);
      at = span.end;
    }
    pieces.push(content.slice(at));
    if (todo.size > 0) pieces.push(newCells(attrs, todo, r));
    const spansAttr = attr(attrs, 'spans');
    if (spansAttr && /^\d+:\d+$/.test(spansAttr)) {
      const [lo, hi] = spansAttr.split(':').map(Number) as [number, number];
      const cols = [...cells.keys()];
      const nlo = Math.min(lo, ...cols);
      const nhi = Math.max(hi, ...cols);
      if (nlo !== lo || nhi !== hi)
        rowOpen = rowOpen.replace(/\bspans\s*=\s*("[^"]*"|'[^']*')/, `spans="${nlo}:${nhi}"`);
    }
    return `${rowOpen}${pieces.join('')}</${p}row>`;
  }
}

/** The dimension element still covers every cell after writes outside it. */
function widenDimension(xml: string, ep: string, writes: readonly CellWrite[]): string {
  const m = new RegExp(`<${ep}dimension\\b([^>]*?)/>`).exec(xml);
  if (!m) return xml;
  const ref = attr(m[1] ?? '', 'ref');
  const range = ref ? parseRange(ref) : null;
  if (!range) return xml;
  let { top, left, bottom, right } = range;
  for (const w of writes) {
    const c = parseRange(w.address);
    if (!c) continue;
    top = Math.min(top, c.top);
    left = Math.min(left, c.left);
    bottom = Math.max(bottom, c.bottom);
    right = Math.max(right, c.right);
  }
  if (top === range.top && left === range.left && bottom === range.bottom && right === range.right) return xml;
  const wider = `${cellAddress(top, left)}:${cellAddress(bottom, right)}`;
  return (
    xml.slice(0, m.index) +
    m[0].replace(/\bref\s*=\s*("[^"]*"|'[^']*')/, `ref="${wider}"`) +
    xml.slice(m.index + m[0].length)
  );
}

/** Asks Excel and LibreOffice to recalculate every formula when the file is opened (the template's own formulas). */
export function withFullCalcOnLoad(workbookXml: string): string {
  const prefix = /<((?:[\w.-]+:)?)workbook\b/.exec(workbookXml)?.[1] ?? '';
  const ep = escapeRegex(prefix);
  const calc = new RegExp(`<${ep}calcPr\\b([^>]*?)(/?)>`).exec(workbookXml);
  if (calc) {
    const attrs = calc[1] ?? '';
    const next = /\bfullCalcOnLoad\s*=/.test(attrs)
      ? attrs.replace(/\bfullCalcOnLoad\s*=\s*("[^"]*"|'[^']*')/, 'fullCalcOnLoad="1"')
      : `${attrs} fullCalcOnLoad="1"`;
    return (
      workbookXml.slice(0, calc.index) +
      `<${prefix}calcPr${next}${calc[2]}>` +
      workbookXml.slice(calc.index + calc[0].length)
    );
  }
  // calcPr goes after definedNames (and the elements before it), before oleSize and what follows in the schema.
  const later = [
    'oleSize',
    'customWorkbookViews',
    'pivotCaches',
    'smartTagPr',
    'smartTagTypes',
    'webPublishing',
    'fileRecoveryPr',
    'webPublishObjects',
    'extLst',
  ];
  let at = workbookXml.indexOf(`</${prefix}workbook>`);
  for (const name of later) {
    const found = new RegExp(`<${ep}${name}\\b`).exec(workbookXml);
    if (found && found.index < at) at = found.index;
  }
  return `${workbookXml.slice(0, at)}<${prefix}calcPr fullCalcOnLoad="1"/>${workbookXml.slice(at)}`;
}
