import type { ReportingUnitKind } from '../../shared/api/entities';

/** The families of workbooks a department receives (see ../shared/domain.md, "Workbook families"). */
export const families = [
  'portal-monthly',
  'export-sheet',
  'import-sheet',
  'border-trade',
  'iip-office',
  'commune',
  'enterprise',
  'traps',
] as const;
export type Family = (typeof families)[number];

export type FigureStatus = 'estimate' | 'actual';

/**
 * One figure a careful clerk would key in from the workbook: the cell, the catalog indicator, the period key
 * (2025-08, 2025-L08, 2025-H1, 2025) or the plan ('KH:2025:giao', 'KH:2025:phan_dau'), in the catalog's unit.
 * status null: the workbook does not say (a past period then counts as actual, so any status is right).
 */
export interface TruthFigure {
  sheet: string;
  cell: string;
  code: string;
  period: string;
  status: FigureStatus | null;
  value: number;
}

/** A cell that must not be written and must be told as an error (a negative figure for a flow). */
export interface RefusedCell {
  sheet: string;
  cell: string;
  why: string;
}

export interface TruthUnit {
  code: string;
  /** A unit other than the province is created through the API before the import, as a clerk would first. */
  create?: { name: string; kind: ReportingUnitKind };
}

export interface CorpusTruth {
  unit: TruthUnit;
  /** The report period the title names, or the one the clerk chooses when the title names none. */
  reportPeriod: string;
  titleNamesPeriod: boolean;
  figures: TruthFigure[];
  refused: RefusedCell[];
  /** Every figure cell of the tables (numbers, numbers written as text, formulas), "sheet!cell". */
  filledCells: string[];
}

export interface CorpusCase {
  family: Family;
  /** The file name, which says what the workbook is. */
  name: string;
  /** Writes the workbook into `dir` and returns its path with its truth. */
  build(dir: string): Promise<{ file: string; truth: CorpusTruth }>;
}

export const provinceUnit: TruthUnit = { code: 'TINH' };

export function planKey(year: number, level: 'giao' | 'phan_dau' = 'giao'): string {
  return `KH:${year}:${level}`;
}
