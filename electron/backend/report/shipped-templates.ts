import shippedCsv from '../../../db/seed/report-templates.csv?raw';
import { parseTemplatesCsv, type ShippedTemplate } from '../../../shared/report/template-set';

let shipped: ShippedTemplate[] | null = null;

/** The report sentences ChiTieu ships (db/seed/report-templates.csv, bundled at build time), read once. */
export function shippedTemplates(): ShippedTemplate[] {
  shipped ??= parseTemplatesCsv(shippedCsv);
  return shipped;
}
