import { useCallback, useEffect, useState } from 'react';
import { screenFromHash } from './screens';

function readParam(name: string): string | null {
  const query = window.location.hash.split('?')[1] ?? '';
  return new URLSearchParams(query).get(name);
}

/**
 * A choice kept in the URL hash after the screen (#/nhap-lieu?ky=2023-H1), so that a reload shows the same
 * period. It replaces the history entry: Back should leave the screen, not step through every choice made.
 */
export function useHashParam(name: string): [string | null, (value: string) => void] {
  const [value, setValue] = useState(() => readParam(name));
  useEffect(() => {
    const onChange = () => setValue(readParam(name));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, [name]);
  const set = useCallback(
    (next: string) => {
      const query = window.location.hash.split('?')[1] ?? '';
      const params = new URLSearchParams(query);
      params.set(name, next);
      // The screen is written out even when it is the default one, so the link keeps meaning the same screen.
      const screen = screenFromHash(window.location.hash);
      window.history.replaceState(window.history.state, '', `#/${screen}?${params.toString()}`);
      setValue(next);
    },
    [name],
  );
  return [value, set];
}
