import { createSurface, simulate } from '../../engine';
import { escapes, longestStep, type LongestStep } from '../../engine/analysis/clip-steps';
import { specOf } from '../preset';
import { CLIFF, LOOSE, LR, QUESTION, SIDE_BY_SIDE, UNCLIPPED } from './clip-presets';

/** The peak of ∂f/∂x on the cliff face: h·s/4. */
export const PEAK = (CLIFF.height * CLIFF.steepness) / 4;
const BOX = createSurface(CLIFF).viewBox;

export interface RunFacts {
  jump: LongestStep;
  left: boolean;
  farthest: number;
  endLoss: number;
}

function factsOf(spec: ReturnType<typeof specOf>): RunFacts {
  const r = simulate(spec);
  const out = escapes(r, BOX);
  return { jump: longestStep(r), left: out.left, farthest: out.farthest, endLoss: r.loss[r.length - 1]! };
}

/** The side-by-side pair, the question's loosely clipped run, and the unclipped run at a nearby α. */
export function clipFacts() {
  return {
    raw: factsOf(specOf(SIDE_BY_SIDE, 0)),
    clipped: factsOf(specOf(SIDE_BY_SIDE, 1)),
    loose: factsOf(specOf(QUESTION)),
    nearby: factsOf({ ...specOf(UNCLIPPED), optimizer: { ...specOf(UNCLIPPED).optimizer, lr: NEARBY_LR } }),
  };
}

/** A slightly smaller α whose unclipped run happens to step over the face. */
export const NEARBY_LR = 0.08;
export { LOOSE, LR };
