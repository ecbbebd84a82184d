import { decodeXmlText, localName } from './xml-text';

/** What a scanner reports, element by element; text only while the handler asks for it. */
export interface XmlHandler {
  open(name: string, tag: string): void;
  close(name: string): void;
  text(text: string): void;
  readonly wantsText: boolean;
}

export class XmlFormatError extends Error {}

/**
 * Reads XML fed in pieces (an inflating stream) and reports its elements in order; keeps only the unfinished
 * tail of a piece. A self-closing element is reported as opened and closed. Text is reported whole, with its
 * entities decoded, once the tag after it is seen.
 */
export class XmlScanner {
  private carry = '';

  constructor(
    private readonly handler: XmlHandler,
    /** The longest text or tag a piece may leave unfinished: a bound on memory for a damaged part. */
    private readonly maxCarry = 8 * 1024 * 1024,
  ) {}

  write(piece: string): void {
    const text = this.carry === '' ? piece : this.carry + piece;
    this.carry = text.slice(this.scan(text));
    if (this.carry.length > this.maxCarry) throw new XmlFormatError('an element longer than the limit');
  }

  end(): void {
    const rest = this.carry;
    this.carry = '';
    const used = this.scan(rest);
    if (rest.slice(used).trim() !== '') throw new XmlFormatError('the part ends inside an element');
  }

  /** Reports every complete element of `text`; returns where the unfinished tail starts. */
  private scan(text: string): number {
    const h = this.handler;
    let i = 0;
    for (;;) {
      const lt = text.indexOf('<', i);
      if (lt < 0) return i;
      if (lt > i && h.wantsText) h.text(decodeXmlText(text.slice(i, lt)));
      const next = text.charCodeAt(lt + 1);
      if (Number.isNaN(next)) return lt;
      if (next === 33 /* ! */) {
        if (text.startsWith('<![CDATA[', lt)) {
          const end = text.indexOf(']]>', lt + 9);
          if (end < 0) return lt;
          if (h.wantsText) h.text(text.slice(lt + 9, end));
          i = end + 3;
          continue;
        }
        if (text.startsWith('<!--', lt)) {
          const end = text.indexOf('-->', lt + 4);
          if (end < 0) return lt;
          i = end + 3;
          continue;
        }
      }
      if (next === 63 /* ? */) {
        const end = text.indexOf('?>', lt + 2);
        if (end < 0) return lt;
        i = end + 2;
        continue;
      }
      const gt = text.indexOf('>', lt + 1);
      if (gt < 0) return lt;
      if (next === 47 /* / */) {
        h.close(localName(text.slice(lt + 2, gt)));
      } else if (next !== 33) {
        const selfClosing = text.charCodeAt(gt - 1) === 47;
        const tag = text.slice(lt + 1, selfClosing ? gt - 1 : gt);
        const name = localName(tag);
        h.open(name, tag);
        if (selfClosing) h.close(name);
      }
      i = gt + 1;
    }
  }
}

/** Scans a whole part held as one string. */
export function scanXml(xml: string, handler: XmlHandler): void {
  const scanner = new XmlScanner(handler, Number.MAX_SAFE_INTEGER);
  scanner.write(xml);
  scanner.end();
}
