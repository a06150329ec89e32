/**
 * The live stability condition with numbers substituted, as TeX (for KaTeX) and as plain
 * Unicode (shown until KaTeX loads, and read by tests):
 *   α = 0.0210 > 2/λmax = 2/100 = 0.0200
 * Both sides get as many digits as they need to read differently, so the inequality shown
 * always points the way the numbers do.
 */
import type { OptimizerSpec, RunSpec, StabilityReport } from '../../engine';
import { digitsApart, fmt, fmtPlain, fmtSig, texPlain, texSig } from '../../ui/format';
import { lrBound, lrText, sideOf, type LrBound } from '../../ui/lr-text';

export type Verdict = 'stable' | 'unstable' | 'boundary' | null;

export interface Condition {
  tex: string;
  plain: string;
  /** Whether α is inside the bound (null: there is no bound to compare with). */
  verdict: Verdict;
  /** Caveats in words: weight decay in λmax, curvature off a quadratic, saddles, schedules. */
  notes: string[];
}

const TEX_FORMULA = {
  gd: '\\dfrac{2}{\\lambda_{\\max}}',
  heavyBall: '\\dfrac{2(1+\\beta)}{\\lambda_{\\max}}',
  heavyBallDamped: '\\dfrac{2(1+\\beta)}{(1-\\tau)\\,\\lambda_{\\max}}',
  nesterov: '\\dfrac{2(1+\\beta)}{(1+2\\beta)\\,\\lambda_{\\max}}',
} as const;

/** The formula with β, τ and λmax substituted, as TeX and as plain text. */
function substituted(b: LrBound): { tex: string; plain: string; formulaTex: string } {
  const L = texPlain(b.lambdaMax, 4);
  const Lp = fmtPlain(b.lambdaMax, 4);
  const B = texPlain(b.beta, 4);
  const Bp = fmtPlain(b.beta, 4);
  if (b.method === 'gd') return { formulaTex: TEX_FORMULA.gd, tex: `\\dfrac{2}{${L}}`, plain: `2/${Lp}` };
  if (b.method === 'nesterov') {
    return {
      formulaTex: TEX_FORMULA.nesterov,
      tex: `\\dfrac{2(1+${B})}{(1+2\\cdot ${B})\\cdot ${L}}`,
      plain: `2(1+${Bp})/((1+2·${Bp})·${Lp})`,
    };
  }
  if (b.dampening !== 0) {
    const T = texPlain(b.dampening, 4);
    return {
      formulaTex: TEX_FORMULA.heavyBallDamped,
      tex: `\\dfrac{2(1+${B})}{(1-${T})\\cdot ${L}}`,
      plain: `2(1+${Bp})/((1−${fmtPlain(b.dampening, 4)})·${Lp})`,
    };
  }
  return { formulaTex: TEX_FORMULA.heavyBall, tex: `\\dfrac{2(1+${B})}{${L}}`, plain: `2(1+${Bp})/${Lp}` };
}

export function buildCondition(report: StabilityReport, optimizer: OptimizerSpec, optimizerName: string, spec?: Pick<RunSpec, 'surface' | 'schedule' | 'clip' | 'noise'>): Condition {
  const b = lrBound(report, optimizer);
  const lr = report.lr;
  const notes = curvatureNotes(report, optimizer, b, spec);
  if (b.kind === 'adaptive') {
    return {
      tex: `\\alpha = ${texPlain(lr, 4)}`, plain: `α = ${lrText(lr)}`, verdict: null,
      notes: [`${optimizerName} has no closed-form bound: it rescales each step by its gradient history, so watch what the trajectory does.`, ...notes],
    };
  }
  if (b.kind === 'noCurvature') {
    return {
      tex: `\\lambda_{\\max} = ${texPlain(b.lambdaMax, 4)} \\le 0`, plain: `λmax = ${fmtPlain(b.lambdaMax, 4)} ≤ 0`, verdict: null,
      notes: ['No direction curves upward here, so no step size makes the iteration contract.', ...notes],
    };
  }
  if (b.kind === 'none') {
    return {
      tex: `\\tau = ${texPlain(b.dampening, 4)} \\ge 1`, plain: `τ = ${fmtPlain(b.dampening, 4)} ≥ 1`, verdict: null,
      notes: ['With dampening ≥ 1 the momentum buffer takes no (or negative) gradient: there is no bound on α.', ...notes],
    };
  }
  const ratio = lr / b.alpha;
  const side = sideOf(ratio);
  const rel = side === 'stable' ? '<' : side === 'unstable' ? '>' : '=';
  const d = digitsApart(lr, b.alpha, 3);
  const s = substituted(b);
  return {
    tex: `\\alpha = ${texSig(lr, d)} ${rel} ${s.formulaTex} = ${s.tex} = ${texSig(b.alpha, d)}`,
    plain: `α = ${fmtSig(lr, d)} ${rel} ${b.formula} = ${s.plain} = ${fmtSig(b.alpha, d)}`,
    verdict: side === 'stable' ? 'stable' : side === 'unstable' ? 'unstable' : 'boundary',
    notes,
  };
}

function curvatureNotes(report: StabilityReport, optimizer: OptimizerSpec, b: LrBound, spec?: Pick<RunSpec, 'surface' | 'schedule' | 'clip' | 'noise'>): string[] {
  const notes: string[] = [];
  const c = report.curvature;
  if (optimizer.kind === 'sgd' && optimizer.weightDecay !== 0 && b.method) {
    notes.push(`λmax includes weightDecay: ${fmt(c.lambdaMax, 4)} + ${fmt(optimizer.weightDecay, 4)}.`);
  }
  if (b.method && b.lambdaMax > 0 && b.lambdaMin < 0) {
    notes.push('λmin < 0: along the other direction the surface curves down, and any α > 0 escapes it.');
  }
  if (spec && spec.schedule.kind !== 'constant' && b.method) {
    notes.push('α is the schedule’s peak: the bound applies to each step’s scheduled α.');
  }
  if (spec?.clip && b.method) {
    notes.push(`Clipping caps each step at α·maxNorm = ${fmt(report.lr * spec.clip.maxNorm, 3)}, so an unstable α can stay bounded.`);
  }
  if (spec?.noise) {
    notes.push('With gradient noise the iterate keeps jittering around the minimum instead of settling.');
  }
  return notes;
}
