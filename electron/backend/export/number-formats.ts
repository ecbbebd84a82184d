/**
 * How many decimals a template's cells show, so that a figure written into a cell whose format shows fewer of
 * them is told to the clerk: the cell holds the exact figure, but Excel shows it rounded (14.659,9 as 14.660).
 */
import { scanXml } from '../xlsx/xml-scanner';
import { attribute, decodeXmlText } from '../xlsx/xml-text';

/** Built-in formats with a fixed count of decimals (ECMA-376 18.8.30): 0, 0.00, #,##0, #,##0.00 and their accounting forms. */
const builtInDecimals = new Map<number, number>([
  [1, 0],
  [2, 2],
  [3, 0],
  [4, 2],
  [37, 0],
  [38, 0],
  [39, 2],
  [40, 2],
]);

/**
 * The decimals a format code shows of a plain number; null when the count is not fixed or the number is not
 * shown plainly (General, a percentage, a date, text, a scientific number).
 */
export function formatCodeDecimals(code: string): number | null {
  const section = (code.split(';')[0] ?? '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '');
  if (/general/i.test(section) || /[%@dmyhse]/i.test(section) || !/[0#?]/.test(section)) return null;
  const fraction = /\.([0#?]*)/.exec(section);
  return fraction ? (fraction[1] ?? '').length : 0;
}

/** The decimals each cell style (the `s` index of a cell) shows, from xl/styles.xml. */
export function readStyleDecimals(xml: string): (number | null)[] {
  const custom = new Map<number, number | null>();
  const styles: (number | null)[] = [];
  let inCellXfs = false;
  scanXml(xml, {
    wantsText: false,
    open(name, tag) {
      if (name === 'numFmt') {
        custom.set(
          Number(attribute(tag, 'numFmtId')),
          formatCodeDecimals(decodeXmlText(attribute(tag, 'formatCode') ?? '')),
        );
      } else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attribute(tag, 'numFmtId') ?? 0);
        styles.push(custom.has(id) ? (custom.get(id) ?? null) : (builtInDecimals.get(id) ?? null));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  return styles;
}

/** The style index of each of the given cells that the sheet XML already holds; a cell without `s` has style 0. */
export function cellStyles(sheetXml: string, addresses: ReadonlySet<string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of sheetXml.matchAll(/<(?:[\w.-]+:)?c\b([^>]*?)\/?>/g)) {
    const attrs = m[1] ?? '';
    const ref = attribute(attrs, 'r');
    if (ref !== undefined && addresses.has(ref)) out.set(ref, Number(attribute(attrs, 's') ?? 0));
  }
  return out;
}
