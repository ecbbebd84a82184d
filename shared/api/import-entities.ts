import { z } from 'zod';
import { severities } from '../validation/finding';
import { indicatorCodeSchema } from './entities';
import { periodKeySchema, planLevels, valueStatuses } from './values-entities';

/**
 * Importing workbooks, in steps a screen can follow: read the files (in the background, with progress),
 * preview what would change (as often as the clerk changes a choice), commit, and later undo from the history.
 */

/** A workbook on this computer's disk (desktop app, command line). */
export const importFilePathSchema = z.object({ path: z.string().min(1).max(4096) }).strict();
/** A workbook's bytes, sent by a browser. */
export const importFileBytesSchema = z
  .object({ name: z.string().trim().min(1).max(255), contentBase64: z.string().max(64 * 1024 * 1024) })
  .strict();
export const importFileSourceSchema = z.union([importFilePathSchema, importFileBytesSchema]);
export type ImportFileSource = z.infer<typeof importFileSourceSchema>;
export type ImportFileBytes = z.infer<typeof importFileBytesSchema>;

/** A province has about a hundred communes, each sending its workbook: all of them go in one import. */
export const maxFilesPerImport = 500;
const tooManyFilesVi = `Một lần nhập nhận tối đa ${maxFilesPerImport} tệp; hãy chia các tệp ra nhiều lần nhập.`;

export const importReadInputSchema = z
  .object({ files: z.array(importFileBytesSchema).min(1).max(maxFilesPerImport, tooManyFilesVi) })
  .strict();
export const importReadPathsInputSchema = z
  .object({ files: z.array(importFilePathSchema).min(1).max(maxFilesPerImport, tooManyFilesVi) })
  .strict();
export const importReadOutputSchema = z.object({
  sessionId: z.string(),
  files: z.array(z.object({ fileId: z.string(), name: z.string() })),
});

export const importSessionInputSchema = z.object({ sessionId: z.string().min(1) }).strict();

export const fileReadStates = ['waiting', 'reading', 'read', 'failed'] as const;
export const importErrorSchema = z.object({ code: z.string(), message: z.string() });

export const importProgressSchema = z.object({
  sessionId: z.string(),
  done: z.boolean(),
  /** 0 to 1 over all files, for a progress bar. */
  fraction: z.number(),
  files: z.array(
    z.object({
      fileId: z.string(),
      name: z.string(),
      size: z.number().int().nullable(),
      state: z.enum(fileReadStates),
      fraction: z.number(),
      error: importErrorSchema.nullable(),
    }),
  ),
});
export type ImportProgress = z.infer<typeof importProgressSchema>;

export const periodAnchors = ['report', 'previous', 'ytd', 'month', 'quarter', 'months'] as const;

/** A period relative to the report period (see shared/import/roles.ts). */
export const periodRefSchema = z
  .object({
    anchor: z.enum(periodAnchors),
    n: z.number().int().min(1).max(12).optional(),
    yearsBack: z.number().int().min(0).max(10).optional(),
    year: z.number().int().min(1990).max(2100).optional(),
  })
  .strict();

export const targetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('value'), at: periodRefSchema }).strict(),
  z
    .object({
      kind: z.literal('plan'),
      level: z.enum(planLevels),
      yearsAhead: z.number().int().min(0).max(5).optional(),
      year: z.number().int().min(1990).max(2100).optional(),
    })
    .strict(),
]);

export const structuralRoles = ['stt', 'name', 'unit', 'code', 'note'] as const;

/** What a column holds: a label column, figures of a target, a stated percentage to check, or nothing to import. */
export const columnRoleSchema = z.union([
  z.object({ role: z.enum(structuralRoles) }).strict(),
  z
    .object({
      role: z.literal('data'),
      target: targetSchema,
      status: z.enum(valueStatuses).nullable(),
      unit: z.string().max(40).optional(),
    })
    .strict(),
  z
    .object({
      role: z.literal('percent'),
      of: targetSchema,
      to: targetSchema,
      status: z.enum(valueStatuses).optional(),
    })
    .strict(),
  z.object({ role: z.literal('ignore') }).strict(),
]);

