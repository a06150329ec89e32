import { EVENT, type NonFinite } from '../../engine';
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

/** A step's training-loop events in words: "bad batch, skipped", "loss-scale overflow, skipped", "". */
export function eventText(flags: number): string {
  const parts: string[] = [];
  if (flags & EVENT.badBatch) parts.push('bad batch');
  if (flags & EVENT.overflow) parts.push('loss-scale overflow');
  if (flags & EVENT.skipped) parts.push('skipped');
  return parts.join(', ');
}

/**
 * A value at a step for the readout: a number, or at a skipped step or a bad batch a non-finite value
 * with the reason, "NaN (skipped)", "∞ (skipped)", "NaN (bad batch)" (never a bare NaN or Infinity).
 */
export function stepValue(v: number, flags: number, digits = 3): string {
  if (Number.isFinite(v) || !(flags & (EVENT.skipped | EVENT.badBatch))) return num(v, digits);
  return `${nonFiniteSymbol(v)} (${flags & EVENT.skipped ? 'skipped' : 'bad batch'})`;
}

const SUP = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** The loss scale S: powers of two from 2¹⁰ up (and below 2⁻³) as 2ⁿ, the rest as numbers. */
export function scaleText(s: number): string {
  const n = Math.log2(s);
  if (Number.isInteger(n) && (n >= 10 || n <= -4)) return `2${n < 0 ? '⁻' : ''}${[...String(Math.abs(n))].map((c) => SUP[Number(c)]).join('')}`;
  return num(s);
}

/** What a run's loop did, for its legend entry and the chart's text alternative: "bad batch at step 40, 2 steps skipped". */
export function eventsStory(steps: { bad: readonly number[]; skipped: readonly number[]; overflow: readonly number[] } | null): string {
  if (steps === null) return '';
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const parts: string[] = [];
  if (steps.bad.length) parts.push(`bad batch at step ${steps.bad.join(', ')}`);
  if (steps.skipped.length) parts.push(`${count(steps.skipped.length, 'step', 'steps')} skipped`);
  if (steps.overflow.length) parts.push(count(steps.overflow.length, 'loss-scale overflow (skipped)', 'loss-scale overflows (skipped)'));
  return parts.join(', ');
}
