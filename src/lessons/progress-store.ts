import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { loadProgress, resetProgress, saveProgress, type LessonProgress, type Progress } from './progress';

interface ProgressState {
  progress: Progress;
  mark(slug: string, patch: Partial<LessonProgress>): void;
  reset(): void;
}

/** Lesson progress: persisted on every change. */
export const progressStore = createStore<ProgressState>((set, get) => ({
  progress: loadProgress(),
  mark: (slug, patch) => {
    const old = get().progress[slug] ?? { visited: false };
    const next = { ...get().progress, [slug]: { ...old, ...patch } };
    saveProgress(next);
    set({ progress: next });
  },
  reset: () => set({ progress: resetProgress() }),
}));

export function useProgress<T>(selector: (s: ProgressState) => T): T {
  return useStore(progressStore, selector);
}
