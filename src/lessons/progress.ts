/**
 * Lesson progress, kept in localStorage. Storage can be missing or full (private windows,
 * embedded views): then progress lives for the session only and nothing breaks.
 */
export interface LessonProgress {
  visited: boolean;
  /** The learner's committed answer to the predict-then-run question, and its grade. */
  answer?: string;
  correct?: boolean;
}

export type Progress = Record<string, LessonProgress>;

const KEY = 'overshoot.progress.v1';
let memory: Progress = {};

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function loadProgress(): Progress {
  const s = storage();
  if (!s) return memory;
  try {
    const raw = JSON.parse(s.getItem(KEY) ?? '{}') as unknown;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
    const out: Progress = {};
    for (const [slug, v] of Object.entries(raw as Record<string, unknown>)) {
      if (!v || typeof v !== 'object') continue;
      const p = v as Record<string, unknown>;
      out[slug] = {
        visited: p.visited === true,
        ...(typeof p.answer === 'string' ? { answer: p.answer } : {}),
        ...(typeof p.correct === 'boolean' ? { correct: p.correct } : {}),
      };
    }
    return out;
  } catch {
    return {};
  }
}

export function saveProgress(p: Progress): void {
  memory = p;
  try {
    storage()?.setItem(KEY, JSON.stringify(p));
  } catch {
    // full or forbidden: keep it in memory
  }
}

export function resetProgress(): Progress {
  memory = {};
  try {
    storage()?.removeItem(KEY);
  } catch {
    // ignore
  }
  return {};
}
