import { z } from 'zod';
import { importFileBytesSchema, importFileSourceSchema } from './import-entities';
import { periodKeySchema } from './values-entities';

/**
 * Exporting the workbooks that go up (issue 6): the report workbook of one or several reporting units, and a
 * workbook the Ministry sent, filled with ChiTieu's figures ('export.report', 'export.fillTemplate'). Neither
 * changes the database. With `saveTo` the backend writes the file there (the desktop save dialog, the command
 * line) and returns its path; without it the bytes come back as base64 (the browser mode offers a download).
 */

export const exportLayouts = ['sheets', 'columns'] as const;
export type ExportLayout = (typeof exportLayouts)[number];

export const exportLayoutLabelsVi: Record<ExportLayout, string> = {
  sheets: 'Mỗi đơn vị một trang tính, thêm trang tổng hợp',
  columns: 'Các đơn vị cạnh nhau theo cột',
};

/** Why the clerk exports although validation errors stand; printed in a note on every sheet. */
export const overrideReasonSchema = z
  .string()
  .trim()
  .min(5, 'Lý do xuất khi còn lỗi phải có ít nhất 5 ký tự.')
  .max(1000, 'Lý do xuất khi còn lỗi dài quá 1.000 ký tự.');

/** Where the backend writes the file: a path on this computer, chosen in a save dialog or on the command line. */
const saveToSchema = z.string().trim().min(1).max(4096);

const exportReportFields = z.object({
  period: periodKeySchema,
  /** One unit; without unitId, unitIds or allUnits, the province. */
  unitId: z.number().int().optional(),
  /** Several units: one sheet each and a total sheet (layout 'sheets'), or one column each ('columns'). */
  unitIds: z.array(z.number().int()).min(1).max(500).optional(),
  /** Every reporting unit valid during the period. */
  allUnits: z.boolean().default(false),
  layout: z.enum(exportLayouts).default('sheets'),
  overrideReason: overrideReasonSchema.optional(),
});

const oneWayToChooseUnits = {
  check: (i: z.output<typeof exportReportFields>) =>
    [i.unitId !== undefined, i.unitIds !== undefined, i.allUnits].filter(Boolean).length <= 1,
  message: 'Chọn một đơn vị, một danh sách đơn vị hoặc tất cả đơn vị, không chọn cùng lúc hai cách.',
};

/** The workbook comes back as bytes (the browser offers a download). */
export const exportReportInputSchema = exportReportFields
  .strict()
  .refine(oneWayToChooseUnits.check, { message: oneWayToChooseUnits.message });
export type ExportReportInput = z.input<typeof exportReportInputSchema>;
/** The backend writes the workbook to saveTo (desktop save dialog, command line). */
export const exportReportToFileInputSchema = exportReportFields
  .extend({ saveTo: saveToSchema })
  .strict()
  .refine(oneWayToChooseUnits.check, { message: oneWayToChooseUnits.message });

const exportFillFields = z.object({
  period: periodKeySchema,
  unitId: z.number().int().optional(),
  overrideReason: overrideReasonSchema.optional(),
});
/** The workbook the Ministry sent, as bytes from a browser; the filled workbook comes back as bytes. */
export const exportFillInputSchema = exportFillFields.extend({ template: importFileBytesSchema }).strict();
export type ExportFillInput = z.input<typeof exportFillInputSchema>;
/** The workbook the Ministry sent, a path on this computer or its bytes; the filled one is written to saveTo. */
export const exportFillToFileInputSchema = exportFillFields
  .extend({ template: importFileSourceSchema, saveTo: saveToSchema })
  .strict();

/** The open validation errors of each unit exported; the details of a refusal ('conflict') carry them too. */
export const exportOpenErrorsSchema = z.object({
  openErrors: z.number().int(),
  units: z.array(z.object({ unitId: z.number().int(), unitName: z.string(), openErrors: z.number().int() })),
});
export type ExportOpenErrors = z.infer<typeof exportOpenErrorsSchema>;

