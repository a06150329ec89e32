/**
 * A run's behaviour in words, for the live status line:
 *   "oscillating but converging — the steep direction (λ = 10) shrinks ×0.5 per step, overshooting"
 *   "diverged: the loss overflowed to +Infinity at step 137"
 */
import { describeNonFinite, type ModeReport, type Prediction, type Regime, type SimResult, type NonFinite } from '../../engine';
import { fmt, fmtPlain } from '../../ui/format';
import { ratioText } from '../../ui/lr-text';

export const REGIME_WORDS: Record<Regime, string> = {
  monotone: 'converging monotonically',
  oscillating: 'oscillating but converging',
  diverging: 'diverging',
};

export interface RegimeInput {
  regime: Regime;
  nonFinite: NonFinite | null;
  sim: Pick<SimResult, 'length' | 'loss'>;
  prediction: Prediction | null;
}

/** The modes that show in the trajectory (the start has a component along them, λ ≠ 0). */
function activeModes(modes: readonly ModeReport[]): ModeReport[] {
  const scale = Math.hypot(...modes.map((m) => m.component));
  const active = modes.filter((m) => m.lambda !== 0 && Math.abs(m.component) > 1e-12 * scale);
  return active.length ? active : [...modes];
}

/** "the steep direction (λ = 10) grows ×1.31 per step": the worst direction's per-step factor. */
export function worstModeText(p: Prediction): string | null {
  const active = activeModes(p.modes);
  if (!active.length) return null;
  const worst = active.reduce((a, m) => (m.rho > a.rho ? m : a));
  const same = p.modes.length === 2 && p.modes[0]!.lambda === p.modes[1]!.lambda;
  const where = same ? 'every direction' : worst === p.modes[0] ? 'the steep direction' : 'the shallow direction';
  const verb = worst.rho > 1 ? 'grows' : worst.rho < 1 ? 'shrinks' : 'keeps its size,';
  const over = worst.oscillates ? ', overshooting' : '';
  return `${where} (λ = ${fmtPlain(worst.lambda, 4)}) ${verb} ×${ratioText(worst.rho)} per step${over}`;
}

export function regimeText(input: RegimeInput): string {
  const { regime, nonFinite, sim, prediction } = input;
  if (nonFinite) {
    const factor = prediction ? worstModeText(prediction) : null;
    return `diverged: ${describeNonFinite(nonFinite)}${factor ? ` — ${factor}` : ''}`;
  }
  let head = REGIME_WORDS[regime];
  if (regime === 'oscillating' && prediction && prediction.rho === 1) head = 'oscillating without converging (exactly on the boundary)';
  if (prediction) {
    const factor = worstModeText(prediction);
    const disagree = prediction.regime !== regime ? `; theory says ${REGIME_WORDS[prediction.regime]} — run more steps to see it` : '';
    return `${head}${factor ? ` — ${factor}` : ''}${disagree}`;
  }
  const n = sim.length;
  if (n < 2) return head;
  const first = sim.loss[0]!;
  const last = sim.loss[n - 1]!;
  const moved = last < first ? 'fell' : last > first ? 'rose' : 'stayed';
  return `${head} — the loss ${moved} from ${fmt(first, 3)} to ${fmt(last, 3)} in ${n - 1} steps`;
}
