import { userInfo } from 'node:os';
import { readSettings, writeSettings } from '../../../db/access/settings';
import type { ChitieuDb } from '../../../db/connection';
import type { Settings } from '../../../shared/api/entities';
import type { ParsedInput } from '../../../shared/api/contract';
import { hashWebPassword } from './web-password';

const webPasswordKey = 'webPasswordHash';

type EditableSetting = Exclude<keyof Settings, 'webPasswordSet'>;

export function osUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'chitieu';
  }
}

const defaults: Record<EditableSetting, () => string> = {
  provinceName: () => '',
  departmentName: () => 'SỞ CÔNG THƯƠNG',
  placeName: () => '',
  formNumber: () => '',
  preparerName: () => '',
  headTitle: () => 'GIÁM ĐỐC',
  headName: () => '',
  // Empty until the clerk names themself at the first run: the change log then says whose account it was.
  clerkName: () => '',
  officeSymbol: () => 'SCT',
  recipients: () => 'Bộ Công Thương;\nUBND tỉnh;\nLưu: VT.',
};

/**
 * The person a change is recorded under: the clerk named in Cài đặt, else the computer's account marked as
 * such, so that the change log never passes an account ("root") off as a person, nor leaves anyone anonymous.
 */
export function changeAuthor(db: ChitieuDb): string {
  const named = currentSettings(db).clerkName.replace(/\s+/g, ' ').trim();
  return named === '' ? `${osUserName()} (tài khoản máy, chưa khai tên người nhập trong Cài đặt)` : named;
}

export function currentSettings(db: ChitieuDb): Settings {
  const stored = readSettings(db);
  const text = (key: EditableSetting): string => {
    const value = stored.get(key);
    return typeof value === 'string' ? value : defaults[key]();
  };
  return {
    provinceName: text('provinceName'),
    departmentName: text('departmentName'),
    placeName: text('placeName'),
    formNumber: text('formNumber'),
    preparerName: text('preparerName'),
    headTitle: text('headTitle'),
    headName: text('headName'),
    clerkName: text('clerkName'),
    officeSymbol: text('officeSymbol'),
    recipients: text('recipients'),
    webPasswordSet: typeof stored.get(webPasswordKey) === 'string',
  };
}

export function storedWebPasswordHash(db: ChitieuDb): string | null {
  const value = readSettings(db).get(webPasswordKey);
  return typeof value === 'string' ? value : null;
}

/** Writes the settings given and only those; a web password is kept as its hash, null removes it. */
export function saveSettings(db: ChitieuDb, { webPassword, ...texts }: ParsedInput<'settings.set'>): Settings {
  const entries: [string, unknown][] = Object.entries(texts).filter(([, v]) => v !== undefined);
  if (webPassword !== undefined)
    entries.push([webPasswordKey, webPassword === null ? null : hashWebPassword(webPassword)]);
  writeSettings(db, entries);
  return currentSettings(db);
}
