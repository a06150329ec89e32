import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { useMemo, useState } from 'react';
import { createSurface } from '../../engine';
import { cosine, measuredCosine, noisyGradients, predictedCosine } from '../../engine/analysis/noise-batch';
import { runColor } from '../../state/doc';
import { fmt } from '../../ui/format';
import { BATCHES, BOWL, COS_PAIRS, COS_POINT, COS_STD } from './noise-presets';
import './noise.css';

const INK = '#1b1f3a';
const A = 200; // arrow panel size
const W = 300, H = 200, P = { l: 40, r: 10, t: 10, b: 32 };

/** ∇f at the figure's point, computed by the engine's surface. */
function trueGradient(): [number, number] {
  const g = new Float64Array(2);
  createSurface(BOWL).valueAndGrad(Float64Array.from(COS_POINT), g);
  return [g[0]!, g[1]!];
}

function Arrow({ x, y, s, color, dash, label }: { x: number; y: number; s: number; color: string; dash?: string; label: string }) {
  const c = A / 2;
  const tx = c + x * s, ty = c - y * s;
  const ang = Math.atan2(ty - c, tx - c);
  const h = (d: number) => `${tx - 8 * Math.cos(ang + d)},${ty - 8 * Math.sin(ang + d)}`;
  return (
    <g>
      <line x1={c} y1={c} x2={tx} y2={ty} stroke={color} strokeWidth={2.2} strokeDasharray={dash} />
      <polygon points={`${tx},${ty} ${h(0.4)} ${h(-0.4)}`} fill={color} />
      <text x={tx + (tx >= c ? 4 : -4)} y={ty + (ty >= c ? 12 : -4)} fontSize={11} fill={INK} textAnchor={tx >= c ? 'start' : 'end'}>{label}</text>
    </g>
  );
}

/**
 * Left: the true gradient and two mini-batch gradients at batch size B drawn by the engine (seeds 1
 * and 2). Right: mean cosine similarity of independent pairs against B, measured (dots) and the
 * ratio-of-expectations prediction (line).
 */
export function NoiseCosine() {
  const [bi, setBi] = useState(2);
  const B = BATCHES[bi]!;
  const g = useMemo(trueGradient, []);
  const gSq = g[0] * g[0] + g[1] * g[1];
  const curve = useMemo(() => BATCHES.map((b) => ({ b, rho: predictedCosine(gSq, COS_STD, b), m: measuredCosine(BOWL, COS_POINT, COS_STD, b, COS_PAIRS) })), [gSq]);
  const pair = useMemo(() => [1, 2].map((seed) => noisyGradients(BOWL, COS_POINT, COS_STD, B, seed, 1)), [B]);
  const cos = cosine(pair[0]![0]!, pair[0]![1]!, pair[1]![0]!, pair[1]![1]!);
  const reach = Math.max(Math.hypot(g[0], g[1]), ...pair.map((p) => Math.hypot(p[0]!, p[1]!)));
  const s = (A / 2 - 26) / reach;
  const x = scaleLog().domain([1, 1024]).range([P.l, W - P.r]);
  const y = scaleLinear().domain([-0.05, 1]).range([H - P.b, P.t]);
  const d = line<number>().digits(1).x((b) => x(b)).y((b) => y(predictedCosine(gSq, COS_STD, b)))(
    Array.from({ length: 61 }, (_, i) => 2 ** (i / 6)),
  ) ?? '';
  const here = curve[bi]!;
  const arrowsLabel = `At w = (${fmt(COS_POINT[0])}, ${fmt(COS_POINT[1])}) the true gradient has length ${fmt(Math.sqrt(gSq))}; two mini-batch gradients drawn by the engine with B = ${B} have lengths ${fmt(Math.hypot(pair[0]![0]!, pair[0]![1]!))} and ${fmt(Math.hypot(pair[1]![0]!, pair[1]![1]!))} and cosine similarity ${fmt(cos)}.`;
  const plotLabel = `Mean cosine similarity of two mini-batch gradients against batch size B from 1 to 1024 (log scale), over ${COS_PAIRS} engine-drawn pairs: ${curve.map((c) => `B = ${c.b}: measured ${fmt(c.m, 2)}, predicted ${fmt(c.rho, 2)}`).join('; ')}.`;
  return (
    <figure className="noise-fig">
      <label className="noise-slider">
        <span>Batch size B = <strong>{B}</strong></span>
        <input type="range" min={0} max={BATCHES.length - 1} step={1} value={bi} aria-valuetext={`B = ${B}`} onChange={(e) => setBi(Number(e.target.value))} />
      </label>
      <div className="noise-row">
        <svg viewBox={`0 0 ${A} ${A}`} width={A} role="img" aria-label={arrowsLabel}>
          <rect x={0.5} y={0.5} width={A - 1} height={A - 1} fill="#fff" stroke="#d5d8e4" />
          <Arrow x={g[0]} y={g[1]} s={s} color={INK} label="∇f" />
          <Arrow x={pair[0]![0]!} y={pair[0]![1]!} s={s} color={runColor(0)} label="g̃₁" />
          <Arrow x={pair[1]![0]!} y={pair[1]![1]!} s={s} color={runColor(1)} dash="5 3" label="g̃₂" />
          <text x={6} y={A - 8} fontSize={12} fill={INK}>cos(g̃₁, g̃₂) = {fmt(cos, 2)}</text>
        </svg>
        <svg viewBox={`0 0 ${W} ${H}`} width={W} role="img" aria-label={plotLabel}>
          <rect x={0.5} y={0.5} width={W - 1} height={H - 1} fill="#fff" stroke="#d5d8e4" />
          <line x1={P.l} x2={W - P.r} y1={H - P.b} y2={H - P.b} stroke={INK} />
          <line x1={P.l} x2={P.l} y1={P.t} y2={H - P.b} stroke={INK} />
          {[1, 8, 64, 512].map((b) => <text key={b} x={x(b)} y={H - P.b + 13} fontSize={10} textAnchor="middle" fill={INK}>{b}</text>)}
          {[0, 0.5, 1].map((t) => <text key={t} x={P.l - 4} y={y(t) + 3} fontSize={10} textAnchor="end" fill={INK}>{t}</text>)}
          <text x={(P.l + W - P.r) / 2} y={H - 3} fontSize={11} textAnchor="middle" fill={INK}>batch size B (log scale)</text>
          <text x={11} y={(P.t + H - P.b) / 2} fontSize={11} textAnchor="middle" fill={INK} transform={`rotate(-90 11 ${(P.t + H - P.b) / 2})`}>mean cos</text>
          <line x1={x(B)} x2={x(B)} y1={P.t} y2={H - P.b} stroke="#9aa0b4" strokeDasharray="2 3" />
          <path d={d} fill="none" stroke={runColor(1)} strokeWidth={2} strokeDasharray="6 3" />
          {curve.map((c) => <circle key={c.b} cx={x(c.b)} cy={y(c.m)} r={c.b === B ? 5 : 3.5} fill={runColor(0)} stroke={INK} strokeWidth={c.b === B ? 1.5 : 0.5} />)}
        </svg>
      </div>
      <figcaption>
        <span className="noise-key"><span className="noise-swatch dashed" style={{ borderColor: runColor(1) }} />predicted ρ(B) (ratio of expectations)</span>
        <span className="noise-key">● measured mean over {COS_PAIRS} pairs</span>
        At B = {B}: measured {fmt(here.m, 3)}, predicted {fmt(here.rho, 3)}.
      </figcaption>
    </figure>
  );
}
