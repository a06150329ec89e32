/** Words for the stability map panel (pure, so tests can read them). */
import type { Comparison } from '../../engine/analysis/map-compare';
import { lambdaUnit, type MapSpec } from '../../engine/analysis/stability-map';
import { fmtPlain } from '../../ui/format';
import { stepsPerDecade } from './map-raster';

/** 40000 → "40,000" (without Intl, whose first use costs milliseconds). */
const thousands = (n: number): string => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

const FAMILY = { heavyBall: 'SGD with momentum (heavy ball)', nesterov: 'SGD with Nesterov momentum', adam: 'Adam' } as const;

export function describeMap(s: MapSpec): string {
  const curv = `λmax = ${fmtPlain(lambdaUnit(s))}`;
  if (s.kind === 'alphaBeta') return `${FAMILY[s.family]} over α and ${s.family === 'adam' ? 'β1' : 'β'}, on the quadratic with ${curv}, λmin = ${fmtPlain(s.lambdaMin + (s.family === 'adam' ? 0 : s.weightDecay))}`;
  const who = s.family !== 'adam' && s.beta === 0 ? 'Gradient descent' : FAMILY[s.family];
  return `${who} over α and the conditioning κ at ${s.family === 'adam' ? 'β1' : 'β'} = ${fmtPlain(s.beta)}, with ${curv}`;
}

export function progressText(rows: number, ny: number, ms: number | null, s: MapSpec): string {
  const size = `${s.nx} × ${s.ny} cells × ${s.steps} steps`;
  if (ms !== null && rows === ny) return `Empirical map: filled ${rows} of ${ny} rows (${size}) in ${Math.round(ms)} ms, in a Web Worker.`;
  return `Empirical map: filled ${rows} of ${ny} rows (${size})…`;
}

export function agreementText(c: Comparison | null, family: MapSpec['family'], complete: boolean): string {
  if (family === 'adam') return 'Adam has no closed form: the left map is SGD with momentum β = β1 at the same α, for comparison; the right map is Adam run.';
  if (!c || c.compared === 0) return '';
  const where = complete ? 'on all' : 'so far on all';
  if (c.disagree === 0) return `Run and closed form agree on which cells converge, ${where} ${thousands(c.compared)} cells filled.`;
  const away = c.awayFromBoundary === 0 ? 'all of them touching the analytic boundary' : `${c.awayFromBoundary} of them away from the boundary`;
  return `Run and closed form disagree on ${c.disagree} of ${thousands(c.compared)} cells (outlined), ${away}.`;
}

/** The run's point in words: its α, β or κ, and what the closed form says of it. */
export function pointText(s: MapSpec, lr: number, alphaUnits: number, y: number, rho: number): string {
  const yText = s.kind === 'alphaBeta' ? `${s.family === 'adam' ? 'β1' : 'β'} = ${fmtPlain(y)}` : `κ = ${fmtPlain(y)}`;
  const base = `α = ${fmtPlain(lr)} (αλmax = ${fmtPlain(alphaUnits)}), ${yText}`;
  if (!Number.isFinite(rho)) return base;
  if (rho > 1) return `${base}: the error grows ×${fmtPlain(rho, 4)} per step`;
  const n = stepsPerDecade(rho);
  return `${base}: ρ = ${fmtPlain(rho)}, ${Number.isFinite(n) ? `${fmtPlain(n, 2)} steps` : 'never'} to shrink the error tenfold`;
}
