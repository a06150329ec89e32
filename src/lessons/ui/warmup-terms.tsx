import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { useMemo } from 'react';
import { createSurface, scheduleFactor, type NoiseSpec } from '../../engine';
import { crossoverLr, expectedChange, noiseVariance, stepTerms } from '../../engine/analysis/warmup-expected-change';
import { useLabState } from '../../state/context';
import { runColor, type RunDoc } from '../../state/doc';
import { fmt } from '../../ui/format';
import './warmup.css';

const W = 360;
const H = 210;
const P = { l: 44, r: 10, t: 12, b: 30 };
const GAIN = '#009E73';
const COST = '#CC79A7';
const INK = '#1b1f3a';
/** A white outline behind text drawn over curves. */
const HALO = { stroke: '#fff', strokeWidth: 3, paintOrder: 'stroke' } as const;

/** Runs whose first step is the plain SGD step w − αg̃ the formula describes. */
function plainSgd(r: RunDoc): boolean {
  const o = r.optimizer;
  return o.kind === 'sgd' && !o.nesterov && o.weightDecay === 0 && r.clip === null;
}

const sameNoise = (a: NoiseSpec | null, b: NoiseSpec | null) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The two terms of the expected one-step change against α, for the lab's surface, start and the
 * noise of its first plain-SGD run: the gain α‖∇f‖² (a line) and the cost
 * (α²/2)(∇fᵀH∇f + tr(HΣ)) (a parabola), the crossover α* where the net turns positive, and the α
 * each such run uses for its first step.
 */
