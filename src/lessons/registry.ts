import type { Lesson } from './types';
import { lesson as oscillationVsDivergence } from './content/oscillation-vs-divergence';
import { lesson as anatomyOfAStep } from './content/anatomy-of-a-step';
import { lesson as theStabilityBoundary } from './content/the-stability-boundary';
import { lesson as illConditioningAndMomentum } from './content/ill-conditioning-and-momentum';
import { lesson as adamAndAdaptiveSteps } from './content/adam-and-adaptive-steps';
import { lesson as warmup } from './content/warmup';
import { lesson as explodingGradientsAndClipping } from './content/exploding-gradients-and-clipping';
import { lesson as gradientNoiseAndBatchSize } from './content/gradient-noise-and-batch-size';
import { lesson as lossSpikesFromBadData } from './content/loss-spikes-from-bad-data';
import { lesson as precisionFp32Fp16Bf16 } from './content/precision-fp32-fp16-bf16';
import { lesson as theLearningRateFinder } from './content/the-learning-rate-finder';
import { lesson as localMinimaAndSchedules } from './content/local-minima-and-schedules';
import { lesson as theDebuggingWorkflow } from './content/the-debugging-workflow';
import { lesson as theStabilityChecklist } from './content/the-stability-checklist';
import { lesson as theEdgeOfStability } from './content/the-edge-of-stability';

/** The course, in order. */
export const LESSONS: Lesson[] = [
  oscillationVsDivergence,
  anatomyOfAStep,
  theStabilityBoundary,
  illConditioningAndMomentum,
  adamAndAdaptiveSteps,
  warmup,
  explodingGradientsAndClipping,
  gradientNoiseAndBatchSize,
  lossSpikesFromBadData,
  precisionFp32Fp16Bf16,
  theLearningRateFinder,
  localMinimaAndSchedules,
  theDebuggingWorkflow,
  theStabilityChecklist,
  theEdgeOfStability,
];
