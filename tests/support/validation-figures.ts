import type { ApiClient } from '../../shared/api/client';

/** A figure as a clerk enters it: a number, or text written the Vietnamese way ('3.798,3'). */
export type EnteredFigure = number | string;

export interface FigureEntry {
  code: string;
  value: EnteredFigure;
}

export interface PeriodFigures {
  period: string;
  entries: readonly FigureEntry[];
}

/** The 2023 plan (mức giao) of seed 000. */
export const seedPlan2023: readonly FigureEntry[] = [
  { code: 'XNK', value: '3.798,3' },
  { code: 'BLHH', value: '26.899' },
];

/**
 * The figures of seed 000 and 002: six months of 2022 and of 2023, with XNK = XK + NK and BLHH's four parts
 * adding up, so that the rules find nothing in them.
 */
export const seedWithParts: readonly PeriodFigures[] = [
  {
    period: '2022-H1',
    entries: [
      { code: 'XNK', value: '1.136,2' },
      { code: 'XK', value: 600 },
      { code: 'NK', value: '536,2' },
      { code: 'BLHH', value: '12.026,2' },
      { code: 'BLHH_HH', value: 9000 },
      { code: 'BLHH_LTAU', value: 1800 },
      { code: 'BLHH_DL', value: 26.2 },
      { code: 'BLHH_DVK', value: 1200 },
    ],
  },
  {
    period: '2023-H1',
    entries: [
      { code: 'XNK', value: '2.260' },
      { code: 'XK', value: 1200 },
      { code: 'NK', value: 1060 },
      { code: 'BLHH', value: '14.659,9' },
      { code: 'BLHH_HH', value: 10900 },
      { code: 'BLHH_LTAU', value: 2300 },
      { code: 'BLHH_DL', value: 40 },
      { code: 'BLHH_DVK', value: '1.419,9' },
      { code: 'IIP', value: '105,79' },
      { code: 'CCHC_CATGIAM', value: '39,2' },
    ],
  },
];

/** The traps of real workbooks, written over the seed figures. */
export const plantedFaults: readonly PeriodFigures[] = [
  {
    period: '2023-H1',
    entries: [
      // XNK 2.260 no longer equals XK 1.200 + NK 1.000.
      { code: 'NK', value: 1000 },
      // BLHH's four parts pasted from last year's sheet.
      { code: 'BLHH_HH', value: 9000 },
      { code: 'BLHH_LTAU', value: 1800 },
      { code: 'BLHH_DL', value: 26.2 },
      { code: 'BLHH_DVK', value: 1200 },
    ],
  },
  // Five months of retail sales above the six months.
  { period: '2023-L05', entries: [{ code: 'BLHH', value: '15.000' }] },
];

/**
 * Figures their indicator's kind cannot hold. Every door refuses them; a database holds them when an
 * indicator's kind was changed in the catalog after its figures were entered (or from before the rule),
 * and that is how plantOutOfRange stores them.
 */
export const plantedRangeFaults: PeriodFigures = {
  period: '2023-H1',
  entries: [
    // An IIP of 105,79 lost its comma somewhere and arrives as the text "1.164".
    { code: 'IIP', value: '1.164' },
    // A time cut of 313% from a wrong formula.
    { code: 'CCHC_CATGIAM', value: 313 },
  ],
};

async function enterPeriods(api: ApiClient, periods: readonly PeriodFigures[]): Promise<void> {
  for (const { period, entries } of periods) await api.call('values.set', { period, entries: [...entries] });
}

/** The seed's plan and figures, entered through the API. */
export async function enterSeedWithParts(api: ApiClient): Promise<void> {
  await api.call('plans.set', {
    year: 2023,
    entries: seedPlan2023.map(({ code, value }) => ({ code, level: 'giao' as const, value })),
  });
  await enterPeriods(api, seedWithParts);
}

/**
 * Stores figures their indicators' kinds refuse, as a catalog does whose indicators were kept as flows when
 * the figures were entered and given their kind afterwards; the change log keeps the writes as usual.
 */
export async function plantOutOfRange(
  api: ApiClient,
  { period, entries }: PeriodFigures,
  unitId?: number,
): Promise<void> {
  const catalog = await api.call('catalog.list', { includeRetired: false });
  const kindOf = new Map(catalog.map((i) => [i.code, i.kind]));
  for (const { code } of entries) await api.call('catalog.update', { code, patch: { kind: 'flow' } });
  await api.call('values.set', { period, ...(unitId === undefined ? {} : { unitId }), entries: [...entries] });
  for (const { code } of entries) {
    const kind = kindOf.get(code);
    if (kind === undefined) throw new Error(`no indicator ${code} in the catalog`);
    await api.call('catalog.update', { code, patch: { kind } });
  }
}

/** The planted faults, entered through the API over the seed figures. */
export async function plantFaults(api: ApiClient): Promise<void> {
  await enterPeriods(api, plantedFaults);
  await plantOutOfRange(api, plantedRangeFaults);
}