/** Validation errors that stood when the file was written (kept only when a reason let the export go ahead). */
export const exportValidationSchema = exportOpenErrorsSchema.extend({
  overrideReason: z.string().nullable(),
});

export const exportedColumnSchema = z.object({
  /** The column letter and its code in the row of column codes (A, B, C, 1, 2 … or "7=3/5"). */
  column: z.string(),
  code: z.string(),
  heading: z.string(),
  kind: z.enum(['label', 'figure', 'percent', 'note']),
});

export const exportedSheetSchema = z.object({
  name: z.string(),
  /** The unit of the sheet; null for the total sheet and for the side-by-side sheet. */
  unitId: z.number().int().nullable(),
  kind: z.enum(['unit', 'total', 'columns']),
  rows: z.number().int(),
  /** Cells holding a figure (numbers and comparison results). */
  figures: z.number().int(),
});

export const exportReportSummarySchema = z.object({
  period: z.string(),
  periodLabel: z.string(),
  layout: z.enum(exportLayouts),
  units: z.array(z.object({ unitId: z.number().int(), code: z.string(), name: z.string() })),
  /** The units the total adds up (a unit with others of the selection under it is left out of the sum). */
  totalOf: z.array(z.number().int()),
  sheets: z.array(exportedSheetSchema),
  columns: z.array(exportedColumnSchema),
  validation: exportValidationSchema,
});
export type ExportReportSummary = z.infer<typeof exportReportSummarySchema>;

const exportedFileSchema = z.object({
  /** A file name to offer in a save dialog or a download: "bao-cao-2023-H1-toan-tinh.xlsx". */
  fileName: z.string(),
  /** Where it was written (with saveTo), else null. */
  path: z.string().nullable(),
  /** The bytes (without saveTo), else null. */
  contentBase64: z.string().nullable(),
  size: z.number().int(),
});

export const exportReportOutputSchema = exportedFileSchema.extend({ summary: exportReportSummarySchema });
export type ExportReportOutput = z.infer<typeof exportReportOutputSchema>;

export const filledSheetStates = ['filled', 'no_table', 'hidden', 'empty'] as const;

export const filledSheetSchema = z.object({
  name: z.string(),
  state: z.enum(filledSheetStates),
  headerRows: z.array(z.number().int()),
  columns: z.array(
    z.object({
      column: z.string(),
      heading: z.string(),
      /** In words: "Tháng 5/2023", "Kế hoạch năm 2023", "Kiểm tra: … so với … (%)", "Không nhận ra". */
      label: z.string(),
      filled: z.number().int(),
    }),
  ),
  rowsMatched: z.number().int(),
  /** Rows with a name that were not filled, and why (not recognized, only suggestions, a unit that does not convert). */
  rowsNotFilled: z.array(
    z.object({ row: z.number().int(), cell: z.string(), name: z.string(), unit: z.string(), reason: z.string() }),
  ),
  cellsFilled: z.number().int(),
  /** Value cells left as they were: a formula, a text such as "x", or a figure ChiTieu does not have. */
  cellsLeft: z.array(z.object({ cell: z.string(), reason: z.string() })),
  /** Cells given a figure with more decimals than the template's format shows: they hold it exactly, Excel shows it rounded. */
  cellsShownRounded: z.array(z.object({ cell: z.string(), reason: z.string() })),
});
export type FilledSheet = z.infer<typeof filledSheetSchema>;

export const exportFillSummarySchema = z.object({
  period: z.string(),
  periodLabel: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  sheets: z.array(filledSheetSchema),
  cellsFilled: z.number().int(),
  /** The template has formulas: the file asks Excel and LibreOffice to recalculate them when it is opened. */
  recalculateOnOpen: z.boolean(),
  validation: exportValidationSchema,
});
export type ExportFillSummary = z.infer<typeof exportFillSummarySchema>;

export const exportFillOutputSchema = exportedFileSchema.extend({ summary: exportFillSummarySchema });
export type ExportFillOutput = z.infer<typeof exportFillOutputSchema>;