/** Every choice the clerk can make; the preview and the commit take the same ones. */
export const importChoicesSchema = z
  .object({
    sessionId: z.string().min(1),
    /** The report period for every file that does not name its own (and does not get one below). */
    period: periodKeySchema.optional(),
    /** The reporting unit for every file not given one below; without it, the unit the file names, else the province. */
    unitId: z.number().int().optional(),
    /** Apply the best suggestion of each row not recognized otherwise. */
    acceptSuggestions: z.boolean().default(false),
    files: z
      .array(
        z
          .object({
            fileId: z.string(),
            period: periodKeySchema.optional(),
            unitId: z.number().int().optional(),
            skip: z.boolean().default(false),
          })
          .strict(),
      )
      .max(maxFilesPerImport, tooManyFilesVi)
      .default([]),
    /** A row mapped by hand to an indicator (null: do not import the row); without fileId, in every file. */
    rows: z
      .array(
        z
          .object({
            fileId: z.string().optional(),
            sheet: z.string(),
            row: z.number().int().min(1),
            code: indicatorCodeSchema.nullable(),
          })
          .strict(),
      )
      .max(20000)
      .default([]),
    /** A column mapped by hand; without fileId, in every file. */
    columns: z
      .array(
        z
          .object({
            fileId: z.string().optional(),
            sheet: z.string(),
            column: z.string().regex(/^[A-Z]{1,3}$/, 'Cột viết bằng chữ in hoa (A, B, …, AA).'),
            role: columnRoleSchema,
          })
          .strict(),
      )
      .max(2000)
      .default([]),
  })
  .strict();
export type ImportChoices = z.output<typeof importChoicesSchema>;

export const importFindingSchema = z.object({
  severity: z.enum(severities),
  kind: z.string(),
  message: z.string(),
  sheet: z.string().nullable(),
  cell: z.string().nullable(),
  code: z.string().nullable(),
});
export type ImportFinding = z.infer<typeof importFindingSchema>;

export const columnHows = ['heading', 'layout', 'manual'] as const;

export const previewColumnSchema = z.object({
  column: z.string(),
  /** Where its heading is. */
  cell: z.string().nullable(),
  heading: z.string(),
  role: columnRoleSchema.nullable(),
  how: z.enum(columnHows).nullable(),
  /** In words: "Tháng 5/2023 (thực hiện)", "Kiểm tra: Tháng 5/2023 so với Tháng 4/2023 (%)", "Không nhận ra". */
  label: z.string(),
});
export type PreviewColumn = z.infer<typeof previewColumnSchema>;

export const rowStates = ['matched', 'suggested', 'unrecognized', 'unit_mismatch', 'group', 'ignored'] as const;
export type RowState = (typeof rowStates)[number];
export const matchHows = ['manual', 'layout', 'code', 'name', 'alias', 'suggestion'] as const;
export type MatchHow = (typeof matchHows)[number];

export const suggestionSchema = z.object({
  code: z.string(),
  nameVi: z.string(),
  unit: z.string(),
  confidence: z.number(),
});
export type Suggestion = z.infer<typeof suggestionSchema>;

export const previewRowSchema = z.object({
  row: z.number().int(),
  /** The cell of its name (or of its first text). */
  cell: z.string(),
  stt: z.string(),
  name: z.string(),
  unit: z.string(),
  codeCell: z.string(),
  state: z.enum(rowStates),
  match: z
    .object({
      code: z.string(),
      nameVi: z.string(),
      unit: z.string(),
      how: z.enum(matchHows),
      confidence: z.number().nullable(),
    })
    .nullable(),
  suggestions: z.array(suggestionSchema),
  conversion: z.object({ from: z.string(), to: z.string(), factor: z.number(), text: z.string() }).nullable(),
  note: z.string().nullable(),
  /** Why the row is its indicator: by what it was found, in which section of the table, with which unit. */
  evidence: z.string().nullable(),
});
export type PreviewRow = z.infer<typeof previewRowSchema>;

