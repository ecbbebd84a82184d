/**
 * What the title block of a workbook says about the report: its period ("BÁO CÁO THÁNG 5 NĂM 2023",
 * "6 tháng đầu năm 2023", "Quý II/2023") and the reporting unit that sends it ("Đơn vị báo cáo: Xã Tân Lập").
 */
import type { ReportingUnit } from '../api/entities';
import { monthPeriod, quarterPeriod, ytdThrough, type Period } from '../periods/period';
import { foldVietnamese } from '../text/fold-vietnamese';

const romanQuarters: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

function validYear(y: number): boolean {
  return y >= 1990 && y <= 2100;
}

/** The report period a title names, if it names one; a signature date ("ngày 05 tháng 02 năm 2026") is not one. */
export function periodInTitle(text: string): Period | null {
  const t = foldVietnamese(text).replace(/\s*\/\s*/g, '/');
  if (/\bngay \d{1,2} thang\b/.test(t) || /\bngay \.+/.test(t)) return null;
  // "Tháng 10 và 10 tháng năm 2024": the month is the report period, the ten months its cumulative column.
  let m = /\bthang (\d{1,2}) va \d{1,2} thang\b.*?\b((?:19|20)\d{2})\b/.exec(t);
  if (m) {
    const n = Number(m[1]);
    const y = Number(m[2]);
    if (n >= 1 && n <= 12 && validYear(y)) return monthPeriod(y, n);
  }
  m = /\b(\d{1,2}) thang(?: dau nam| dau| nam| cuoi nam)*\s*(?:\/|-|nam)?\s*((?:19|20)\d{2})\b/.exec(t);
  if (m) {
    const n = Number(m[1]);
    const y = Number(m[2]);
    if (n >= 1 && n <= 12 && validYear(y)) return ytdThrough(y, n);
  }
  m = /\bthang (\d{1,2})\s*(?:\/|-|nam)\s*((?:19|20)\d{2})\b/.exec(t);
  if (m) {
    const n = Number(m[1]);
    const y = Number(m[2]);
    if (n >= 1 && n <= 12 && validYear(y)) return monthPeriod(y, n);
  }
  m = /\bquy (iv|iii|ii|i|[1-4])\s*(?:\/|-|nam)\s*((?:19|20)\d{2})\b/.exec(t);
  if (m) {
    const q = romanQuarters[m[1] ?? ''] ?? 0;
    const y = Number(m[2]);
    if (q >= 1 && validYear(y)) return quarterPeriod(y, q);
  }
  m =
    /\b(?:bao cao|so lieu|tinh hinh|ket qua|cac thang)\b.*?\bnam ((?:19|20)\d{2})\b/.exec(t) ??
    /^(?:ca )?nam ((?:19|20)\d{2})$/.exec(t);
  if (m) {
    const y = Number(m[1]);
    if (validYear(y)) return ytdThrough(y, 12);
  }
  return null;
}

const unitLabel =
  /^(?:ten )?(?:don vi bao cao|don vi gui bao cao|don vi gui|don vi thuc hien|don vi|ten don vi|doanh nghiep|ten doanh nghiep|co so|ten co so|xa|phuong|xa\/phuong|cua khau)\s*:\s*(.+)$/;

/** The unit a title cell names after a label ("Đơn vị báo cáo: …"), as written; not "Đơn vị tính". */
export function unitLabelInTitle(text: string): string | null {
  const folded = foldVietnamese(text);
  if (/^(don vi tinh|dvt)\b/.test(folded)) return null;
  const m = unitLabel.exec(folded);
  if (!m?.[1]) return null;
  const colon = text.indexOf(':');
  return colon >= 0 ? text.slice(colon + 1).trim() : null;
}

function unitKey(text: string): string {
  return foldVietnamese(text)
    .replace(/^(ubnd|uy ban nhan dan)\s+/, '')
    .replace(/^(xa|phuong|thi tran|tinh|thanh pho|cua khau|cong ty|doanh nghiep)\s+/, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The reporting unit a label names, by code or by name (ignoring "Xã", "UBND", case and diacritics). */
export function findUnitByLabel(units: readonly ReportingUnit[], label: string): ReportingUnit | undefined {
  const byCode = units.find((u) => u.code.toLowerCase() === label.trim().toLowerCase());
  if (byCode) return byCode;
  const key = unitKey(label);
  if (key === '') return undefined;
  return (
    units.find((u) => unitKey(u.name) === key) ?? units.find((u) => foldVietnamese(u.name) === foldVietnamese(label))
  );
}
