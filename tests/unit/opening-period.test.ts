import { describe, expect, it } from 'vitest';
import { monthPeriod, ytdThrough } from '../../shared/periods/period';
import { lastWorkedOn, openingPeriod, rememberPeriod } from '../../renderer/screens/common/last-period';

/** The window's storage as the browser keeps it: text by key. */
function storage(): Pick<Storage, 'getItem' | 'setItem'> {
  const items = new Map<string, string>();
  return { getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v) };
}

const seventhOfDecember = new Date(2026, 11, 7, 9, 30);

describe('the period ChiTieu opens on', () => {
  it('is tháng 11/2026 on 7 December 2026: the month just ended, the one being reported', () => {
    expect(openingPeriod(null, seventhOfDecember, storage())).toEqual(monthPeriod(2026, 11));
  });

  it('is December of last year in January', () => {
    expect(openingPeriod(null, new Date(2027, 0, 3), storage())).toEqual(monthPeriod(2026, 12));
  });

  it('is the period the clerk last worked on this month, after a restart', () => {
    const store = storage();
    rememberPeriod(ytdThrough(2026, 6), new Date(2026, 11, 2), store);
    expect(openingPeriod(null, seventhOfDecember, store)).toEqual(ytdThrough(2026, 6));
    expect(lastWorkedOn(seventhOfDecember, store)).toEqual(ytdThrough(2026, 6));
  });

  it('gives way to the new month just ended once a new month has begun', () => {
    const store = storage();
    rememberPeriod(ytdThrough(2026, 6), new Date(2026, 10, 20), store);
    expect(openingPeriod(null, seventhOfDecember, store)).toEqual(monthPeriod(2026, 11));
  });

  it('is the period a link names, whatever was remembered', () => {
    const store = storage();
    rememberPeriod(ytdThrough(2026, 6), seventhOfDecember, store);
    expect(openingPeriod('2023-9M', seventhOfDecember, store)).toEqual(ytdThrough(2023, 9));
  });

  it('ignores a remembered choice it cannot read', () => {
    const store = storage();
    store.setItem('chitieu.last-period', '{"period":"tháng mười"');
    expect(openingPeriod(null, seventhOfDecember, store)).toEqual(monthPeriod(2026, 11));
    store.setItem('chitieu.last-period', JSON.stringify({ period: 'không phải kỳ', chosenIn: '2026-12' }));
    expect(openingPeriod(null, seventhOfDecember, store)).toEqual(monthPeriod(2026, 11));
  });
});
