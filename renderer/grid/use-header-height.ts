import { useLayoutEffect, useRef, useState } from 'react';

/** The sticky header's height (it wraps with the window), which offsets the rows; observed, never read per render. */
export function useHeaderHeight() {
  const headRef = useRef<HTMLTableSectionElement>(null);
  const [headHeight, setHeadHeight] = useState(0);
  useLayoutEffect(() => {
    const head = headRef.current;
    if (head === null) return;
    setHeadHeight(head.offsetHeight);
    const observer = new ResizeObserver(() => setHeadHeight(head.offsetHeight));
    observer.observe(head);
    return () => observer.disconnect();
  }, []);
  return { headRef, headHeight };
}
