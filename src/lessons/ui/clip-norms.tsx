import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { useId, useMemo, useState } from 'react';
import { createSurface, simulate } from '../../engine';
import { clipCoef, escapes, longestStep } from '../../engine/analysis/clip-steps';
import { runColor } from '../../state/doc';
import { fmt } from '../../ui/format';
import { specOf } from '../preset';
import { CLIFF, LR, MAX_NORM, UNCLIPPED } from './clip-presets';
import './clip.css';

const W = 460;
const H = 210;
const PAD = { l: 44, r: 10, t: 10, b: 30 };
const CHOICES = [0.25, 0.5, 1, 2, 5, 10, 20, 50, 100, 150];
const BOX = createSurface(CLIFF).viewBox;
const SUP = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** A power of ten as a short axis label: 100, 1, 0.01, 10⁻⁴. */
function decade(t: number): string {
  const e = Math.round(Math.log10(t));
  return e >= -2 ? fmt(t) : `10⁻${String(-e).split('').map((d) => SUP[Number(d)]).join('')}`;
}

/**
 * ‖g‖ at every step (before clipping, as clip_grad_norm_ returns it) for the unclipped run and
 * for its twin clipped at the slider's max-norm, with the clip line drawn. Computed live.
 */
export function ClipNormChart() {
  const id = useId();
  const [index, setIndex] = useState(CHOICES.indexOf(MAX_NORM));
  const maxNorm = CHOICES[index]!;
  const view = useMemo(() => {
    const base = specOf(UNCLIPPED);
    const raw = simulate(base);
    const clipped = simulate({ ...base, clip: { maxNorm } });
    const all = [...raw.gradNorm, ...clipped.gradNorm, maxNorm].filter((v) => Number.isFinite(v) && v > 0);
    const y = scaleLog().domain([Math.min(...all) / 1.5, Math.max(...all) * 1.5]).range([H - PAD.b, PAD.t]).clamp(true);
    const x = scaleLinear().domain([0, base.steps]).range([PAD.l, W - PAD.r]);
    const path = (g: Float64Array) => line<number>().digits(1).defined((v) => Number.isFinite(v) && v > 0).x((_, k) => x(k)).y((v) => y(v))(Array.from(g)) ?? '';
    let clippedSteps = 0;
    for (let k = 0; k < clipped.length - 1; k++) if (clipCoef(clipped.gradNorm[k]!, maxNorm) < 1) clippedSteps++;
    return {
      x, y, rawPath: path(raw.gradNorm), clipPath: path(clipped.gradNorm),
      rawJump: longestStep(raw), clipJump: longestStep(clipped),
      rawOut: escapes(raw, BOX), clipOut: escapes(clipped, BOX),
      rawEnd: raw.loss[raw.length - 1]!, clipEnd: clipped.loss[clipped.length - 1]!, clippedSteps, steps: base.steps,
    };
  }, [maxNorm]);
  const { x, y, rawJump, clipJump } = view;
  const summary =
    `Gradient norm per step, log scale. Unclipped run: spikes to ${fmt(rawJump.gradNorm)} at step ${rawJump.step} and jumps ${fmt(rawJump.length)}. ` +
    `Clipped at max-norm ${fmt(maxNorm)}: longest step ${fmt(clipJump.length)}, ${view.clipOut.left ? 'leaves' : 'stays inside'} the view.`;
  return (
    <figure className="clip-fig">
      <div className="clip-slider">
        <label htmlFor={`${id}-mn`}>max-norm (clip threshold): <strong>{fmt(maxNorm)}</strong></label>
        <input
          id={`${id}-mn`} type="range" min={0} max={CHOICES.length - 1} step={1} value={index}
          aria-valuetext={`max-norm ${fmt(maxNorm)}`} onChange={(e) => setIndex(Number(e.target.value))}
        />
      </div>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary}>
        <rect x={PAD.l} y={PAD.t} width={W - PAD.l - PAD.r} height={H - PAD.t - PAD.b} fill="#fff" stroke="#d5d8e4" />
        {y.ticks(4).filter((t) => Number.isInteger(Math.log10(t))).map((t) => (
          <g key={t}>
            <line x1={PAD.l - 4} x2={PAD.l} y1={y(t)} y2={y(t)} stroke="#555" />
            <text x={PAD.l - 6} y={y(t) + 3} fontSize={10} textAnchor="end" fill="#333">{decade(t)}</text>
          </g>
        ))}
        {x.ticks(6).map((t) => (
          <text key={t} x={x(t)} y={H - PAD.b + 13} fontSize={10} textAnchor="middle" fill="#333">{t}</text>
        ))}
        <text x={(PAD.l + W - PAD.r) / 2} y={H - 3} fontSize={10} textAnchor="middle" fill="#333">step k</text>
        <text x={10} y={PAD.t + 4} fontSize={10} fill="#333" transform={`rotate(-90 10 ${PAD.t + 4})`} textAnchor="end">‖g‖</text>
        <line x1={PAD.l} x2={W - PAD.r} y1={y(maxNorm)} y2={y(maxNorm)} stroke="#1b1f3a" strokeDasharray="2 3" />
        <text x={W - PAD.r - 4} y={y(maxNorm) - 4} fontSize={10} textAnchor="end" fill="#1b1f3a">clip line ‖g‖ = {fmt(maxNorm)}</text>
        <path d={view.rawPath} fill="none" stroke={runColor(0)} strokeWidth={1.8} />
        <path d={view.clipPath} fill="none" stroke={runColor(1)} strokeWidth={1.8} strokeDasharray="6 3" />
        <circle cx={x(rawJump.step)} cy={y(rawJump.gradNorm)} r={4} fill="none" stroke={runColor(0)} strokeWidth={1.5} />
      </svg>
      <figcaption>
        <span className="clip-key"><span className="clip-swatch" style={{ borderColor: runColor(0) }} />unclipped (solid)</span>
        <span className="clip-key"><span className="clip-swatch dashed" style={{ borderColor: runColor(1) }} />clipped at {fmt(maxNorm)} (dashed)</span>
        <ul className="clip-readout" aria-live="polite">
          <li>
            Unclipped: at step {rawJump.step} (x = {fmt(rawJump.from[0])}) ‖g‖ = {fmt(rawJump.gradNorm)}, so the step is
            {' '}α‖g‖ = {fmt(rawJump.length)} long and lands at ({fmt(rawJump.to[0])}, {fmt(rawJump.to[1])})
            {view.rawOut.left ? ', outside the view' : ''}; final loss {fmt(view.rawEnd)}.
          </li>
          <li>
            Clipped at {fmt(maxNorm)}: {view.clippedSteps} of {view.steps} steps were scaled down; the longest step is
            {' '}{fmt(clipJump.length)} (bound α·max-norm = {fmt(LR * maxNorm)}); it {view.clipOut.left ? 'leaves' : 'never leaves'} the
            {' '}view; final loss {fmt(view.clipEnd)}.
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}
