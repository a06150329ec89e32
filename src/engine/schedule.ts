import type { ScheduleSpec } from './spec/types';

/**
 * The factor λ(k) that multiplies the base learning rate at step k = 0, 1, … (as torch's
 * LambdaLR: step k uses λ(k), with scheduler.step() after each optimizer.step()).
 *   constant      1
 *   linearWarmup  min(1, (k+1)/W)
 *   warmupCosine  (k+1)/W for k < W, else m + (1−m)·½(1 + cos(π·(k−W)/(T−W))), held at m after T
 *   step          γ^⌊k/s⌋   (torch's StepLR)
 *   exponential   γ^k       (torch's ExponentialLR)
 *   cosineRestarts m + (1−m)·½(1 + cos(π·Tcur/Ti)) (torch's CosineAnnealingWarmRestarts, eta_min = m·lr):
 *                 cycles of T0, T0·Tmult, T0·Tmult², … steps; Tcur counts steps into the current cycle
 */
export function scheduleFactor(s: ScheduleSpec, k: number): number {
  switch (s.kind) {
    case 'constant':
      return 1;
    case 'linearWarmup':
      return Math.min(1, (k + 1) / s.warmupSteps);
    case 'warmupCosine': {
      const W = s.warmupSteps;
      if (k < W) return (k + 1) / W;
      const progress = Math.min(1, (k - W) / (s.totalSteps - W));
      return s.minFactor + (1 - s.minFactor) * 0.5 * (1 + Math.cos(Math.PI * progress));
    }
    case 'step':
      return s.gamma ** Math.floor(k / s.stepSize);
    case 'exponential':
      return s.gamma ** k;
    case 'cosineRestarts': {
      let cycle = s.t0;
      let into = k;
      if (s.tMult === 1) into = k % cycle;
      else while (into >= cycle) { into -= cycle; cycle *= s.tMult; }
      return s.minFactor + (1 - s.minFactor) * 0.5 * (1 + Math.cos((Math.PI * into) / cycle));
    }
  }
}
