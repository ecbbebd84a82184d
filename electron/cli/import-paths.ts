import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { maxFilesPerImport } from '../../shared/api/import-entities';
import { UsageError } from './cli-error';

export interface WorkbookPaths {
  paths: string[];
  /** Files found in a named folder that are not workbooks, or are Excel's own lock files (~$…): not imported. */
  passedOver: string[];
}

const workbookName = /\.(xlsx|xlsm|xls)$/i;
const byName = new Intl.Collator('vi', { numeric: true });

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    // A path that cannot be looked at is read as a file, and the import says why it cannot be opened.
    return false;
  }
}

/**
 * The files of `chitieu import`: a folder stands for the workbooks in it, in name order, since Windows' command
 * prompt does not expand *.xlsx, and a province's hundred communes send their workbooks into one folder.
 */
export function workbookPaths(named: readonly string[]): WorkbookPaths {
  const paths: string[] = [];
  const passedOver: string[] = [];
  for (const given of named) {
    const full = resolve(given);
    if (!isFolder(full)) {
      paths.push(full);
      continue;
    }
    const names = readdirSync(full, { withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name)
      .sort(byName.compare);
    const workbooks = names.filter((name) => workbookName.test(name) && !name.startsWith('~$'));
    if (workbooks.length === 0) throw new UsageError(`Thư mục ${given} không có sổ Excel nào (.xlsx, .xlsm, .xls).`);
    paths.push(...workbooks.map((name) => join(full, name)));
    passedOver.push(...names.filter((name) => !workbooks.includes(name)).map((name) => join(given, name)));
  }
  if (paths.length > maxFilesPerImport) {
    throw new UsageError(
      `Có ${paths.length} tệp, nhiều hơn ${maxFilesPerImport} tệp mà một lần nhập nhận; hãy chia các tệp ra nhiều lần nhập.`,
    );
  }
  return { paths, passedOver };
}
