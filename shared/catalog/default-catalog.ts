import { parseCsv } from '../csv/parse-csv';
import { indicatorKinds, type IndicatorKind } from './indicator-kinds';

export interface CatalogRow {
  code: string;
  parentCode: string | null;
  stt: string;
  nameVi: string;
  unit: string;
  kind: IndicatorKind;
  decimals: number;
}

function isKind(value: string): value is IndicatorKind {
  return (indicatorKinds as readonly string[]).includes(value);
}

/** Reads the catalog CSV (code,parent,stt,name_vi,unit,kind,decimals) in its own row order. */
export function parseCatalogCsv(text: string): CatalogRow[] {
  return parseCsv(text).map((r, i) => {
    const kind = r.kind?.trim() ?? '';
    if (!isKind(kind)) throw new Error(`catalog row ${i + 2}: unknown kind '${kind}'`);
    const decimals = r.decimals?.trim() ? Number(r.decimals) : 0;
    return {
      code: (r.code ?? '').trim(),
      parentCode: r.parent?.trim() ? r.parent.trim() : null,
      stt: (r.stt ?? '').trim(),
      nameVi: (r.name_vi ?? '').trim(),
      unit: (r.unit ?? '').trim(),
      kind,
      decimals,
    };
  });
}
