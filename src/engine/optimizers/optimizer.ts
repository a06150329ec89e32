import type { OptimizerSpec } from '../spec/types';

/**
 * An optimizer updates parameters in place, exactly as the torch.optim class of the same name.
 * `step` must not allocate: state lives in typed arrays sized once by `dim`.
 * The gradient array is read, never written, so the caller can keep using it.
 */
export interface Optimizer {
  /** One optimizer.step() with learning rate `lr` (already scheduled). */
  step(p: Float64Array, g: Float64Array, lr: number): void;
  /** New hyperparameters of the same kind; the state (buffers, step count) is kept. */
  configure(hp: OptimizerSpec): void;
  /** Forget all state, as a freshly constructed torch optimizer. */
  reset(): void;
  /** How many steps have been taken since construction or reset. */
  readonly steps: number;
}
