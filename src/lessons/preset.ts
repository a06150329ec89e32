import {
  DEFAULT_START, OPTIMIZER_DEFAULTS, type BadBatchSpec, type ClipSpec, type GuardSpec, type PrecisionSpec, type NoiseSpec, type OptimizerSpec, type RunSpec,
  type ScheduleSpec, type SurfaceSpec, type Vec2,
} from '../engine';
import { DEFAULT_VIEW, runSpecOf, type LabDoc, type RunDoc } from '../state/doc';

export interface RunPreset {
  optimizer: Partial<OptimizerSpec> & { kind: OptimizerSpec['kind'] };
  schedule?: ScheduleSpec;
  clip?: ClipSpec | null;
  noise?: NoiseSpec | null;
  badBatch?: BadBatchSpec | null;
  guard?: GuardSpec | null;
  precision?: PrecisionSpec | null;
  seed?: number;
}

/** A full optimizer spec from the fields a lesson cares about (the rest take torch's defaults). */
export function optimizer(o: RunPreset['optimizer']): OptimizerSpec {
  return { ...OPTIMIZER_DEFAULTS[o.kind], ...o } as OptimizerSpec;
}

/** A lab document for a lesson's experiment. */
export function preset(p: { surface: SurfaceSpec; start?: Vec2; steps: number; runs: RunPreset[]; view?: Partial<LabDoc['view']> }): LabDoc {
  const runs: RunDoc[] = p.runs.map((r, i) => ({
    id: `r${i + 1}`,
    optimizer: optimizer(r.optimizer),
    schedule: r.schedule ?? { kind: 'constant' },
    clip: r.clip ?? null,
    noise: r.noise ?? null,
    ...(r.badBatch ? { badBatch: r.badBatch } : {}),
    ...(r.guard ? { guard: r.guard } : {}),
    ...(r.precision ? { precision: r.precision } : {}),
    seed: r.seed ?? 0,
  }));
  return {
    surface: p.surface,
    start: p.start ?? [...DEFAULT_START[p.surface.kind]],
    steps: p.steps,
    runs,
    view: { ...DEFAULT_VIEW, ...p.view },
  };
}

/** The run spec of run i of a preset (what the engine runs when the button is pressed). */
export function specOf(doc: LabDoc, i = 0): RunSpec {
  return runSpecOf(doc, doc.runs[i]!);
}
