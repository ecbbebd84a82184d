import type { Handlers } from '../handler-types';
import { currentSettings, saveSettings } from '../settings/settings-service';

export const settingsHandlers: Pick<Handlers, 'settings.get' | 'settings.set'> = {
  'settings.get': (_input, { db }) => currentSettings(db),
  'settings.set': (changes, { db }) => saveSettings(db, changes),
};
