import { z } from 'zod';
import { periodKeySchema } from './values-entities';

/**
 * The report a clerk would write (issue 7): the period's figures told in Vietnamese sentences, the way the
 * department's own reports and the seeds tell them ("… đạt 2.260 triệu USD, đạt 59,5% kế hoạch, tăng 98,9% so
 * với cùng kỳ năm 2022"), from phrase templates the department can edit; as text, .docx or HTML.
 */

/** Sentence templates come in two kinds: one sentence per indicator, or a count of the key products on schedule. */
export const reportTemplateKinds = ['indicator', 'productCount'] as const;
export type ReportTemplateKind = (typeof reportTemplateKinds)[number];

/**
 * The placeholders a template of each kind may hold, with what they become. A part in square brackets is left
 * out when a placeholder inside it has no figure ("[, đạt {pctKeHoach}% kế hoạch]"); a placeholder outside any
 * brackets without a figure leaves the whole sentence out, so a sentence is never printed half-filled.
 */
export const reportPlaceholdersVi: Record<ReportTemplateKind, Record<string, string>> = {
  indicator: {
    ten: 'Tên chỉ tiêu, như trong danh mục ("Tổng mức bán lẻ hàng hóa …")',
    tenThuong: 'Tên chỉ tiêu, chữ đầu viết thường (để đặt giữa câu)',
    giatri: 'Số liệu của kỳ, theo cách viết Việt Nam và số chữ số thập phân của chỉ tiêu (14.659,9)',
    donvi: 'Đơn vị tính (tỷ đồng, triệu USD, %)',
    ky: 'Kỳ báo cáo bằng lời ("6 tháng đầu năm 2023", "tháng 6 năm 2023", "quý II năm 2023")',
    kyNgan: 'Kỳ báo cáo không kèm năm ("6 tháng đầu năm", "tháng 6", "quý II")',
    namTruoc: 'Năm của cùng kỳ ("năm 2022")',
    pctKeHoach:
      'Số liệu so với kế hoạch giao năm, % (59,5); khi kỳ báo cáo là tháng hay quý có lũy kế riêng, dùng {pctLuyKeKeHoach}',
    pctPhanDau: 'Số liệu so với chỉ tiêu phấn đấu năm, % (54,2)',
    kehoach: 'Kế hoạch giao năm (3.798,3)',
    cungKy: 'Số liệu cùng kỳ năm trước (1.136,2)',
    soCungKy: 'So với cùng kỳ: "tăng 98,9%", "giảm 3,2%" hoặc "tương đương"',
    tangGiam: '"tăng", "giảm" hoặc "tương đương"',
    pctCungKy: 'Mức tăng hoặc giảm so với cùng kỳ, % (98,9)',
    chiSo: 'Số liệu so với cùng kỳ, % (198,9)',
    kyLuyKe: 'Kỳ lũy kế từ đầu năm, khi kỳ báo cáo là tháng hay quý ("6 tháng đầu năm 2023")',
    luyKe: 'Số lũy kế từ đầu năm, khi kỳ báo cáo là tháng hay quý',
    pctLuyKeKeHoach: 'Số lũy kế so với kế hoạch giao năm, %',
    pctLuyKePhanDau: 'Số lũy kế so với chỉ tiêu phấn đấu năm, %',
    soLuyKeCungKy: 'Số lũy kế so với cùng kỳ: "tăng 21,9%", "giảm 3,2%" hoặc "tương đương"',
    pctLuyKeCungKy: 'Mức tăng hoặc giảm của số lũy kế so với cùng kỳ, % (21,9)',
  },
  productCount: {
    ky: 'Kỳ báo cáo bằng lời ("tháng 6 năm 2023")',
    kyNgan: 'Kỳ báo cáo không kèm năm ("tháng 6")',
    kyLuyKe: 'Từ đầu năm đến hết kỳ báo cáo ("6 tháng đầu năm 2023"), kỳ mà tiến độ và mức tăng được tính',
    namTruoc: 'Năm của cùng kỳ ("năm 2022")',
    soDat: 'Số sản phẩm có số lũy kế đạt tiến độ kế hoạch năm và tăng so với cùng kỳ (8)',
    tongSo: 'Số sản phẩm có số liệu từ đầu năm (13)',
    danhSach: 'Tên các sản phẩm đạt tiến độ và tăng, cách nhau bởi dấu phẩy',
  },
};

