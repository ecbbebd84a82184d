import { useEffect, useState } from 'react';
import { screenFromHash, type ScreenKey } from './screens';
import { currentParams, screenHref } from './use-hash-param';

/** The unit, period and plan year follow the clerk from screen to screen: Kiểm tra checks what Nhập liệu shows. */
const carriedParams = ['dv', 'ky', 'nam'] as const;

/** The screen lives in the URL hash so that a reload, or the browser's Back, keeps the clerk where they were. */
export function useHashScreen(): [ScreenKey, (key: ScreenKey) => void] {
  const [screen, setScreen] = useState<ScreenKey>(() => screenFromHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setScreen(screenFromHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return [screen, (key) => (window.location.hash = screenHref(key, currentParams(carriedParams)))];
}
