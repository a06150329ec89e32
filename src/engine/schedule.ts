import type { ScheduleSpec } from './spec/types';

/**
 * The factor λ(k) that multiplies the base learning rate at step k = 0, 1, … (as torch's
 * LambdaLR: step k uses λ(k), with scheduler.step() after each optimizer.step()).
 *   constant      1
 *   linearWarmup  min(1, (k+1)/W)
 *   warmupCosine  (k+1)/W for k < W, else m + (1−m)·½(1 + cos(π·(k−W)/(T−W))), held at m after T
 *   step          γ^⌊k/s⌋   (torch's StepLR)
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
  }
}
