import type { SimResult } from '../run';

export interface FinderReading {
  /** Step with the lowest loss, and the α that step used. */
  minStep: number;
  minLr: number;
  /** First step after the minimum whose loss is back above the first loss (null if none), and its α. */
  turnStep: number | null;
  turnLr: number | null;
  /** fastai's "minimum / 10" suggestion. */
  suggestion: number;
}

/**
 * Reads an LR-finder run (α growing every step): where the loss is lowest, where it climbs back
 * above its start, and the α one tenth of the minimum's, as fastai's lr_find suggests.
 */
export function readFinder(r: SimResult): FinderReading {
  const n = r.nonFinite ? r.nonFinite.step : r.length;
  let minStep = 0;
  for (let k = 1; k < n; k++) if (r.loss[k]! < r.loss[minStep]!) minStep = k;
  let turnStep: number | null = null;
  for (let k = minStep + 1; k < r.length; k++) {
    if (!(r.loss[k]! <= r.loss[0]!)) {
      turnStep = k;
      break;
    }
  }
  const minLr = r.lr[minStep]!;
  return { minStep, minLr, turnStep, turnLr: turnStep === null ? null : r.lr[turnStep]!, suggestion: minLr / 10 };
}
