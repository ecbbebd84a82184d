/**
 * Fills a workbook the Ministry sent with ChiTieu's figures: its sheets, header rows and indicator rows are
 * recognized exactly as the import recognizes them (the import's reader, table detection, row matcher and
 * column vocabulary, with the layouts the clerk taught it), and only the value cells of recognized rows and
 * columns are written, through the sheet XML, so that styles, merges, formulas, other sheets and every other
 * part of the file stay byte for byte as they were.
 */
import { layoutsBySignature } from '../../../db/access/imports';
import type { Indicator } from '../../../shared/api/entities';
import type { PreviewColumn } from '../../../shared/api/import-entities';
import type { FilledSheet } from '../../../shared/api/export-entities';
import type { EnteredFigures } from '../../../shared/figures/entered-figures';
import { FigureResolver } from '../../../shared/figures/resolve-figures';
import { cellAddress, columnNumber, figureInCell, type CellReading } from '../../../shared/import/cells';
import { IndicatorMatcher } from '../../../shared/import/match';
import { describeRole, periodOfKey, planSheet } from '../../../shared/import/plan';
import { resolveTarget, type ColumnRole, type ResolvedTarget } from '../../../shared/import/roles';
import { cellOf, detectTable, type SheetGrid } from '../../../shared/import/table';
import { convertFigure } from '../../../shared/import/units';
import {
  cleanNumber,
  formatViFigure,
  formatViNumber,
  ownDecimals,
  percentOf,
  roundDecimal,
} from '../../../shared/numbers/vi-number';
import { formatPeriodKey, samePeriodLastYear, type Period } from '../../../shared/periods/period';
import type { ReadWorkbook } from '../import/read-workbook';
import { cellStyles, readStyleDecimals } from './number-formats';
import type { ExportContext } from './report-data';
import { sheetPartsOf, withFullCalcOnLoad, writeNumbers, type CellWrite } from '../xlsx/sheet-xml';
import { readPackage, replacePart, writePackage, partText } from '../xlsx/xlsx-package';
import { planFiguresOf } from '../plans/plan-figures';
import type { PlanFigures } from '../../../shared/figures/grid-rows';
import { rememberedLayoutOf } from '../../../shared/import/remembered-layout';

export interface FillResult {
  bytes: Buffer;
  sheets: FilledSheet[];
  cellsFilled: number;
  recalculateOnOpen: boolean;
}

/** The figures of one unit as a template asks for them: any period, any year's plan at either level. */
class UnitFigures {
  private readonly resolver: FigureResolver;
  private readonly plans = new Map<number, Map<string, PlanFigures>>();

  constructor(
    private readonly ctx: ExportContext,
    private readonly unitId: number,
    private readonly byCode: ReadonlyMap<string, Indicator>,
    private readonly entered: EnteredFigures,
  ) {
    this.resolver = new FigureResolver(ctx.catalog.all(), (code, key) => entered.get(code)?.get(key)?.value);
  }

  of(code: string, target: ResolvedTarget): number | null {
    if (target.kind === 'plan') {
      let year = this.plans.get(target.year);
      if (!year) this.plans.set(target.year, (year = planFiguresOf(this.ctx.db, this.unitId, target.year)));
      const plan = year.get(code);
      return (target.level === 'giao' ? plan?.giao : plan?.phanDau) ?? null;
    }
    const period = periodOfKey(target.period);
    if (!period) return null;
    // Flows also from their months and children; an index or ratio only as published.
    if (this.byCode.get(code)?.kind === 'flow') return this.resolver.value(code, period);
    return this.entered.get(code)?.get(formatPeriodKey(period))?.value ?? null;
  }
}

type CellState = 'empty' | 'number' | 'formula' | 'text';

function stateOf(cell: CellReading | undefined): CellState {
  if (cell === undefined) return 'empty';
  if ('formula' in cell && cell.formula !== undefined) return 'formula';
  if (cell.t === 'f') return 'formula';
  if (cell.t === 'n') return 'number';
  if (cell.t === 's') {
    const figure = figureInCell(cell);
    if (cell.v.trim() === '') return 'empty';
    return figure.kind === 'number' ? 'number' : 'text';
  }
  return 'text';
}

