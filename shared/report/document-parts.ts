/**
 * Parts of an administrative document (Decree 30/2020/NĐ-CP) worded from Cài đặt: its number and symbol, and
 * the list of recipients.
 */
import type { Period } from '../periods/period';
import { periodInProse } from './period-wording';

/** "Số:       /BC-SCT": the number is the registry's to fill when the report is sent, the symbol is the type and the office. */
export function documentNumberLine(officeSymbol: string): string {
  const office = officeSymbol.replace(/\s+/g, '').replace(/^-+/, '').toUpperCase();
  return `Số:       /BC${office === '' ? '' : `-${office}`}`;
}

/** The recipients a line each, "- " in front, ";" after each but the last, which ends with ".". */
export function recipientLines(recipients: string): string[] {
  const lines = recipients
    .split(/\r?\n/)
    .map((l) =>
      l
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/^[-–•+]\s*/, '')
        .replace(/[;.,]+$/, ''),
    )
    .filter((l) => l !== '');
  return lines.map((l, i) => `- ${l}${i === lines.length - 1 ? '.' : ';'}`);
}

/** The summary under "BÁO CÁO", in lower case as the decree types it: "Tình hình thực hiện … 6 tháng đầu năm 2023". */
export function reportSummary(period: Period | null, title: string): string {
  return period === null
    ? title.replace(/^BÁO CÁO\s+/, '')
    : `Tình hình thực hiện các chỉ tiêu ngành Công Thương ${periodInProse(period)}`;
}