export const resolvedTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('value'), period: z.string() }),
  z.object({ kind: z.literal('plan'), year: z.number().int(), level: z.enum(planLevels) }),
]);

export const valueChanges = ['new', 'changed', 'same', 'kept', 'duplicate', 'conflict'] as const;
export type ValueChange = (typeof valueChanges)[number];

export const previewValueSchema = z.object({
  cell: z.string(),
  row: z.number().int(),
  column: z.string(),
  code: z.string(),
  target: resolvedTargetSchema,
  label: z.string(),
  /** As the cell shows it, and as read before any unit conversion. */
  shown: z.string(),
  read: z.number(),
  value: z.number(),
  status: z.enum(valueStatuses).nullable(),
  /** The figure stored now, with the clerk's comment on it (kept when the figure is replaced). */
  current: z
    .object({ value: z.number(), status: z.enum(valueStatuses).nullable(), comment: z.string().nullable() })
    .nullable(),
  /**
   * kept: an estimate not written over the actual figure already stored; duplicate: another cell gives the same
   * figure and is written instead; conflict: other cells give another figure, so none is written.
   */
  change: z.enum(valueChanges),
  /** Why this cell is this indicator and period: its row's evidence and its column's reading. */
  evidence: z.string(),
});
export type PreviewValue = z.infer<typeof previewValueSchema>;

export const valueChangeCountsSchema = z.object({
  new: z.number().int(),
  changed: z.number().int(),
  same: z.number().int(),
  kept: z.number().int(),
  duplicate: z.number().int(),
  conflict: z.number().int(),
}) satisfies z.ZodType<Record<ValueChange, number>>;
export type ValueChangeCounts = z.infer<typeof valueChangeCountsSchema>;

/** The figures a values page can be narrowed to; "other" gathers kept, duplicate and conflict. */
export const valueFilters = ['all', 'new', 'changed', 'same', 'other', 'not_same'] as const;
export type ValueFilter = (typeof valueFilters)[number];

export function passesValueFilter(change: ValueChange, filter: ValueFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'not_same':
      return change !== 'same';
    case 'other':
      return change !== 'new' && change !== 'changed' && change !== 'same';
    default:
      return change === filter;
  }
}

export const countsSchema = z.object({
  rowsMatched: z.number().int(),
  rowsSuggested: z.number().int(),
  rowsUnrecognized: z.number().int(),
  /** Rows recognized (or mapped) whose unit cannot be converted to the indicator's: nothing of them is imported. */
  rowsUnitMismatch: z.number().int(),
  valuesNew: z.number().int(),
  valuesChanged: z.number().int(),
  valuesSame: z.number().int(),
  valuesKept: z.number().int(),
  /** Figures two cells give differently: none of them is imported. */
  valuesConflicting: z.number().int(),
  errors: z.number().int(),
  warnings: z.number().int(),
});
export type ImportCounts = z.infer<typeof countsSchema>;

/**
 * One page of the figures a sheet would write, for the same choices as the preview: a workbook of twenty years
 * brings a hundred thousand of them, more than a screen shows or a door should carry at once.
 */
export const importValuesInputSchema = importChoicesSchema
  .extend({
    fileId: z.string(),
    sheet: z.string(),
    filter: z.enum(valueFilters).default('all'),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(5000).default(50),
  })
  .strict();
export type ImportValuesInput = z.input<typeof importValuesInputSchema>;

export const importValuesPageSchema = z.object({
  /** The figures of the sheet that pass the filter, of which this page holds `values`. */
  total: z.number().int(),
  values: z.array(previewValueSchema),
});
export type ImportValuesPage = z.infer<typeof importValuesPageSchema>;

export const sheetStates = ['table', 'no_table', 'hidden', 'empty'] as const;

