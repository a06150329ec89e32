import { useEffect, useRef, useState } from 'react';

/** A change within this long of the previous one counts as part of a continuous drag. */
export const SETTLE_MS = 200;

/**
 * True while `deps` keep changing in quick succession (a slider being dragged), false once they
 * have been still for SETTLE_MS — and for an isolated change, which is drawn in full at once.
 */
export function useDrafting(...deps: unknown[]): boolean {
  const [draft, setDraft] = useState(false);
  const last = useRef({ at: -Infinity, deps: deps as readonly unknown[] });
  useEffect(() => {
    const now = performance.now();
    // Only a real change counts (StrictMode runs a mount effect twice with the same deps).
    const changed = deps.some((d, i) => !Object.is(d, last.current.deps[i]));
    if (changed && now - last.current.at < SETTLE_MS) setDraft(true);
    if (changed) last.current = { at: now, deps };
    const id = window.setTimeout(() => setDraft(false), SETTLE_MS);
    return () => window.clearTimeout(id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return draft;
}
