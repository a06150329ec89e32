import type { OptimizerSpec } from '../spec/types';
import { Adagrad } from './adagrad';
import { Adam } from './adam';
import type { Optimizer } from './optimizer';
import { Rmsprop } from './rmsprop';
import { Sgd } from './sgd';

export type { Optimizer } from './optimizer';
export { Adagrad, Adam, Rmsprop, Sgd };

export function createOptimizer(spec: OptimizerSpec, dim: number): Optimizer {
  switch (spec.kind) {
    case 'sgd':
      return new Sgd(spec, dim);
    case 'adam':
    case 'adamw':
      return new Adam(spec, dim);
    case 'rmsprop':
      return new Rmsprop(spec, dim);
    case 'adagrad':
      return new Adagrad(spec, dim);
  }
}
