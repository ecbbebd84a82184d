import { useCallback, useSyncExternalStore } from 'react';
import { screenFromHash, type ScreenKey } from './screens';

/** replaceState fires no hashchange: this event tells the other readers of the hash (the header) instead. */
const paramsChanged = 'chitieu:hash-params';

function hashQuery(): URLSearchParams {
  return new URLSearchParams(window.location.hash.split('?')[1] ?? '');
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  window.addEventListener(paramsChanged, onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
    window.removeEventListener(paramsChanged, onChange);
  };
}

/** The link to a screen with its choices: `#/nhap-lieu?dv=1&ky=2023-H1`. */
export function screenHref(screen: ScreenKey, params: URLSearchParams): string {
  const query = params.toString();
  return query === '' ? `#/${screen}` : `#/${screen}?${query}`;
}

/** The given choices of the current hash, for carrying them to another screen. */
export function currentParams(names: readonly string[]): URLSearchParams {
  const from = hashQuery();
  const kept = new URLSearchParams();
  for (const name of names) {
    const value = from.get(name);
    if (value !== null) kept.set(name, value);
  }
  return kept;
}

/**
 * A choice kept in the URL hash after the screen (#/nhap-lieu?ky=2023-H1), so that a reload shows the same
 * period. It replaces the history entry: Back should leave the screen, not step through every choice made.
 * Setting null removes the choice.
 */
export function useHashParam(name: string): [string | null, (value: string | null) => void] {
  const value = useSyncExternalStore(subscribe, () => hashQuery().get(name));
  const set = useCallback(
    (next: string | null) => {
      const params = hashQuery();
      if (next === null) params.delete(name);
      else params.set(name, next);
      // The screen is written out even when it is the default one, so the link keeps meaning the same screen.
      window.history.replaceState(window.history.state, '', screenHref(screenFromHash(window.location.hash), params));
      window.dispatchEvent(new Event(paramsChanged));
    },
    [name],
  );
  return [value, set];
}
