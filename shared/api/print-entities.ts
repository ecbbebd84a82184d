import { z } from 'zod';
import { periodKeySchema } from './values-entities';

export const printDocuments = ['report', 'entry', 'workbook'] as const;
export type PrintDocument = (typeof printDocuments)[number];

export const printDocumentLabelsVi: Readonly<Record<PrintDocument, string>> = {
  report: 'báo cáo',
  entry: 'bảng nhập liệu',
  workbook: 'biểu báo cáo',
};

export const reportPrintInputSchema = z
  .object({
    document: z.enum(printDocuments),
    period: periodKeySchema,
    /** Without it, the province. */
    unitId: z.number().int().optional(),
    /** The workbook is refused while validation errors stand, as its export is, unless a reason is given. */
    overrideReason: z.string().trim().min(1).max(2000).optional(),
  })
  .strict();
export type ReportPrintInput = z.input<typeof reportPrintInputSchema>;

export const reportPrintOutputSchema = z.object({
  title: z.string(),
  /** "bao-cao-2023-H1-toan-tinh.pdf": the name a "Save as PDF" proposes. */
  fileName: z.string(),
  /** A whole page: A4, Times New Roman, the title block and the signatures; printed as it is. */
  html: z.string(),
});
export type ReportPrintOutput = z.infer<typeof reportPrintOutputSchema>;