const rowReasons: Record<string, string> = {
  suggested: 'chỉ có gợi ý, chưa chắc là chỉ tiêu nào (ghép dòng khi nhập để ChiTieu nhớ cho mẫu biểu này)',
  unrecognized: 'không nhận ra chỉ tiêu',
  unit_mismatch: 'đơn vị tính không đổi được sang đơn vị của chỉ tiêu',
  ignored: 'đã chọn không nhập dòng này cho mẫu biểu',
};

/** Fills `read` (the template as the import read it) from its bytes; nothing is written to the database. */
export function fillWorkbook(
  ctx: ExportContext,
  bytes: Buffer,
  read: ReadWorkbook,
  unitId: number,
  period: Period,
  today: Date,
): FillResult {
  const catalog = ctx.catalog.all();
  const byCode = new Map(catalog.map((i) => [i.code, i]));
  const matcher = new IndicatorMatcher(catalog);
  const figures = new UnitFigures(ctx, unitId, byCode, ctx.history.entered(unitId));
  const parts = readPackage(bytes);
  const partByName = new Map(parts.map((p) => [p.name, p]));
  const pathOfSheet = new Map(sheetPartsOf(parts).map((s) => [s.name, s.path]));

  const layouts = read.sheets.map((grid) => ({
    grid,
    layout: grid.hidden || grid.rows.size === 0 ? null : detectTable(grid),
  }));
  const remembered = layoutsBySignature(
    ctx.db,
    layouts.flatMap((l) => (l.layout ? [l.layout.signature] : [])),
  );

  const sheets: FilledSheet[] = [];
  let styleDecimals: (number | null)[] | undefined;
  let cellsFilled = 0;
  let hasFormulas = false;
  for (const { grid, layout } of layouts) {
    if (!hasFormulas) hasFormulas = sheetHasFormulas(grid);
    const base: FilledSheet = {
      name: grid.name,
      state: 'filled',
      headerRows: [],
      columns: [],
      rowsMatched: 0,
      rowsNotFilled: [],
      cellsFilled: 0,
      cellsLeft: [],
      cellsShownRounded: [],
    };
    if (grid.hidden) {
      sheets.push({ ...base, state: 'hidden' });
      continue;
    }
    if (grid.rows.size === 0) {
      sheets.push({ ...base, state: 'empty' });
      continue;
    }
    if (!layout) {
      sheets.push({ ...base, state: 'no_table' });
      continue;
    }
    const plan = planSheet(grid, layout, {
      report: period,
      today,
      matcher,
      acceptSuggestions: false,
      manualRows: new Map(),
      manualColumns: new Map(),
      remembered: rememberedLayoutOf(remembered.get(layout.signature)),
      current: () => null,
      figure: () => null,
    }).preview;
    const sheet: FilledSheet = { ...base, headerRows: plan.headerRows };
    const filledByColumn = new Map<string, number>();
    const writes: CellWrite[] = [];
    const figureWrites: CellWrite[] = [];
    const valueColumns = plan.columns.filter(
      (c): c is PreviewColumn & { role: ColumnRole } => c.role?.role === 'data' || c.role?.role === 'percent',
    );

    for (const row of plan.rows) {
      if (row.state === 'group') continue;
      if (row.state !== 'matched' || !row.match) {
        sheet.rowsNotFilled.push({
          row: row.row,
          cell: row.cell,
          name: row.name,
          unit: row.unit,
          reason: row.note ?? rowReasons[row.state] ?? 'không nhận ra',
        });
        continue;
      }
      sheet.rowsMatched++;
      const indicator = byCode.get(row.match.code);
      if (!indicator) continue;
      // The row's unit times factor is the catalog's: a figure goes back into the row's unit by the inverse.
      const factor = row.conversion?.factor ?? 1;
      for (const column of valueColumns) {
        const col = columnNumber(column.column);
        const address = cellAddress(row.row, col);
        const value = cellValue(indicator, column.role, factor);
        const state = stateOf(cellOf(grid, row.row, col));
        if (state === 'formula') {
          sheet.cellsLeft.push({ cell: address, reason: 'ô có công thức: giữ nguyên công thức của mẫu' });
          continue;
        }
        if (state === 'text') {
          sheet.cellsLeft.push({ cell: address, reason: 'ô có chữ (như "x" hoặc "-"): giữ nguyên như mẫu' });
          continue;
        }
        if (value === null) {
          if (state === 'number')
            sheet.cellsLeft.push({ cell: address, reason: 'ChiTieu chưa có số liệu này: giữ số đang có trong mẫu' });
          continue;
        }
        writes.push({ address, value });
        if (column.role.role === 'data') figureWrites.push({ address, value });
        filledByColumn.set(column.column, (filledByColumn.get(column.column) ?? 0) + 1);
      }
    }
    sheet.columns = plan.columns.map((c) => ({
      column: c.column,
      heading: c.heading,
      label: c.role ? describeRole(c.role, period) : 'Không nhận ra',
      filled: filledByColumn.get(c.column) ?? 0,
    }));
    sheet.cellsFilled = writes.length;
    cellsFilled += writes.length;
    const partPath = pathOfSheet.get(grid.name);
    const part = partPath ? partByName.get(partPath) : undefined;
    if (writes.length > 0) {
      if (!part) throw new Error(`the part of sheet "${grid.name}" was not found in the package`);
      sheet.cellsShownRounded = shownRounded(partText(part), figureWrites);
      replacePart(part, writeNumbers(partText(part), writes));
    }
    sheets.push(sheet);
  }

  // The template's own formulas may use the filled cells: Excel and LibreOffice recalculate them on opening.
  const recalculateOnOpen = hasFormulas && cellsFilled > 0;
  if (recalculateOnOpen) {
    const bookPath = [...partByName.keys()].find((n) => /(^|\/)workbook\.xml$/.test(n)) ?? 'xl/workbook.xml';
    const book = partByName.get(bookPath);
    if (book) replacePart(book, withFullCalcOnLoad(partText(book)));
  }
  return {
    bytes: cellsFilled > 0 || recalculateOnOpen ? writePackage(parts) : bytes,
    sheets,
    cellsFilled,
    recalculateOnOpen,
  };

  /**
   * Figures written into cells whose template format shows fewer decimals than they have: the cell holds the
   * exact figure, and the clerk is told that Excel shows it rounded, since the template's formats are kept.
   */
  function shownRounded(sheetXml: string, figureWrites: readonly CellWrite[]): FilledSheet['cellsShownRounded'] {
    const precise = figureWrites.filter((w) => ownDecimals(w.value) > 0);
    if (precise.length === 0) return [];
    styleDecimals ??= readStyleDecimals(stylesXml());
    const styleOf = cellStyles(sheetXml, new Set(precise.map((w) => w.address)));
    return precise.flatMap((w) => {
      const style = styleOf.get(w.address);
      const decimals = style === undefined ? null : (styleDecimals?.[style] ?? null);
      if (decimals === null || ownDecimals(w.value) <= decimals) return [];
      return [
        {
          cell: w.address,
          reason: `định dạng của mẫu hiện ${decimals} chữ số thập phân nên Excel hiển thị ${formatViNumber(w.value, decimals)}; ô giữ đúng số ${formatViFigure(w.value, 0)}`,
        },
      ];
    });
  }

  function stylesXml(): string {
    const styles = parts.find((p) => /(^|\/)styles\.xml$/.test(p.name));
    return styles ? partText(styles) : '';
  }

  function cellValue(indicator: Indicator, role: ColumnRole, factor: number): number | null {
    if (role.role === 'data') {
      const target = resolveTarget(role.target, period);
      const value = target ? figures.of(indicator.code, target) : null;
      return value === null ? null : convertFigure(value, 1 / factor);
    }
    if (role.role !== 'percent') return null;
    const of = resolveTarget(role.of, period);
    const to = resolveTarget(role.to, period);
    if (!of || !to) return null;
    if (indicator.kind === 'flow') {
      const p = percentOf(figures.of(indicator.code, of), figures.of(indicator.code, to));
      return p === null ? null : roundDecimal(p, 1);
    }
    // An index "so với cùng kỳ" is the published index of the period itself.
    if (indicator.kind === 'index' && of.kind === 'value' && to.kind === 'value') {
      const ofPeriod = periodOfKey(of.period);
      if (ofPeriod && formatPeriodKey(samePeriodLastYear(ofPeriod)) === to.period)
        return figures.of(indicator.code, of);
    }
    return null;
  }
}

function sheetHasFormulas(grid: SheetGrid): boolean {
  for (const row of grid.rows.values())
    for (const cell of row.values())
      if (cell.t === 'f' || ('formula' in cell && cell.formula !== undefined)) return true;
  return false;
}

/** "14.659.900" for the summary lines of the command line. */
export function shownFigure(x: number): string {
  const v = cleanNumber(x);
  const decimals = Math.min(4, (String(v).split('.')[1] ?? '').length);
  return formatViNumber(v, decimals);
}
