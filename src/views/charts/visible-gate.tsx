import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { createStore } from 'zustand/vanilla';
import { LabProvider, useLab } from '../../state/context';
import type { Lab, LabState } from '../../state/store';

/** How long the lab must be still before a hidden chart catches up. */
export const HIDDEN_SETTLE_MS = 300;

/**
 * A view of the lab whose state follows the real one at once while `visible`, and while hidden
 * only once changes have settled for `settleMs` (so a drag doesn't redraw what can't be seen, yet
 * nothing stays stale for a screen reader); turning visible catches up at once. Actions and
 * playback are the real lab's.
 */
export function gateLab(lab: Lab, settleMs = HIDDEN_SETTLE_MS): { lab: Lab; setVisible(v: boolean): void; connect(): () => void } {
  const store = createStore<LabState>(() => lab.store.getState());
  let visible = true;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const sync = () => {
    cancel();
    const now = lab.store.getState();
    if (store.getState() !== now) store.setState(now, true);
  };
  const changed = () => {
    if (visible) return sync();
    cancel();
    timer = setTimeout(sync, settleMs);
  };
  return {
    lab: { ...lab, store },
    setVisible(v) {
      visible = v;
      if (v) sync();
    },
    /** Follows the real store (from its current state) until the returned function is called. */
    connect() {
      sync();
      const unsubscribe = lab.store.subscribe(changed);
      return () => {
        unsubscribe();
        cancel();
      };
    },
  };
}

/**
 * Renders a chart that holds still while it is scrolled out of view and the lab is changing:
 * dragging a slider then recomputes and re-lays-out only what can be seen. An off-screen chart
 * catches up once the drag pauses, or the moment it (or the 300 px margin around the viewport)
 * comes into view. The wrapper is `display: contents`, so the
 * chart's own box still sits in the grid; the observer watches that box.
 */
export function WhileVisible({ children }: { children: ReactNode }) {
  const real = useLab();
  const gate = useMemo(() => gateLab(real), [real]);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const disconnect = gate.connect();
    const target = ref.current?.firstElementChild;
    if (!target || typeof IntersectionObserver === 'undefined') return disconnect;
    const io = new IntersectionObserver((entries) => {
      const e = entries[entries.length - 1];
      if (e) gate.setVisible(e.isIntersecting);
    }, { rootMargin: '300px 0px' });
    io.observe(target);
    return () => {
      io.disconnect();
      gate.setVisible(true);
      disconnect();
    };
  }, [gate]);
  return (
    <div ref={ref} style={{ display: 'contents' }}>
      <LabProvider lab={gate.lab}>{children}</LabProvider>
    </div>
  );
}
