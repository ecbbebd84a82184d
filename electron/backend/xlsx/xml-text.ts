/**
 * Text and attributes of the XML parts of a workbook, read without a DOM: the parts a workbook import reads
 * (sheets, shared strings, styles) use a small, regular part of XML, and reading them by hand is several
 * times faster than a general parser.
 */

const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function entity(match: string, body: string): string {
  const known = named[body];
  if (known !== undefined) return known;
  const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
  return body[0] === '#' && Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
}

/** Office's own escape for characters XML cannot carry (_x000D_ for a carriage return). */
function officeEscape(_match: string, hex: string): string {
  return String.fromCharCode(parseInt(hex, 16));
}

/** Text content or an attribute value with its entities (&amp;, &#7897;) and Office's _xHHHH_ escapes decoded. */
export function decodeXmlText(raw: string): string {
  let text = raw.includes('&') ? raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, entity) : raw;
  if (text.includes('_x')) text = text.replace(/_x([0-9a-fA-F]{4})_/g, officeEscape);
  return text;
}

/**
 * A string kept apart from the text it was cut from: V8 keeps a whole part's text alive for as long as any slice
 * of it lives, so texts that outlive the reading (cell texts, shared strings) are copied out.
 */
export function detached(text: string): string {
  return text.length < 13 ? text : Buffer.from(text, 'utf8').toString('utf8');
}

/** The raw value of one attribute of a start tag's inside ("c r=\"B4\" t=\"s\""), or undefined. */
export function attribute(tag: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const at = tag.indexOf(name, from);
    if (at < 0) return undefined;
    from = at + name.length;
    const before = tag.charCodeAt(at - 1);
    // The name must stand alone (" r=", not "spans=") and may carry a prefix ("r:id" is asked for as "r:id").
    if (at > 0 && before !== 32 && before !== 9 && before !== 10 && before !== 13) continue;
    let p = from;
    while (tag.charCodeAt(p) === 32) p++;
    if (tag[p] !== '=') continue;
    p++;
    while (tag.charCodeAt(p) === 32) p++;
    const quote = tag[p];
    if (quote !== '"' && quote !== "'") continue;
    const end = tag.indexOf(quote, p + 1);
    return end < 0 ? undefined : tag.slice(p + 1, end);
  }
}

/** The local name of an element ("x:row" and "row" alike) from the inside of its tag. */
export function localName(tag: string): string {
  let end = 0;
  while (end < tag.length) {
    const c = tag.charCodeAt(end);
    if (c === 32 || c === 47 || c === 9 || c === 10 || c === 13) break;
    end++;
  }
  const colon = tag.lastIndexOf(':', end);
  return tag.slice(colon >= 0 ? colon + 1 : 0, end);
}
