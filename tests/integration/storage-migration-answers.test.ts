import { describe, expect, it } from 'vitest';
import { startBackend } from '../support/backend';
import { release, releaseDataDir } from '../support/release-0006';
import type { Row } from '../support/sqlite-files';

describe('a database written by the 0006 release, opened by this version', () => {
  it('shows in Nhập liệu every figure as the release did: value, who, when, file, sheet, cell and why it landed there', async () => {
    const { api } = startBackend(releaseDataDir());
    for (const grid of release.grids) {
      const now = await api.call('values.grid', { unitId: grid.unitId, period: grid.period, withFindings: false });
      expect({ ...grid, rows: now.rows.filter((r) => r.value !== null || r.source !== null) }).toEqual(grid);
    }
    expect(await api.call('import.history', {})).toEqual(release.history);
  });

  it('undoes its latest import as the release did, and the history says it was undone', async () => {
    const { api } = startBackend(releaseDataDir());
    await api.call('import.undo', { importId: release.undo.importId });
    // The undo is written now, by this clerk: its time is today's, everything else the release's.
    const sansUndoTime = (rows: Row[]) =>
      rows.map((r) => ((r['source'] as Row | null)?.['kind'] === 'undo' ? { ...r, updatedAt: 'undo' } : r));
    for (const grid of release.undo.grids) {
      const now = await api.call('values.grid', { unitId: grid.unitId, period: grid.period, withFindings: false });
      expect(sansUndoTime(now.rows.filter((r) => r.value !== null || r.source !== null))).toEqual(
        sansUndoTime(grid.rows),
      );
    }
    const history = await api.call('import.history', {});
    const undone = history.find((r) => r.importId === release.undo.importId);
    expect(undone?.undone).toMatchObject({ who: 'Trần Văn Minh' });
    expect(history.map((r) => ({ ...r, undone: r.undone === null }))).toEqual(
      release.undo.history.map((r) => ({ ...r, undone: r['undone'] === null })),
    );
  });
});
