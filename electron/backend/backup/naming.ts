import type { BackupKind } from '../../../shared/api/backup-entities';
import { foldVietnamese } from '../../../shared/text/fold-vietnamese';

export interface OfficeSettings {
  departmentName?: string;
  placeName?: string;
  provinceName?: string;
}

/** "SỞ CÔNG THƯƠNG" of "Tây Ninh": the place line, or the committee line without its "UBND TỈNH". */
export function officeName(settings: OfficeSettings): string {
  const department = (settings.departmentName ?? '').trim() || 'SỞ CÔNG THƯƠNG';
  const place =
    (settings.placeName ?? '').trim() ||
    (settings.provinceName ?? '')
      .trim()
      .replace(/^UBND\s+/i, '')
      .replace(/^(TỈNH|THÀNH PHỐ|TP\.?)\s+/i, '');
  return place ? `${department} ${place}` : department;
}

/** The office as it can stand in a file name on any system and any disk: "So-Cong-Thuong-Tay-Ninh". */
export function officeSlug(name: string): string {
  const words = foldVietnamese(name)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w.length > 0)
    .map((w) => w[0]!.toUpperCase() + w.slice(1));
  return words.join('-').slice(0, 60).replace(/-+$/, '') || 'Don-Vi';
}

const kindSuffix: Record<BackupKind, string> = { manual: '', auto: '-tu-dong', before_restore: '-truoc-khoi-phuc' };

const two = (n: number): string => String(n).padStart(2, '0');

/**
 * ChiTieu-So-Cong-Thuong-Tay-Ninh-2026-12-07-1530.db for one the clerk made, with -tu-dong or -truoc-khoi-phuc
 * for the others, in the clerk's local time; `copy` tells apart two backups of the same minute.
 */
export function backupFileName(office: string, at: Date, kind: BackupKind, copy = 1): string {
  const stamp = `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}-${two(at.getHours())}${two(at.getMinutes())}`;
  return `ChiTieu-${office}-${stamp}${kindSuffix[kind]}${copy > 1 ? `-${copy}` : ''}.db`;
}

export interface ParsedBackupName {
  office: string;
  takenAt: Date;
  kind: BackupKind;
}

const namePattern = /^ChiTieu-(.+)-(\d{4})-(\d{2})-(\d{2})-(\d{2})(\d{2})(-tu-dong|-truoc-khoi-phuc)?(?:-(\d+))?\.db$/;

/** What a backup's name says; null for any other file, which ChiTieu neither lists nor rotates away. */
export function parseBackupFileName(name: string): ParsedBackupName | null {
  const m = namePattern.exec(name);
  if (!m) return null;
  const [, office, y, mo, d, h, mi, suffix] = m;
  const takenAt = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi));
  if (Number.isNaN(takenAt.getTime()) || takenAt.getMonth() !== Number(mo) - 1) return null;
  const kind: BackupKind = suffix === '-tu-dong' ? 'auto' : suffix === '-truoc-khoi-phuc' ? 'before_restore' : 'manual';
  return { office: office!, takenAt, kind };
}

/** The clerk's calendar day of a moment, as the rotation and the daily schedule count days. */
export function localDayKey(at: Date): string {
  return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}`;
}
