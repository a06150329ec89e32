import type { RunSpec } from '../../engine';
import { fmt } from '../../ui/format';
import { loopParts } from '../controls/optimizer-model';

/**
 * What a run does beyond its optimizer, for the landscape's legend (a path that looks wrong is
 * often clipped or guarded): "clipped at 1 · bad batch at 40 (NaN) · skip > 10× avg". '' for none.
 */
export function legendExtras(spec: Pick<RunSpec, 'clip' | 'badBatch' | 'guard' | 'precision'>): string {
  const parts = spec.clip ? [`clipped at ${fmt(spec.clip.maxNorm)}`] : [];
  parts.push(...loopParts(spec));
  return parts.join(' · ');
}
