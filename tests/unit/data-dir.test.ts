import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, resolveDataDir } from '../../electron/data-dir';

describe('where ChiTieu keeps its data by default', () => {
  it('uses %APPDATA%\\ChiTieu on Windows', () => {
    const appData = join('C:', 'Users', 'lan', 'AppData', 'Roaming');
    expect(defaultDataDir({ APPDATA: appData }, 'win32')).toBe(join(appData, 'ChiTieu'));
  });

  it('falls back to AppData\\Roaming in the home folder on Windows when APPDATA is not set', () => {
    expect(defaultDataDir({}, 'win32')).toBe(join(homedir(), 'AppData', 'Roaming', 'ChiTieu'));
  });

  it('uses ~/Library/Application Support/ChiTieu on macOS, whatever XDG_CONFIG_HOME says', () => {
    const expected = join(homedir(), 'Library', 'Application Support', 'ChiTieu');
    expect(defaultDataDir({}, 'darwin')).toBe(expected);
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/srv/cau-hinh' }, 'darwin')).toBe(expected);
  });

  it('uses $XDG_CONFIG_HOME/ChiTieu on Linux', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/srv/cau-hinh' }, 'linux')).toBe(join('/srv/cau-hinh', 'ChiTieu'));
  });

  it('falls back to ~/.config/ChiTieu on Linux when XDG_CONFIG_HOME is not set', () => {
    expect(defaultDataDir({}, 'linux')).toBe(join(homedir(), '.config', 'ChiTieu'));
  });

  it('falls back to ~/.config/ChiTieu on Linux when XDG_CONFIG_HOME is set but empty, as Electron does', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '' }, 'linux')).toBe(join(homedir(), '.config', 'ChiTieu'));
  });
});

describe('choosing the data directory', () => {
  const env = { CHITIEU_DATA_DIR: '/srv/chitieu-chung', XDG_CONFIG_HOME: '/srv/cau-hinh', APPDATA: '/srv/appdata' };

  it('takes --data over CHITIEU_DATA_DIR', () => {
    expect(resolveDataDir('/media/usb/ChiTieu', env)).toBe(resolve('/media/usb/ChiTieu'));
  });

  it('reads a relative --data against the current directory', () => {
    expect(resolveDataDir('du-lieu-thu', env)).toBe(join(process.cwd(), 'du-lieu-thu'));
  });

  it('takes CHITIEU_DATA_DIR over the default when --data is not given', () => {
    expect(resolveDataDir(undefined, env)).toBe(resolve('/srv/chitieu-chung'));
  });

  it('uses the default folder of this computer when neither --data nor CHITIEU_DATA_DIR is given', () => {
    const withoutOverride = { XDG_CONFIG_HOME: '/srv/cau-hinh', APPDATA: '/srv/appdata' };
    expect(resolveDataDir(undefined, withoutOverride)).toBe(defaultDataDir(withoutOverride, process.platform));
    expect(resolveDataDir(undefined, withoutOverride)).toMatch(/ChiTieu$/);
  });

  it('treats an empty CHITIEU_DATA_DIR as not given', () => {
    const emptyOverride = { CHITIEU_DATA_DIR: '', XDG_CONFIG_HOME: '/srv/cau-hinh', APPDATA: '/srv/appdata' };
    expect(resolveDataDir(undefined, emptyOverride)).toBe(defaultDataDir(emptyOverride, process.platform));
  });
});
