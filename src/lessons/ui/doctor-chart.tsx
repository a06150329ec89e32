import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { useMemo } from 'react';
import { describeNonFinite, type SimResult } from '../../engine';
import { runColor } from '../../state/doc';
import { fmt } from '../../ui/format';

const W = 460;
const H = 170;
const PAD = { l: 50, r: 10, t: 10, b: 28 };

/** Up to five powers of ten spanning [lo, hi] (log axes over many decades stay readable). */
function decades(lo: number, hi: number): number[] {
  const a = Math.floor(Math.log10(lo));
  const b = Math.ceil(Math.log10(hi));
  const step = Math.max(1, Math.ceil((b - a) / 4));
  const out: number[] = [];
  for (let e = a; e <= b; e += step) out.push(10 ** e);
  return out;
}

interface Panel {
  path: string;
  ticks: { y: number; label: string }[];
}

function panel(values: Float64Array, n: number, x: (k: number) => number): Panel {
  const finite = Array.from(values.subarray(0, n)).filter((v) => Number.isFinite(v) && v > 0);
  const lo = finite.length ? Math.min(...finite) : 1;
  const hi = finite.length ? Math.max(...finite) : 10;
  const y = scaleLog().domain([lo / 2, Math.max(hi * 2, lo * 10)]).range([H - PAD.b, PAD.t]).clamp(true);
  const path = line<number>().digits(1).defined((v) => Number.isFinite(v) && v > 0).x((_, k) => x(k)).y((v) => y(v))(Array.from(values.subarray(0, n))) ?? '';
  const ticks = decades(y.domain()[0]!, y.domain()[1]!).filter((t) => t >= y.domain()[0]! && t <= y.domain()[1]!).map((t) => ({ y: y(t), label: fmt(t, 1) }));
  return { path, ticks };
}

/** In words, what the curve shows (the figure's text alternative), from the run itself. */
export function describeRun(r: SimResult): string {
  const n = r.length;
  const start = `The loss starts at ${fmt(r.loss[0]!)}`;
  if (r.nonFinite) {
    const k = r.nonFinite.step;
    return `${start}, is ${fmt(r.loss[Math.max(0, k - 1)]!)} at step ${Math.max(0, k - 1)}, and the run stops: ${describeNonFinite(r.nonFinite)}.`;
  }
  let peak = 0;
  for (let k = 1; k < n; k++) if (r.loss[k]! > r.loss[peak]!) peak = k;
  const top = peak > 0 ? `; its highest value after the start is ${fmt(r.loss[peak]!)} at step ${peak}` : '';
  return `${start} and ends at ${fmt(r.loss[n - 1]!)} after ${n - 1} steps${top}.`;
}

/**
 * A case's loss curve (log scale) and, on request, its gradient-norm curve: what a practitioner
 * sees on a dashboard. A run that stopped on NaN/∞ is marked where it stopped.
 */
export function DoctorChart({ result, showGrad, label }: { result: SimResult; showGrad: boolean; label: string }) {
  const view = useMemo(() => {
    const n = result.length;
    const last = Math.max(n - 1, 10);
    const x = scaleLinear().domain([0, last]).range([PAD.l, W - PAD.r]);
    const stop = result.nonFinite
      ? { x: x(result.nonFinite.step), text: `${Number.isNaN(result.nonFinite.value) ? 'NaN' : '∞'} at step ${result.nonFinite.step}` }
      : null;
    return { x, loss: panel(result.loss, n, x), grad: panel(result.gradNorm, n, x), stop, xTicks: x.ticks(5) };
  }, [result]);
  const frame = (p: Panel, name: string, color: string, aria: string) => (
    <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={aria}>
      <rect x={PAD.l} y={PAD.t} width={W - PAD.l - PAD.r} height={H - PAD.t - PAD.b} fill="#fff" stroke="#d5d8e4" />
      {p.ticks.map((t) => (
        <g key={t.label}>
          <line x1={PAD.l - 4} x2={PAD.l} y1={t.y} y2={t.y} stroke="#555" />
          <text x={PAD.l - 6} y={t.y + 3} fontSize={10} textAnchor="end" fill="#333">{t.label}</text>
        </g>
      ))}
      {view.xTicks.map((t) => (
        <text key={t} x={view.x(t)} y={H - PAD.b + 13} fontSize={10} textAnchor="middle" fill="#333">{t}</text>
      ))}
      <text x={(PAD.l + W - PAD.r) / 2} y={H - 3} fontSize={10} textAnchor="middle" fill="#333">step</text>
      <text x={11} y={PAD.t + 4} fontSize={10} fill="#333" transform={`rotate(-90 11 ${PAD.t + 4})`} textAnchor="end">{name} (log)</text>
      <path d={p.path} fill="none" stroke={color} strokeWidth={1.6} />
      {view.stop && (
        <g>
          <line x1={view.stop.x} x2={view.stop.x} y1={PAD.t} y2={H - PAD.b} stroke="#b3261e" strokeDasharray="3 2" />
          <text x={Math.max(PAD.l + 4, Math.min(view.stop.x - 4, W - PAD.r - 80))} y={PAD.t + 12} fontSize={10} fill="#8a1c13" textAnchor="start">{view.stop.text}</text>
        </g>
      )}
    </svg>
  );
  const g = result.gradNorm;
  const gEnd = result.nonFinite ? result.nonFinite.step : result.length - 1;
  let gPeak = 0;
  for (let k = 0; k <= gEnd; k++) if (Number.isFinite(g[k]!) && g[k]! > g[gPeak]!) gPeak = k;
  return (
    <figure className="doctor-chart">
      {frame(view.loss, 'loss', runColor(0), `${label}: loss per step, log scale. ${describeRun(result)}`)}
      {showGrad && frame(view.grad, '‖g‖', runColor(1),
        `Gradient norm per step, log scale: ${fmt(g[0]!)} at the start, largest finite value ${fmt(g[gPeak]!)} at step ${gPeak}, ${fmt(g[gEnd]!)} at step ${gEnd}.`)}
      <figcaption>{describeRun(result)}</figcaption>
    </figure>
  );
}
