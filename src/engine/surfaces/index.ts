import type { SurfaceSpec } from '../spec/types';
import { Cliff } from './cliff';
import { Product } from './product';
import { Quadratic } from './quadratic';
import { Rosenbrock } from './rosenbrock';
import type { Surface } from './surface';
import { Wells } from './wells';

export type { Minimum, Objective, Surface, ViewBox } from './surface';
export { Cliff, Product, Quadratic, Rosenbrock, Wells };

/** Builds the surface a (validated) spec describes. */
export function createSurface(spec: SurfaceSpec): Surface {
  switch (spec.kind) {
    case 'quadratic':
      return new Quadratic(spec);
    case 'rosenbrock':
      return new Rosenbrock(spec);
    case 'cliff':
      return new Cliff(spec);
    case 'wells':
      return new Wells(spec);
    case 'product':
      return new Product(spec);
  }
}
