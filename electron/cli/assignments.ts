import { parseNumberLoose } from '../../shared/numbers/vi-number';
import { UsageError } from './cli-error';

export interface Assignment {
  code: string;
  value: number;
}

/** CODE=NUMBER words; one unreadable word refuses them all, so a command never writes half its figures. */
export function parseAssignments(words: string[]): Assignment[] {
  if (words.length === 0) throw new UsageError('Thiếu số liệu: hãy ghi dạng MÃ=SỐ, ví dụ XNK=2.260 BLHH=14.659,9.');
  const problems: string[] = [];
  const assignments: Assignment[] = [];
  for (const word of words) {
    const eq = word.indexOf('=');
    if (eq <= 0) {
      problems.push(`"${word}" không có dạng MÃ=SỐ`);
      continue;
    }
    const code = word.slice(0, eq).trim().toUpperCase();
    const parsed = parseNumberLoose(word.slice(eq + 1));
    if (parsed.ok) assignments.push({ code, value: parsed.value });
    else problems.push(`${code}: "${word.slice(eq + 1)}" không đọc được thành số (${parsed.reason})`);
  }
  if (problems.length > 0) throw new UsageError(`Không ghi gì cả vì:\n  ${problems.join('\n  ')}`);
  return assignments;
}
