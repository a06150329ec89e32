import type { ViewBox } from '../../engine';

/**
 * The box a gesture (wheel, pan) is showing before it is committed to the lab: a tiny external
 * store, so the axes can follow it without re-rendering the rest of the landscape.
 */
export interface LiveBox {
  get(): ViewBox | null;
  set(box: ViewBox | null): void;
  subscribe(listener: () => void): () => void;
}

export function createLiveBox(): LiveBox {
  let box: ViewBox | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => box,
    set: (next) => {
      if (next === box) return;
      box = next;
      for (const l of listeners) l();
    },
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}
