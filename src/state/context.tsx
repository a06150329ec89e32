import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Lab, LabState } from './store';
import type { PlaybackState } from './playback';

const LabContext = createContext<Lab | null>(null);

export function LabProvider({ lab, children }: { lab: Lab; children: ReactNode }) {
  return <LabContext.Provider value={lab}>{children}</LabContext.Provider>;
}

/** The lab's actions and stores. */
export function useLab(): Lab {
  const lab = useContext(LabContext);
  if (!lab) throw new Error('useLab must be used inside <LabProvider>');
  return lab;
}

/** Re-renders when the selected slice of the lab state changes. */
export function useLabState<T>(selector: (s: LabState) => T): T {
  return useStore(useLab().store, selector);
}

/**
 * Re-renders on playback changes. Per-frame views should rather subscribe with
 * `useLab().playback.subscribe` and update the DOM they own directly.
 */
export function usePlayback<T>(selector: (s: PlaybackState) => T): T {
  return useStore(useLab().playback, selector);
}
