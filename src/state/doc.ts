import {
  DEFAULT_START, type BadBatchSpec, type ClipSpec, type GuardSpec, type PrecisionSpec, type NoiseSpec, type OptimizerSpec, type RunSpec, type ScheduleSpec,
  type SurfaceSpec, type Vec2, type ViewBox,
} from '../engine';

/** One run in the lab: everything of a RunSpec except what all runs share (surface, start, steps). */
export interface RunDoc {
  id: string;
  optimizer: OptimizerSpec;
  schedule: ScheduleSpec;
  clip: ClipSpec | null;
  noise: NoiseSpec | null;
  /** Training-loop extras (absent = none): a bad batch, guards before the step, reduced precision. */
  badBatch?: BadBatchSpec | null;
  guard?: GuardSpec | null;
  precision?: PrecisionSpec | null;
  seed: number;
}

export type OnChange = 'continue' | 'restart';

export interface ViewSettings {
  /** Loss axis on a log scale (default) or linear. */
  logY: boolean;
  /** TensorBoard-style EMA smoothing weight in [0, 0.99]. */
  ema: number;
  /** The landscape's visible window; null = the surface's own view box. */
  box: ViewBox | null;
  /** Playback speed in steps per second. */
  speed: number;
  /** What a change made during playback does: continue from the current step, or restart. */
  onChange: OnChange;
}

/** The lab's whole shareable state: the URL carries exactly this. */
export interface LabDoc {
  surface: SurfaceSpec;
  start: Vec2;
  steps: number;
  runs: RunDoc[];
  view: ViewSettings;
}

export const MAX_RUNS = 6;
export const MAX_LAB_STEPS = 5000;
export const SPEEDS = [1, 3, 10, 30, 60, 240] as const;

export const DEFAULT_VIEW: ViewSettings = { logY: true, ema: 0, box: null, speed: 30, onChange: 'restart' };

export function defaultDoc(): LabDoc {
  const surface: SurfaceSpec = { kind: 'quadratic', eigenvalues: [1, 10], angle: Math.PI / 6, center: [0, 0] };
  const plain = { schedule: { kind: 'constant' } as const, clip: null, noise: null, seed: 0 };
  return {
    surface,
    start: [...DEFAULT_START.quadratic],
    steps: 100,
    runs: [
      { id: 'r1', optimizer: { kind: 'sgd', lr: 0.15, momentum: 0, dampening: 0, nesterov: false, weightDecay: 0 }, ...plain },
      { id: 'r2', optimizer: { kind: 'sgd', lr: 0.05, momentum: 0.8, dampening: 0, nesterov: false, weightDecay: 0 }, ...plain },
      { id: 'r3', optimizer: { kind: 'adam', lr: 0.1, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, amsgrad: false }, ...plain },
    ],
    view: { ...DEFAULT_VIEW },
  };
}

/** The full run spec of run i. */
export function runSpecOf(doc: LabDoc, run: RunDoc): RunSpec {
  return {
    surface: doc.surface, optimizer: run.optimizer, schedule: run.schedule, clip: run.clip,
    noise: run.noise, badBatch: run.badBatch ?? null, guard: run.guard ?? null, precision: run.precision ?? null,
    start: doc.start, steps: doc.steps, seed: run.seed,
  };
}

/** Okabe–Ito colours: distinguishable with every common colour-vision deficiency. */
export const RUN_COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'] as const;

export function runColor(index: number): string {
  return RUN_COLORS[index % RUN_COLORS.length]!;
}

export function optimizerLabel(o: OptimizerSpec): string {
  switch (o.kind) {
    case 'sgd':
      if (o.momentum === 0) return 'GD';
      return `${o.nesterov ? 'Nesterov' : 'Momentum'} β=${Number(o.momentum.toPrecision(3))}`;
    case 'adam':
      return 'Adam';
    case 'adamw':
      return 'AdamW';
    case 'rmsprop':
      return 'RMSprop';
    case 'adagrad':
      return 'Adagrad';
  }
}
