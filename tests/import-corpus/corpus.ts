import { borderTradeCases } from './family-border-trade';
import { communeCases } from './family-communes';
import { enterpriseCases } from './family-enterprises';
import { iipOfficeCases } from './family-iip-office';
import { portalMonthlyCases } from './family-portal-monthly';
import { tradeSheetCases } from './family-trade-sheets';
import { trapCases } from './family-traps';
import type { CorpusCase } from './truth';

/** Every workbook of the import-accuracy corpus, family by family. */
export const corpus: CorpusCase[] = [
  ...portalMonthlyCases,
  ...tradeSheetCases,
  ...borderTradeCases,
  ...iipOfficeCases,
  ...communeCases,
  ...enterpriseCases,
  ...trapCases,
];
