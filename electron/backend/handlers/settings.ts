import { userInfo } from 'node:os';
import { readSettings, writeSettings } from '../../../db/access/settings';
import type { ChitieuDb } from '../../../db/connection';
import type { Settings } from '../../../shared/api/entities';
import type { Handlers } from '../handler-types';
import { hashWebPassword } from '../web-password';

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
  clerkName: osUserName,
};

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
    webPasswordSet: typeof stored.get(webPasswordKey) === 'string',
  };
}

export function storedWebPasswordHash(db: ChitieuDb): string | null {
  const value = readSettings(db).get(webPasswordKey);
  return typeof value === 'string' ? value : null;
}

export const settingsHandlers: Pick<Handlers, 'settings.get' | 'settings.set'> = {
  'settings.get': (_input, { db }) => currentSettings(db),

  'settings.set': ({ webPassword, ...texts }, { db }) => {
    const entries: [string, unknown][] = Object.entries(texts).filter(([, v]) => v !== undefined);
    if (webPassword !== undefined) entries.push([webPasswordKey, webPassword === null ? null : hashWebPassword(webPassword)]);
    writeSettings(db, entries);
    return currentSettings(db);
  },
};
