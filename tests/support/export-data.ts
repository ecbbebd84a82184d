import type { Backend } from '../../electron/backend/backend';
import { CatalogCache } from '../../electron/backend/catalog/catalog-cache';
import {
  exportReport,
  fillTemplate,
  type ExportContext,
  type ExportReportOptions,
  type FillTemplateOptions,
} from '../../electron/backend/export/export-service';
import { HistoryCache } from '../../electron/backend/values/history-cache';
import type { ApiClient } from '../../shared/api/client';
import type { Indicator } from '../../shared/api/entities';

/** The office as Cài đặt has it: what the title and signature blocks print. */
export const officeSettings = {
  provinceName: 'Tây Ninh',
  departmentName: 'SỞ CÔNG THƯƠNG',
  placeName: 'Tây Ninh',
  formNumber: '01/BC-SCT',
  preparerName: 'Nguyễn Thị Lan',
  headTitle: 'GIÁM ĐỐC',
  headName: 'Trần Văn Hùng',
  clerkName: 'Nguyễn Thị Lan',
};

/** The day printed in the date line of every test export: 10 July 2023, when seed 000's meeting took place. */
export const exportDay = new Date(2023, 6, 10);

/** The figures of seed 000 (domain.md): 6 tháng 2023 against the 2023 plan and 6 tháng 2022. */
export async function enterSeedFigures(api: ApiClient): Promise<void> {
  await api.call('settings.set', officeSettings);
  await api.call('plans.set', {
    year: 2023,
    entries: [
      { code: 'XNK', level: 'giao', value: 3798.3 },
      { code: 'BLHH', level: 'giao', value: 26899 },
    ],
  });
  await api.call('values.set', {
    period: '2022-H1',
    entries: [
      { code: 'XNK', value: 1136.2, status: 'actual' },
      { code: 'BLHH', value: 12026.2, status: 'actual' },
      { code: 'IIP', value: 105.66, status: 'actual' },
    ],
  });
  await api.call('values.set', {
    period: '2023-H1',
    entries: [
      { code: 'XNK', value: 2260, status: 'estimate' },
      { code: 'BLHH', value: 14659.9, status: 'estimate' },
      { code: 'IIP', value: 105.79, status: 'estimate' },
    ],
  });
}

/**
 * Seed 000's "8 of 13 key products": thirteen products for 2023-H1 with their plans and 2022-H1 figures, eight
 * on schedule and growing.
 */
