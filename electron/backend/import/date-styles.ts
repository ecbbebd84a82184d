import { scanXml } from './xml-scanner';
import { attribute, decodeXmlText } from './xml-text';

/** Built-in number formats that show a date or a time (ECMA-376 18.8.30, with the East Asian ones). */
const builtInDateFormats = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A format code that shows a date or time: d, m, y, h or s outside quoted text and [colour]/[locale] brackets. */
export function isDateFormatCode(code: string): boolean {
  return /[dmyhs]/i.test(code.replace(/\[[^\]]*\]/g, '').replace(/"[^"]*"/g, '').replace(/\\./g, ''));
}

/**
 * Which cell styles (the `s` index of a cell) show their number as a date, from xl/styles.xml: a date in a
 * figure cell is a finding, not a number.
 */
export function readDateStyles(xml: string): boolean[] {
  const customDate = new Map<number, boolean>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  scanXml(xml, {
    wantsText: false,
    open(name, tag) {
      if (name === 'numFmt') {
        const id = Number(attribute(tag, 'numFmtId'));
        customDate.set(id, isDateFormatCode(decodeXmlText(attribute(tag, 'formatCode') ?? '')));
      } else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attribute(tag, 'numFmtId') ?? 0);
        styles.push(customDate.get(id) ?? builtInDateFormats.has(id));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  return styles;
}
