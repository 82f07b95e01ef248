import { type ReactNode, useLayoutEffect, useRef } from 'react';

/**
 * The h1 of a screen. It takes focus when the screen opens so keyboard and screen-reader users land
 * on the new content after a navigation (single-page apps otherwise leave focus on the old link).
 * A layout effect, so focus lands in the same commit as the heading: never a moment where the new
 * screen shows and focus is still on the old link.
 */
export function PageHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-heading">
      {children}
    </h1>
  );
}
