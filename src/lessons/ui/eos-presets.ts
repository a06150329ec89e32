import type { ProductSpec, QuadraticSpec, Vec2 } from '../../engine';
import { preset } from '../preset';

/** Zhu et al.'s (2023) minimal example: f = ((xy)² − 1)²/4, a depth-2 scalar network fitting 1. */
export const PRODUCT: ProductSpec = { kind: 'product', target: 1, power: 2 };
/** The first suggestion, ½(xy − 1)²: sharp from the start, so it shows no sharpening. */
export const PRODUCT_P1: ProductSpec = { kind: 'product', target: 1, power: 1 };
/** Far along x, close to the y = 0 axis (a saddle region where the sharpness is near 0). */
export const START: Vec2 = [2.25, 0.1];
export const STEPS = 300;
/** The edge-of-stability run: 2/α = 10, below the 10.87 that gradient flow would land at. */
export const EDGE_LR = 0.2;
/** A small step for contrast: 2/α = 20, far above anything the run meets. */
export const SMALL_LR = 0.1;
/** The question's step: 2/α = 8. */
export const QUESTION_LR = 0.25;
/** The three rates of the "rates" experiment. */
export const RATES = [SMALL_LR, EDGE_LR, QUESTION_LR] as const;

/** A quadratic for Adam: its curvature never changes, so any rise is in the preconditioner. */
export const BOWL: QuadraticSpec = { kind: 'quadratic', eigenvalues: [1, 10], angle: 0.5, center: [0, 0] };
export const BOWL_START: Vec2 = [2, 1];
export const ADAM_LR = 0.1;
/** β2 = 0.95: v̂ forgets in ~20 steps, so the rise fits in a few hundred steps (0.999 takes thousands). */
export const ADAM_BETAS: Vec2 = [0.9, 0.95];
export const ADAM_STEPS = 600;
/** GD on the same bowl just inside its boundary 2/λmax = 0.2. */
export const BOWL_GD_LR = 0.15;

const gd = (lr: number) => ({ optimizer: { kind: 'sgd' as const, lr } });

export const EDGE = preset({ surface: PRODUCT, start: START, steps: STEPS, runs: [gd(EDGE_LR)] });
export const SMALL_VS_EDGE = preset({ surface: PRODUCT, start: START, steps: STEPS, runs: [gd(SMALL_LR), gd(EDGE_LR)] });
export const RATES_DOC = preset({ surface: PRODUCT, start: START, steps: STEPS, runs: RATES.map(gd) });
export const QUESTION = preset({ surface: PRODUCT, start: START, steps: STEPS, runs: [gd(QUESTION_LR)] });
export const P1 = preset({ surface: PRODUCT_P1, start: START, steps: STEPS, runs: [gd(EDGE_LR)] });
export const ADAM = preset({
  surface: BOWL, start: BOWL_START, steps: ADAM_STEPS,
  runs: [{ optimizer: { kind: 'adam', lr: ADAM_LR, betas: ADAM_BETAS } }, gd(BOWL_GD_LR)],
});
