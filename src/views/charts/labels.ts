import type { NonFinite } from '../../engine';
import { optimizerLabel } from '../../state/doc';
import type { RunResult } from '../../state/compute';
import { fmt } from '../../ui/format';

/** The symbol for a non-finite value: "NaN", "∞" or "−∞" (a finite value gives ""). */
export function nonFiniteSymbol(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '∞';
  if (v === -Infinity) return '−∞';
  return '';
}

/** The marker label of a run that went non-finite: "NaN at step 137", "∞ at step 137". */
export function nonFiniteLabel(nf: NonFinite): string {
  return `${nonFiniteSymbol(nf.value) || 'NaN'} at step ${nf.step}`;
}

/** "1 · GD" — the run number (matches the controls) and its optimizer. */
export function runName(r: Pick<RunResult, 'index' | 'spec'>): string {
  return `${r.index + 1} · ${optimizerLabel(r.spec.optimizer)}`;
}

/** A number for prose and readouts; non-finite values spelled as their symbol. */
export function num(x: number, digits = 3): string {
  return Number.isFinite(x) ? fmt(x, digits) : nonFiniteSymbol(x);
}

/** One run's loss story for an accessible name: "1 · GD falls from 12.5 to 0.003 in 100 steps". */
export function lossStory(r: Pick<RunResult, 'index' | 'spec' | 'sim' | 'nonFinite'>): string {
  const { loss, length } = r.sim;
  const name = runName(r);
  if (length === 0) return `${name} has no steps`;
  const first = loss[0]!;
  if (r.nonFinite) {
    const last = loss[length - 1]!;
    const end = Number.isFinite(last) ? `${fmt(last)}, then ${nonFiniteLabel(r.nonFinite)}` : nonFiniteLabel(r.nonFinite);
    return `${name} goes from ${num(first)} to ${end}`;
  }
  const last = loss[length - 1]!;
  const steps = length - 1;
  const verb = last < first ? 'falls' : last > first ? 'rises' : 'stays';
  return verb === 'stays' ? `${name} stays at ${num(first)} for ${steps} steps` : `${name} ${verb} from ${num(first)} to ${num(last)} in ${steps} steps`;
}