export function WarmupTerms() {
  const doc = useLabState((s) => s.doc);
  const v = useMemo(() => {
    const surface = createSurface(doc.surface);
    const first = doc.runs.find(plainSgd) ?? null;
    const noise = first ? first.noise : null;
    const t = stepTerms(surface, doc.start[0], doc.start[1], noise);
    const star = crossoverLr(t);
    const marks = doc.runs.flatMap((r, i) => (first && plainSgd(r) && sameNoise(r.noise, noise)
      ? [{ i, lr: r.optimizer.lr * scheduleFactor(r.schedule, 0) }] : []));
    const maxMark = Math.max(0, ...marks.map((m) => m.lr));
    const xMax = Number.isFinite(star) && star > 0 ? 2 * star : maxMark > 0 ? 1.5 * maxMark : 1;
    const x = scaleLinear().domain([0, xMax]).range([P.l, W - P.r]);
    const end = expectedChange(t, xMax);
    const yTop = (Number.isFinite(star) && star > 0 ? 2 * end.gain : 1.1 * Math.max(end.gain, end.cost)) || 1;
    const y = scaleLinear().domain([0, yTop]).range([H - P.b, P.t]).clamp(true);
    const alphas = Array.from({ length: 81 }, (_, k) => (k / 80) * xMax);
    const curve = (f: (a: number) => number) => line<number>().digits(1).x((a) => x(a)).y((a) => y(f(a)))(alphas) ?? '';
    return {
      t, star, noise, x, marks, xMax, quadratic: doc.surface.kind === 'quadratic', start: doc.start,
      gain: curve((a) => expectedChange(t, a).gain),
      cost: curve((a) => expectedChange(t, a).cost),
      costMean: t.trHSigma > 0 ? curve((a) => expectedChange(t, a).costMean) : null,
    };
  }, [doc]);

  const { t, star, x, marks } = v;
  const hasStar = Number.isFinite(star) && star > 0;
  const where = `(${fmt(v.start[0])}, ${fmt(v.start[1])})`;
  const side = (lr: number) => (!hasStar ? '' : lr < star ? `below α* (${fmt(lr / star)}×)` : `above α* (${fmt(lr / star)}×)`);
  const summary = hasStar
    ? `Expected change of the loss over one SGD step from ${where}: the gain α‖∇f‖² is a straight line and the cost a parabola; they cross at α* = ${fmt(star)}, beyond which the step raises the loss on average. ${marks.map((m) => `Run ${m.i + 1}'s first step uses α = ${fmt(m.lr)}, ${side(m.lr)}.`).join(' ')}`
    : `At ${where} the expected change has no crossover: ${t.gradSq === 0 ? 'the gradient is zero' : 'the curvature along the step is not positive'}.`;
  const ticks = x.ticks(4);
  return (
    <figure className="warmup-fig">
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={summary}>
        <rect x={0.5} y={0.5} width={W - 1} height={H - 1} fill="#fff" stroke="#d5d8e4" />
        {hasStar && <rect x={x(star)} y={P.t} width={W - P.r - x(star)} height={H - P.b - P.t} fill="#f3e8ef" />}
        <line x1={P.l} x2={W - P.r} y1={H - P.b} y2={H - P.b} stroke={INK} />
        <line x1={P.l} x2={P.l} y1={P.t} y2={H - P.b} stroke={INK} />
        {ticks.map((a) => (
          <text key={a} x={x(a)} y={H - P.b + 13} fontSize={10} textAnchor="middle" fill={INK}>{fmt(a, 2)}</text>
        ))}
        <text x={(P.l + W - P.r) / 2} y={H - 3} fontSize={11} textAnchor="middle" fill={INK}>step size α</text>
        <text x={12} y={(P.t + H - P.b) / 2} fontSize={11} textAnchor="middle" fill={INK} transform={`rotate(-90 12 ${(P.t + H - P.b) / 2})`}>loss change</text>
        <path d={v.gain} fill="none" stroke={GAIN} strokeWidth={2.2} />
        <path d={v.cost} fill="none" stroke={COST} strokeWidth={2.2} strokeDasharray="7 3" />
        {v.costMean && <path d={v.costMean} fill="none" stroke={COST} strokeWidth={1.4} strokeDasharray="2 3" />}
        {hasStar && (
          <g>
            <line x1={x(star)} x2={x(star)} y1={P.t} y2={H - P.b} stroke={INK} strokeDasharray="3 2" />
            <text x={x(star) + 4} y={P.t + 11} fontSize={11} fill={INK} {...HALO}>α* = {fmt(star)}: net &gt; 0 →</text>
          </g>
        )}
        {marks.map((m, j) => {
          const off = m.lr > v.xMax;
          const mx = off ? W - P.r - 2 : x(m.lr);
          return (
            <g key={m.i}>
              <line x1={mx} x2={mx} y1={P.t + 22 + 14 * j} y2={H - P.b} stroke={runColor(m.i)} strokeWidth={2} />
              <text x={off ? mx - 4 : mx + 3} y={P.t + 32 + 14 * j} fontSize={11} textAnchor={off ? 'end' : 'start'} fill={INK} {...HALO}>
                {off ? `run ${m.i + 1} (α ${fmt(m.lr / star)}× α*) →` : `run ${m.i + 1}`}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <span className="warmup-key"><span className="warmup-swatch" style={{ borderColor: GAIN }} /> gain α‖∇f‖² (solid)</span>{' '}
        <span className="warmup-key"><span className="warmup-swatch dashed" style={{ borderColor: COST }} /> cost (α²/2)(∇fᵀH∇f + tr HΣ) (dashed)</span>{' '}
        {v.costMean && <span className="warmup-key"><span className="warmup-swatch dotted" style={{ borderColor: COST }} /> cost without noise (dotted)</span>}
        <br />
        Live for the lab’s surface at its start {where}
        {v.noise ? `, with the runs’ gradient noise σ²/B = ${fmt(noiseVariance(v.noise))}` : ', without gradient noise'}: ‖∇f‖² = {fmt(t.gradSq)},
        ∇fᵀH∇f = {fmt(t.gHg)}, tr(HΣ) = {fmt(t.trHSigma)}.
        {!v.quadratic && ' This surface is not quadratic, so the curves are the second-order estimate.'}
        {marks.map((m) => {
          const e = expectedChange(t, m.lr);
          return <span key={m.i}> Run {m.i + 1}’s first step (α = {fmt(m.lr)}): expected change {fmt(e.net)}.</span>;
        })}
        {marks.length === 0 && ' No run takes a plain SGD first step (Adam, Nesterov, weight decay and clipping change it), so none is marked.'}
      </figcaption>
    </figure>
  );
}
