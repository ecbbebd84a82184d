/**
 * The sentence templates the department edits: text with placeholders in braces ("{giatri}") and optional
 * parts in square brackets, which may nest. An optional part is left out when a placeholder inside it has
 * no value; a placeholder outside any brackets without a value leaves the whole sentence out. A sentence
 * is therefore printed whole or not at all, never with a hole where a figure should be.
 */

export type TemplatePart =
  { kind: 'text'; text: string } | { kind: 'placeholder'; name: string } | { kind: 'optional'; parts: TemplatePart[] };

export type ParsedTemplate = { ok: true; parts: TemplatePart[] } | { ok: false; messageVi: string };

const placeholderName = /^[A-Za-z][A-Za-z0-9]*$/;

/** Reads a template; `allowed` is the placeholders its kind knows, and any other one is refused by name. */
export function parseTemplate(text: string, allowed: readonly string[]): ParsedTemplate {
  const stack: TemplatePart[][] = [[]];
  const unknown = new Set<string>();
  let plain = '';
  const flush = () => {
    if (plain !== '') stack[stack.length - 1]?.push({ kind: 'text', text: plain });
    plain = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '{') {
      const close = text.indexOf('}', i + 1);
      if (close < 0) return { ok: false, messageVi: `Mẫu câu thiếu dấu "}" đóng chỗ điền mở ở vị trí ${i + 1}.` };
      const name = text.slice(i + 1, close).trim();
      if (!placeholderName.test(name))
        return {
          ok: false,
          messageVi: `Chỗ điền "{${name}}" không hợp lệ: tên chỗ điền chỉ gồm chữ cái không dấu và chữ số.`,
        };
      if (!allowed.includes(name)) unknown.add(name);
      flush();
      stack[stack.length - 1]?.push({ kind: 'placeholder', name });
      i = close;
    } else if (ch === '}') {
      return { ok: false, messageVi: `Mẫu câu có dấu "}" ở vị trí ${i + 1} mà không có dấu "{" mở trước nó.` };
    } else if (ch === '[') {
      flush();
      stack.push([]);
    } else if (ch === ']') {
      if (stack.length < 2)
        return { ok: false, messageVi: `Mẫu câu có dấu "]" ở vị trí ${i + 1} mà không có dấu "[" mở trước nó.` };
      flush();
      const parts = stack.pop() ?? [];
      stack[stack.length - 1]?.push({ kind: 'optional', parts });
    } else {
      plain += ch;
    }
  }
  if (stack.length > 1) return { ok: false, messageVi: 'Mẫu câu thiếu dấu "]" đóng phần không bắt buộc.' };
  if (unknown.size > 0) {
    const names = [...unknown].map((n) => `{${n}}`).join(', ');
    const known = allowed.map((n) => `{${n}}`).join(', ');
    return { ok: false, messageVi: `Mẫu câu có chỗ điền không biết: ${names}. Các chỗ điền dùng được: ${known}.` };
  }
  flush();
  return { ok: true, parts: stack[0] ?? [] };
}

/** What a filled template gives: the sentence, or the placeholders that kept it from being written. */
export type FilledTemplate = { ok: true; text: string } | { ok: false; missing: string[] };

function fillParts(parts: readonly TemplatePart[], values: ReadonlyMap<string, string>): FilledTemplate {
  let text = '';
  const missing: string[] = [];
  for (const part of parts) {
    if (part.kind === 'text') {
      text += part.text;
    } else if (part.kind === 'placeholder') {
      const value = values.get(part.name);
      if (value === undefined) missing.push(part.name);
      else text += value;
    } else {
      const inner = fillParts(part.parts, values);
      if (inner.ok) text += inner.text;
    }
  }
  return missing.length > 0 ? { ok: false, missing } : { ok: true, text };
}

/** Spaces doubled by an empty value, or left before punctuation, are what a hand-written sentence never has. */
function tidy(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:)%])/g, '$1')
    .replace(/\(\s+/g, '(')
    .trim();
}

/** The sentence with every value in place; values absent from the map are the figures the period lacks. */
export function fillTemplate(parts: readonly TemplatePart[], values: ReadonlyMap<string, string>): FilledTemplate {
  const filled = fillParts(parts, values);
  if (!filled.ok) return filled;
  const text = tidy(filled.text);
  // The first letter is capital even when the template opens with a lower-case name, as a sentence does.
  return { ok: true, text: text.charAt(0).toUpperCase() + text.slice(1) };
}
