import {
  reportPlaceholdersVi,
  reportTemplateKinds,
  type ReportTemplate,
  type ReportTemplateKind,
} from '../api/report-entities';
import { parseCsv } from '../csv/parse-csv';
import { parseTemplate, type ParsedTemplate } from './phrase-template';

/** A template as ChiTieu ships it (db/seed/report-templates.csv), before the department's own wording. */
export interface ShippedTemplate {
  key: string;
  kind: ReportTemplateKind;
  sectionKey: string;
  sectionTitle: string;
  title: string;
  codes: string[];
  text: string;
}

/** The department's wording of one template, as the database keeps it. */
export interface EditedTemplate {
  key: string;
  text: string;
  updatedBy: string;
  updatedAt: string;
}

function isKind(value: string): value is ReportTemplateKind {
  return (reportTemplateKinds as readonly string[]).includes(value);
}

export function placeholdersOf(kind: ReportTemplateKind): string[] {
  return Object.keys(reportPlaceholdersVi[kind]);
}

export function parseTemplateOfKind(kind: ReportTemplateKind, text: string): ParsedTemplate {
  return parseTemplate(text, placeholdersOf(kind));
}

/**
 * Reads the shipped templates (key,kind,section_key,section_title,title,codes,text; codes separated by spaces)
 * in their row order, which is the order of the report. A shipped template that does not parse is a bug of
 * the release, so it fails loudly here rather than silently dropping a sentence.
 */
export function parseTemplatesCsv(text: string): ShippedTemplate[] {
  return parseCsv(text).map((r, i) => {
    const kind = (r.kind ?? '').trim();
    if (!isKind(kind)) throw new Error(`report template row ${i + 2}: unknown kind '${kind}'`);
    const template: ShippedTemplate = {
      key: (r.key ?? '').trim(),
      kind,
      sectionKey: (r.section_key ?? '').trim(),
      sectionTitle: (r.section_title ?? '').trim(),
      title: (r.title ?? '').trim(),
      codes: (r.codes ?? '').split(/\s+/).filter((c) => c !== ''),
      text: (r.text ?? '').trim(),
    };
    const parsed = parseTemplateOfKind(kind, template.text);
    if (!parsed.ok) throw new Error(`report template '${template.key}': ${parsed.messageVi}`);
    return template;
  });
}

/** The templates in force: the shipped ones, each with the department's wording where it has one. */
export function templatesInForce(
  shipped: readonly ShippedTemplate[],
  edited: readonly EditedTemplate[],
): ReportTemplate[] {
  const byKey = new Map(edited.map((e) => [e.key, e]));
  return shipped.map((s) => {
    const own = byKey.get(s.key);
    return {
      ...s,
      text: own?.text ?? s.text,
      defaultText: s.text,
      edited: own !== undefined,
      updatedBy: own?.updatedBy ?? null,
      updatedAt: own?.updatedAt ?? null,
    };
  });
}