export async function enterKeyProducts(api: ApiClient): Promise<void> {
  const catalog = await api.call('catalog.list', { includeRetired: false });
  const products = catalog.filter((i) => i.parentCode === 'SPCN');
  if (products.length !== 13) throw new Error(`the default catalog has 13 key products, not ${products.length}`);
  const plans: { code: string; level: 'giao'; value: number }[] = [];
  const lastYear: { code: string; value: number; status: 'actual' }[] = [];
  const thisYear: { code: string; value: number; status: 'estimate' }[] = [];
  products.forEach((p, i) => {
    // 0–7: half the plan reached and above last year; 8–9: on schedule but below last year;
    // 10–11: above last year but behind schedule (49% of the plan at mid-year); 12: no plan at all.
    const plan = 1000 + i * 100;
    const value = i <= 9 ? plan / 2 + 10 : Math.round(plan * 0.49);
    if (i < 12) plans.push({ code: p.code, level: 'giao', value: plan });
    thisYear.push({ code: p.code, value, status: 'estimate' });
    lastYear.push({ code: p.code, value: i === 8 || i === 9 ? value + 50 : value - 50, status: 'actual' });
  });
  await api.call('plans.set', { year: 2023, entries: plans });
  await api.call('values.set', { period: '2022-H1', entries: lastYear });
  await api.call('values.set', { period: '2023-H1', entries: thisYear });
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A figure with the indicator's decimals that differs by indicator, month and year. */
function figureOf(index: number, decimals: number, year: number, month: number): number {
  const raw = (40 + index * 7.3) * (1 + (year - 2022) * 0.12) * (1 + 0.05 * Math.sin(month + index));
  const f = 10 ** Math.min(decimals, 2);
  return Math.round(raw * f) / f;
}

function indexOf(index: number, year: number, month: number): number {
  return Math.round((101 + ((index * 3 + month + year) % 9) * 0.7) * 100) / 100;
}

function ratioOf(index: number, year: number, month: number): number {
  return Math.round((40 + ((index * 5 + month * 3 + year) % 50)) * 10) / 10;
}

/**
 * Two years of figures for every indicator of the default catalog, as a clerk keeps them: flows month by month
 * (parents that are the sum of their children left to add up), indices and ratios as published for every month,
 * quarter and cumulative period, plans for 2023 (both levels for two rows) and 2024.
 */
export async function enterTwoYears(api: ApiClient): Promise<Indicator[]> {
  await api.call('settings.set', officeSettings);
  const catalog = (await api.call('catalog.list', { includeRetired: false })).filter((i) => i.kind !== 'group');
  const byParent = new Map<string, Indicator[]>();
  for (const i of catalog) if (i.parentCode) byParent.set(i.parentCode, [...(byParent.get(i.parentCode) ?? []), i]);
  const addsUp = (i: Indicator) => {
    const children = byParent.get(i.code) ?? [];
    return i.kind === 'flow' && children.length > 0 && children.every((c) => c.kind === 'flow' && c.unit === i.unit);
  };
  const flows = catalog.filter((i) => i.kind === 'flow' && !addsUp(i));
  const published = catalog.filter((i) => i.kind !== 'flow');
  for (const year of [2022, 2023]) {
    for (let month = 1; month <= 12; month++) {
      const entries = [
        ...flows.map((i) => ({
          code: i.code,
          value: figureOf(catalog.indexOf(i), i.decimals, year, month),
          status: 'actual' as const,
        })),
        ...published.map((i) => ({
          code: i.code,
          value:
            i.kind === 'index' ? indexOf(catalog.indexOf(i), year, month) : ratioOf(catalog.indexOf(i), year, month),
          status: 'actual' as const,
        })),
      ];
      await api.call('values.set', { period: `${year}-${pad(month)}`, entries, source: 'cli' });
      // Indices and ratios are published for every cumulative period and quarter too; they never add up.
      const cumulative = published.map((i) => ({
        code: i.code,
        value:
          i.kind === 'index'
            ? indexOf(catalog.indexOf(i) + 1, year, month)
            : ratioOf(catalog.indexOf(i) + 1, year, month),
        status: 'actual' as const,
      }));
      await api.call('values.set', {
        period: month === 12 ? String(year) : `${year}-L${pad(month)}`,
        entries: cumulative,
        source: 'cli',
      });
      if (month % 3 === 0) {
        const quarter = published.map((i) => ({
          code: i.code,
          value:
            i.kind === 'index'
              ? indexOf(catalog.indexOf(i) + 2, year, month)
              : ratioOf(catalog.indexOf(i) + 2, year, month),
          status: 'actual' as const,
        }));
        await api.call('values.set', { period: `${year}-Q${month / 3}`, entries: quarter, source: 'cli' });
      }
    }
  }
  const planned = catalog.filter((i) => i.kind === 'flow');
  await api.call('plans.set', {
    year: 2023,
    entries: [
      ...planned.map((i) => ({
        code: i.code,
        level: 'giao' as const,
        value: Math.round(figureOf(catalog.indexOf(i), 0, 2023, 6) * 13),
      })),
      { code: 'XNK', level: 'phan_dau', value: 3900 },
      { code: 'BLHH', level: 'phan_dau', value: 28000 },
    ],
  });
  await api.call('plans.set', {
    year: 2024,
    entries: planned.slice(0, 6).map((i) => ({
      code: i.code,
      level: 'giao' as const,
      value: Math.round(figureOf(catalog.indexOf(i), 0, 2024, 6) * 13),
    })),
  });
  return catalog;
}

/**
 * The export services on a test backend's database, with caches of their own that read what the API wrote
 * before: the services themselves, called in process so that a test can fix the day of the date line and
 * read the bytes (the operations through a door are tested in tests/doors and tests/e2e).
 */
function exportContextOf(backend: Pick<Backend, 'database'>): ExportContext {
  const db = backend.database.db;
  return { db, history: new HistoryCache(db), catalog: new CatalogCache(db) };
}

export function exportOf(backend: Backend, options: ExportReportOptions) {
  return exportReport(exportContextOf(backend), { date: exportDay, ...options });
}

export function fillOf(backend: Backend, options: FillTemplateOptions) {
  return fillTemplate(exportContextOf(backend), { date: exportDay, ...options });
}
