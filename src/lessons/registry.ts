import type { Lesson } from './types';
import { lesson as oscillationVsDivergence } from './content/oscillation-vs-divergence';
import { lesson as anatomyOfAStep } from './content/anatomy-of-a-step';
import { lesson as theStabilityBoundary } from './content/the-stability-boundary';
import { lesson as illConditioningAndMomentum } from './content/ill-conditioning-and-momentum';
import { lesson as adamAndAdaptiveSteps } from './content/adam-and-adaptive-steps';
import { lesson as warmup } from './content/warmup';

/** The course, in order. */
export const LESSONS: Lesson[] = [
  oscillationVsDivergence,
  anatomyOfAStep,
  theStabilityBoundary,
  illConditioningAndMomentum,
  adamAndAdaptiveSteps,
  warmup,
];
