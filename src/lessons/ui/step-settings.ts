import type { QuadraticSpec, Vec2 } from '../../engine';

/** The bowl of the Euler figure: curvatures 1 and 8, turned 30°, so 2/λmax = 0.25. */
export const EULER_BOWL: QuadraticSpec = { kind: 'quadratic', eigenvalues: [1, 8], angle: Math.PI / 6, center: [0, 0] };
export const EULER_START: Vec2 = [-2.5, 0.2];
/** GD is compared with the flow for t ∈ [0, HORIZON]: ⌊HORIZON/α⌋ steps. */
export const EULER_HORIZON = 3;
