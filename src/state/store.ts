import { createStore, type StoreApi } from 'zustand/vanilla';
import { DEFAULT_START, type SurfaceSpec, type Vec2 } from '../engine';
import { ResultCache, type RunResult, type Segment } from './compute';
import { MAX_RUNS, runSpecOf, type LabDoc, type RunDoc, type ViewSettings } from './doc';
import { createPlayback, type PlaybackStore } from './playback';

export interface LabState {
  doc: LabDoc;
  /** Per run id, the settings over time (one segment unless changed mid-run in 'continue' mode). */
  histories: Record<string, Segment[]>;
  /** Results in the order of doc.runs, recomputed whenever a history changes. */
  results: RunResult[];
  /** Messages for the learner (e.g. what a malformed link left out). */
  notices: string[];
}

export interface Lab {
  store: StoreApi<LabState>;
  playback: PlaybackStore;
  setSurface(surface: SurfaceSpec): void;
  setStart(start: Vec2): void;
  setSteps(steps: number): void;
  updateRun(id: string, patch: Partial<Omit<RunDoc, 'id'>>): void;
  addRun(): void;
  removeRun(id: string): void;
  setView(patch: Partial<ViewSettings>): void;
  /** Replaces the whole document (a preset or a shared link); restarts every run. */
  load(doc: LabDoc, notices?: string[]): void;
  dismissNotice(index: number): void;
}

/** A fresh lab: its own store, playback and result cache (one per app; one per test). */
export function createLab(initial: LabDoc): Lab {
  const cache = new ResultCache();
  const playback = createPlayback();
  const build = (doc: LabDoc, histories: Record<string, Segment[]>): Pick<LabState, 'results' | 'histories'> => {
    const fresh: Record<string, Segment[]> = {};
    const results = doc.runs.map((run, i) => {
      fresh[run.id] = histories[run.id] ?? [{ at: 0, spec: runSpecOf(doc, run) }];
      return cache.compute(run.id, i, fresh[run.id]!);
    });
    cache.forget(new Set(doc.runs.map((r) => r.id)));
    return { results, histories: fresh };
  };
  const store = createStore<LabState>(() => ({ doc: initial, notices: [], ...build(initial, {}) }));

  /**
   * Applies a new document. In 'continue' mode, while the cursor is part-way through, runs keep
   * their past and take the new settings from the current step on; otherwise they restart.
   */
  const apply = (doc: LabDoc, opts: { restart?: boolean } = {}) => {
    const { histories } = store.getState();
    const k = playback.getState().k;
    const midway = k > 0 && k < doc.steps;
    const carry = !opts.restart && doc.view.onChange === 'continue' && midway;
    const next: Record<string, Segment[]> = {};
    for (const run of doc.runs) {
      const spec = runSpecOf(doc, run);
      const old = histories[run.id];
      next[run.id] = carry && old ? [...old.filter((s) => s.at < k), { at: k, spec }] : [{ at: 0, spec }];
    }
    store.setState({ doc, ...build(doc, next) });
    if (!carry && playback.getState().playing) playback.getState().seek(0);
    playback.getState().setLimit(doc.steps);
  };
  const doc = () => store.getState().doc;
  let counter = initial.runs.length;
  const nextId = () => {
    const ids = new Set(doc().runs.map((r) => r.id));
    do counter++;
    while (ids.has(`r${counter}`));
    return `r${counter}`;
  };

  playback.getState().setLimit(initial.steps);
  playback.getState().seek(initial.steps);

  return {
    store,
    playback,
    setSurface: (surface) => {
      const kindChanged = surface.kind !== doc().surface.kind;
      const start = kindChanged ? ([...DEFAULT_START[surface.kind]] as Vec2) : doc().start;
      apply({ ...doc(), surface, start, view: kindChanged ? { ...doc().view, box: null } : doc().view }, { restart: kindChanged });
    },
    setStart: (start) => apply({ ...doc(), start }, { restart: true }),
    setSteps: (steps) => apply({ ...doc(), steps }, { restart: true }),
    updateRun: (id, patch) => apply({ ...doc(), runs: doc().runs.map((r) => (r.id === id ? { ...r, ...patch } : r)) }),
    addRun: () => {
      const runs = doc().runs;
      if (runs.length >= MAX_RUNS) return;
      const last = runs[runs.length - 1];
      const base: Omit<RunDoc, 'id'> = last
        ? { optimizer: last.optimizer, schedule: last.schedule, clip: last.clip, noise: last.noise, seed: last.seed }
        : { optimizer: { kind: 'sgd', lr: 0.05, momentum: 0, dampening: 0, nesterov: false, weightDecay: 0 }, schedule: { kind: 'constant' }, clip: null, noise: null, seed: 0 };
      apply({ ...doc(), runs: [...runs, { id: nextId(), ...base }] }, { restart: true });
    },
    removeRun: (id) => {
      if (doc().runs.length <= 1) return;
      apply({ ...doc(), runs: doc().runs.filter((r) => r.id !== id) });
    },
    setView: (patch) => store.setState({ doc: { ...doc(), view: { ...doc().view, ...patch } } }),
    load: (next, notices = []) => {
      counter = next.runs.length;
      store.setState({ notices, histories: {} });
      apply(next, { restart: true });
      playback.getState().seek(next.steps);
    },
    dismissNotice: (index) => store.setState({ notices: store.getState().notices.filter((_, i) => i !== index) }),
  };
}
