import { scanXml } from './xml-scanner';
import { detached } from './xml-text';

/**
 * The shared strings of a workbook (xl/sharedStrings.xml) in their order: plain or rich text alike as the text
 * a clerk sees, without the phonetic guides (rPh) some East Asian workbooks carry.
 */
export function readSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  let current: string[] | null = null;
  let phonetic = 0;
  let inText = false;
  scanXml(xml, {
    get wantsText() {
      return inText;
    },
    open(name) {
      if (name === 'si') current = [];
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && current && phonetic === 0) inText = true;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si' && current) {
        strings.push(detached(current.join('')));
        current = null;
      }
    },
    text(text) {
      current?.push(text);
    },
  });
  return strings;
}
