import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rotateFolder } from '../../electron/backend/backup/backup-service';
import { backupFileName, officeName, officeSlug, parseBackupFileName } from '../../electron/backend/backup/naming';
import { backupsToKeep } from '../../electron/backend/backup/rotation';
import { makeDataDir } from '../support/data-dir';

const office = 'So-Cong-Thuong-Tay-Ninh';

/** Two automatic backups a day (the daily one at 10:00, the one at closing at 18:00) from `first` to `last`. */
function twiceADay(first: Date, last: Date): { name: string; takenAt: Date }[] {
  const backups: { name: string; takenAt: Date }[] = [];
  for (let day = new Date(first); day <= last; day = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1)) {
    for (const hour of [10, 18]) {
      const takenAt = new Date(day.getFullYear(), day.getMonth(), day.getDate(), hour, 0);
      backups.push({ name: backupFileName(office, takenAt, 'auto'), takenAt });
    }
  }
  return backups;
}

const eveningOf = (y: number, m: number, d: number): string =>
  backupFileName(office, new Date(y, m - 1, d, 18, 0), 'auto');

describe('the rotation of automatic backups', () => {
  const lastTwoWeeks = Array.from({ length: 14 }, (_, i) => {
    const day = new Date(2026, 11, 5 - i);
    return eveningOf(day.getFullYear(), day.getMonth() + 1, day.getDate());
  });
  const monthEnds = [
    [2026, 10, 31],
    [2026, 9, 30],
    [2026, 8, 31],
    [2026, 7, 31],
    [2026, 6, 30],
    [2026, 5, 31],
    [2026, 4, 30],
    [2026, 3, 31],
    [2026, 2, 28],
    [2026, 1, 31],
  ].map(([y, m, d]) => eveningOf(y!, m!, d!));

  it('keeps the last backup of each of the last 14 days and of each of the last 12 months', () => {
    const kept = backupsToKeep(twiceADay(new Date(2025, 9, 1), new Date(2026, 11, 5)));
    // December and November 2026 end within the last fourteen days; the ten months before add their last evening.
    expect([...kept].sort()).toEqual([...lastTwoWeeks, ...monthEnds].sort());
  });

  it('counts only days that have a backup, so a long pause never takes away the last ones', () => {
    const january = [3, 4, 5].map((d) => ({ name: eveningOf(2025, 1, d), takenAt: new Date(2025, 0, d, 18, 0) }));
    const today = { name: eveningOf(2026, 12, 7), takenAt: new Date(2026, 11, 7, 18, 0) };
    expect([...backupsToKeep([...january, today])].sort()).toEqual([...january, today].map((b) => b.name).sort());
  });

  it('in a folder removes only the automatic backups of this office it does not keep', () => {
    const folder = makeDataDir();
    for (const { name } of twiceADay(new Date(2025, 9, 1), new Date(2026, 11, 5)))
      writeFileSync(join(folder, name), '');
    const theClerks = [
      backupFileName(office, new Date(2025, 10, 3, 9, 15), 'manual'),
      backupFileName(office, new Date(2025, 10, 3, 9, 20), 'before_restore'),
      backupFileName('So-Cong-Thuong-Long-An', new Date(2025, 10, 3, 18, 0), 'auto'),
      'chitieu.db',
      'ghi-chu.txt',
    ];
    for (const name of theClerks) writeFileSync(join(folder, name), '');

    const removed = rotateFolder(folder, office);
    expect(removed).toHaveLength(2 * 431 - 24);
    expect(readdirSync(folder).sort()).toEqual([...lastTwoWeeks, ...monthEnds, ...theClerks].sort());
  });
});

describe('the name of a backup', () => {
  it('carries the office without diacritics, the local date and time, and the kind', () => {
    const name = officeSlug(officeName({ departmentName: 'SỞ CÔNG THƯƠNG', provinceName: 'UBND TỈNH TÂY NINH' }));
    expect(name).toBe('So-Cong-Thuong-Tay-Ninh');
    expect(officeSlug(officeName({ departmentName: 'Sở Công Thương', placeName: 'Đắk Lắk' }))).toBe(
      'So-Cong-Thuong-Dak-Lak',
    );
    const at = new Date(2026, 11, 7, 15, 30);
    expect(backupFileName(name, at, 'manual')).toBe('ChiTieu-So-Cong-Thuong-Tay-Ninh-2026-12-07-1530.db');
    expect(backupFileName(name, at, 'auto', 2)).toBe('ChiTieu-So-Cong-Thuong-Tay-Ninh-2026-12-07-1530-tu-dong-2.db');
    expect(parseBackupFileName('ChiTieu-So-Cong-Thuong-Tay-Ninh-2026-12-07-1530-truoc-khoi-phuc.db')).toEqual({
      office: name,
      takenAt: at,
      kind: 'before_restore',
    });
    expect(parseBackupFileName('ChiTieu-So-Cong-Thuong-Tay-Ninh-2026-02-30-1530.db')).toBeNull();
    expect(parseBackupFileName('chitieu.db')).toBeNull();
  });
});
