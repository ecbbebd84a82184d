import type { QueryClient } from '@tanstack/react-query';
import { formatPeriodKey } from '../../../shared/periods/period';
import { fetchApi, prefetchApi } from '../../api/api';
import { currentParams } from '../../app/use-hash-param';
import { screenFromHash } from '../../app/screens';
import { openingPeriod } from '../common/last-period';
import { unitOf } from '../common/use-unit-choice';
import { entryGridInput } from './entry-grid-input';

/**
 * Nhập liệu is the screen the app opens on: its figures are asked for as soon as the units are known, under
 * the key the screen reads them by, instead of after React has drawn the whole window for the first time.
 */
export async function prefetchEntryGrid(queryClient: QueryClient): Promise<void> {
  if (screenFromHash(window.location.hash) !== 'nhap-lieu') return;
  const params = currentParams(['dv', 'ky']);
  const units = await fetchApi(queryClient, 'units.list', {});
  const unit = unitOf(units, params.get('dv'));
  if (unit === undefined) return;
  const period = formatPeriodKey(openingPeriod(params.get('ky'), new Date()));
  prefetchApi(queryClient, 'values.grid', entryGridInput(unit.id, period));
}