export const previewSheetSchema = z.object({
  name: z.string(),
  state: z.enum(sheetStates),
  headerRows: z.array(z.number().int()),
  firstDataRow: z.number().int().nullable(),
  /** The layout, from its headings: mappings made by hand are remembered under it. */
  signature: z.string().nullable(),
  remembered: z.boolean(),
  columns: z.array(previewColumnSchema),
  rows: z.array(previewRowSchema),
  /** How many figures of each kind the sheet holds; the figures themselves come a page at a time (import.values). */
  valueChanges: valueChangeCountsSchema,
  findings: z.array(importFindingSchema),
  counts: countsSchema,
});
export type PreviewSheet = z.infer<typeof previewSheetSchema>;

export const previewFileSchema = z.object({
  fileId: z.string(),
  name: z.string(),
  size: z.number().int().nullable(),
  sha256: z.string().nullable(),
  skipped: z.boolean(),
  /** The file could not be read: nothing of it can be imported. */
  error: importErrorSchema.nullable(),
  period: z
    .object({
      key: z.string(),
      label: z.string(),
      how: z.enum(['chosen', 'cell']),
      sheet: z.string().nullable(),
      cell: z.string().nullable(),
    })
    .nullable(),
  unit: z
    .object({
      id: z.number().int(),
      code: z.string(),
      name: z.string(),
      how: z.enum(['chosen', 'cell', 'default']),
      sheet: z.string().nullable(),
      cell: z.string().nullable(),
    })
    .nullable(),
  /** Earlier imports of a file with the same content. */
  previousImports: z.array(z.object({ importId: z.number().int(), at: z.string() })),
  sheets: z.array(previewSheetSchema),
  findings: z.array(importFindingSchema),
  counts: countsSchema,
});
export type PreviewFile = z.infer<typeof previewFileSchema>;

export const importPreviewSchema = z.object({
  sessionId: z.string(),
  files: z.array(previewFileSchema),
  counts: countsSchema,
  /** What stops a commit (an unreadable file, a file without a period or unit); empty when it can go ahead. */
  blockers: z.array(z.string()),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importResultSchema = z.object({
  /** The import in the history, for undo; null when nothing changed. */
  importId: z.number().int().nullable(),
  batchId: z.string().nullable(),
  changed: z.number().int(),
  valuesChanged: z.number().int(),
  plansChanged: z.number().int(),
  aliasesAdded: z.array(z.object({ code: z.string(), alias: z.string() })),
  layoutsRemembered: z.number().int(),
  files: z.array(
    z.object({
      fileId: z.string(),
      name: z.string(),
      unitId: z.number().int(),
      period: z.string(),
      changed: z.number().int(),
    }),
  ),
  counts: countsSchema,
});
export type ImportResult = z.infer<typeof importResultSchema>;

export const importRecordSchema = z.object({
  importId: z.number().int(),
  batchId: z.string(),
  at: z.string(),
  who: z.string(),
  changed: z.number().int(),
  valuesChanged: z.number().int(),
  plansChanged: z.number().int(),
  files: z.array(
    z.object({
      name: z.string(),
      sha256: z.string(),
      size: z.number().int(),
      unitId: z.number().int(),
      unitName: z.string(),
      period: z.string(),
      changed: z.number().int(),
    }),
  ),
  undone: z.object({ at: z.string(), who: z.string(), batchId: z.string() }).nullable(),
});
export type ImportRecord = z.infer<typeof importRecordSchema>;

export const importHistoryInputSchema = z.object({ limit: z.number().int().min(1).max(1000).default(100) }).strict();
export const importUndoInputSchema = z.object({ importId: z.number().int() }).strict();

export const importLayoutSchema = z.object({
  signature: z.string(),
  sheet: z.string(),
  file: z.string(),
  headings: z.array(z.string()),
  columns: z.number().int(),
  rows: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type ImportLayout = z.infer<typeof importLayoutSchema>;