export const reportTemplateSchema = z.object({
  key: z.string(),
  kind: z.enum(reportTemplateKinds),
  /** The part of the report the sentence belongs to, and its heading. */
  sectionKey: z.string(),
  sectionTitle: z.string(),
  /** What the template says, for the list the department edits ("Tổng mức bán lẻ hàng hóa …"). */
  title: z.string(),
  /** The indicators the sentence is written for (one sentence each); for 'productCount', the group whose products are counted. */
  codes: z.array(z.string()),
  text: z.string(),
  /** The wording ChiTieu ships, which 'report.templates.reset' brings back. */
  defaultText: z.string(),
  edited: z.boolean(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type ReportTemplate = z.infer<typeof reportTemplateSchema>;

export const reportTemplateKeySchema = z.string().trim().min(1).max(80);

export const reportTemplateSaveInputSchema = z
  .object({
    key: reportTemplateKeySchema,
    text: z.string().trim().min(1, 'Mẫu câu không được để trống.').max(2000, 'Mẫu câu dài quá 2.000 ký tự.'),
  })
  .strict();
export type ReportTemplateSaveInput = z.input<typeof reportTemplateSaveInputSchema>;

export const reportTemplateResetInputSchema = z.object({ key: reportTemplateKeySchema }).strict();

export const reportBuildInputSchema = z
  .object({
    period: periodKeySchema,
    /** Without it, the province. */
    unitId: z.number().int().optional(),
  })
  .strict();
export type ReportBuildInput = z.input<typeof reportBuildInputSchema>;

export const reportSentenceSchema = z.object({
  templateKey: z.string(),
  /** The indicator the sentence is about; null for a count of products. */
  indicatorCode: z.string().nullable(),
  text: z.string(),
});
export type ReportSentence = z.infer<typeof reportSentenceSchema>;

export const reportSectionSchema = z.object({
  key: z.string(),
  title: z.string(),
  /** The section's sentences joined as paragraphs (one for now; an array so a section may grow more). */
  paragraphs: z.array(z.string()),
  sentences: z.array(reportSentenceSchema),
});
export type ReportSection = z.infer<typeof reportSectionSchema>;

/** A sentence left out, and why ("chưa có số liệu kỳ này"), so the screen can say what is missing. */
export const reportSkippedSchema = z.object({
  templateKey: z.string(),
  indicatorCode: z.string().nullable(),
  reason: z.string(),
});
export type ReportSkipped = z.infer<typeof reportSkippedSchema>;

export const reportFindingSchema = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  indicatorCode: z.string().nullable(),
  message: z.string(),
});
export type ReportFinding = z.infer<typeof reportFindingSchema>;

export const reportSchema = z.object({
  period: z.string(),
  /** "6 tháng đầu năm 2023". */
  periodLabel: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  /** "BÁO CÁO TÌNH HÌNH THỰC HIỆN CÁC CHỈ TIÊU NGÀNH CÔNG THƯƠNG 6 THÁNG ĐẦU NĂM 2023". */
  title: z.string(),
  sections: z.array(reportSectionSchema),
  skipped: z.array(reportSkippedSchema),
  /** Validation findings still open for the unit and period, errors first. */
  openFindings: z.array(reportFindingSchema),
  /** The whole report as plain text, ready to copy. */
  text: z.string(),
});
export type Report = z.infer<typeof reportSchema>;

/** The Word file comes back as bytes. */
export const reportDocxInputSchema = reportBuildInputSchema.strict();
export type ReportDocxInput = z.input<typeof reportDocxInputSchema>;
export const reportDocxToFileInputSchema = reportBuildInputSchema
  .extend({
    /** Where the backend writes the file (desktop save dialog, command line). */
    saveTo: z.string().trim().min(1).max(4096),
  })
  .strict();

export const reportDocxOutputSchema = z.object({
  /** "bao-cao-2023-H1-toan-tinh.docx". */
  fileName: z.string(),
  path: z.string().nullable(),
  contentBase64: z.string().nullable(),
  size: z.number().int(),
});
export type ReportDocxOutput = z.infer<typeof reportDocxOutputSchema>;
