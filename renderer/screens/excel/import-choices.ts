import type { OperationInput } from '../../../shared/api/contract';
import type { ColumnRole } from '../../../shared/import/roles';

/**
 * The clerk's choices, kept by the panel's own key of each file rather than the backend's file id: adding or
 * removing a file reads the files again under new ids, and the choices made so far must survive that.
 */
export interface FileChoice {
  /** A period of the file's own (a period key); without it, the period its title names, else the common one. */
  period?: string;
  unitId?: number;
  skip?: boolean;
}

export interface RowChoice {
  fileKey: string;
  sheet: string;
  row: number;
  /** null: do not import the row. */
  code: string | null;
}

export interface ColumnChoice {
  fileKey: string;
  sheet: string;
  column: string;
  role: ColumnRole;
}

export interface ClerkChoices {
  acceptSuggestions: boolean;
  files: Record<string, FileChoice>;
  rows: RowChoice[];
  columns: ColumnChoice[];
}

export const noChoices: ClerkChoices = { acceptSuggestions: false, files: {}, rows: [], columns: [] };

type Place = { fileKey: string; sheet: string };
const samePlace = (a: Place, b: Place) => a.fileKey === b.fileKey && a.sheet === b.sheet;

export function withFileChoice(choices: ClerkChoices, fileKey: string, patch: FileChoice): ClerkChoices {
  const merged: FileChoice = { ...choices.files[fileKey], ...patch };
  // A field set to undefined means "back to what the file says": drop it rather than send it.
  const cleaned = Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined)) as FileChoice;
  return { ...choices, files: { ...choices.files, [fileKey]: cleaned } };
}

/** Maps a row by hand (a code, or null for "do not import"); undefined takes the hand mapping back. */
export function withRowChoice(
  choices: ClerkChoices,
  at: Place & { row: number },
  code: string | null | undefined,
): ClerkChoices {
  const rows = choices.rows.filter((r) => !(samePlace(r, at) && r.row === at.row));
  if (code !== undefined) rows.push({ fileKey: at.fileKey, sheet: at.sheet, row: at.row, code });
  return { ...choices, rows };
}

export function withColumnChoice(
  choices: ClerkChoices,
  at: Place & { column: string },
  role: ColumnRole | undefined,
): ClerkChoices {
  const columns = choices.columns.filter((c) => !(samePlace(c, at) && c.column === at.column));
  if (role !== undefined) columns.push({ fileKey: at.fileKey, sheet: at.sheet, column: at.column, role });
  return { ...choices, columns };
}

/** The hand mappings of one sheet, by row number and by column letter. */
export function sheetChoices(
  choices: ClerkChoices,
  at: Place,
): { rows: Map<number, string | null>; columns: Map<string, ColumnRole> } {
  return {
    rows: new Map(choices.rows.filter((r) => samePlace(r, at)).map((r) => [r.row, r.code])),
    columns: new Map(choices.columns.filter((c) => samePlace(c, at)).map((c) => [c.column, c.role])),
  };
}

/** Drops the choices of files no longer in the list. */
export function keepFiles(choices: ClerkChoices, fileKeys: ReadonlySet<string>): ClerkChoices {
  return {
    ...choices,
    files: Object.fromEntries(Object.entries(choices.files).filter(([key]) => fileKeys.has(key))),
    rows: choices.rows.filter((r) => fileKeys.has(r.fileKey)),
    columns: choices.columns.filter((c) => fileKeys.has(c.fileKey)),
  };
}

export type PreviewInput = OperationInput<'import.preview'>;

/**
 * The choices as the backend takes them. A file whose title names no period gets the common period the clerk
 * chose above the files, if any; a file whose title names one keeps it unless the clerk gave it another.
 */
export function previewInput(
  sessionId: string,
  fileIds: ReadonlyMap<string, string>,
  choices: ClerkChoices,
  commonPeriod: string | undefined,
  titled: ReadonlySet<string>,
  failed: ReadonlySet<string>,
): PreviewInput {
  const idOf = (key: string) => fileIds.get(key);
  const files: PreviewInput['files'] = [];
  for (const [key, fileId] of fileIds) {
    const own = choices.files[key] ?? {};
    const period = own.period ?? (titled.has(fileId) ? undefined : commonPeriod);
    files.push({
      fileId,
      // A file that could not be read can import nothing: it is left out rather than block the others.
      skip: own.skip ?? failed.has(fileId),
      ...(period === undefined ? {} : { period }),
      ...(own.unitId === undefined ? {} : { unitId: own.unitId }),
    });
  }
  return {
    sessionId,
    acceptSuggestions: choices.acceptSuggestions,
    files,
    rows: choices.rows.flatMap((r) => {
      const fileId = idOf(r.fileKey);
      return fileId === undefined ? [] : [{ fileId, sheet: r.sheet, row: r.row, code: r.code }];
    }),
    columns: choices.columns.flatMap((c) => {
      const fileId = idOf(c.fileKey);
      return fileId === undefined ? [] : [{ fileId, sheet: c.sheet, column: c.column, role: c.role }];
    }),
  };
}
