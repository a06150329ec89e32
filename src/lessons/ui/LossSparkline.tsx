import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { useMemo } from 'react';
import { describeNonFinite, simulate, type RunSpec } from '../../engine';
import { fmt } from '../../ui/format';

const W = 180;
const H = 90;
const PAD = { l: 4, r: 4, t: 6, b: 14 };

/**
 * A small loss curve computed live by the engine from a run spec (log scale), with the step where
 * the run went non-finite marked and labelled.
 */
export function LossSparkline({ spec, title, color = '#0072B2' }: { spec: RunSpec; title: string; color?: string }) {
  const view = useMemo(() => {
    const r = simulate(spec);
    const finite = Array.from(r.loss).filter((v) => Number.isFinite(v) && v > 0);
    const lo = Math.min(...finite, 1);
    const hi = Math.max(...finite, lo * 10);
    const y = scaleLog().domain([lo, hi]).range([H - PAD.b, PAD.t]).clamp(true);
    const x = scaleLinear().domain([0, spec.steps]).range([PAD.l, W - PAD.r]);
    const d = line<number>().digits(1).defined((v) => Number.isFinite(v) && v > 0).x((_, k) => x(k)).y((v) => y(v))(Array.from(r.loss)) ?? '';
    const stop = r.nonFinite ? { x: x(r.nonFinite.step), text: `${Number.isNaN(r.nonFinite.value) ? 'NaN' : '∞'} at step ${r.nonFinite.step}` } : null;
    const summary = r.nonFinite
      ? `${title}: the loss rises from ${fmt(r.loss[0]!)} until ${describeNonFinite(r.nonFinite)}`
      : `${title}: the loss goes from ${fmt(r.loss[0]!)} to ${fmt(r.loss[r.length - 1]!)} in ${spec.steps} steps`;
    return { d, stop, summary };
  }, [spec, title]);
  return (
    <figure className="sparkline">
      <svg width={W} height={H} role="img" aria-label={view.summary}>
        <rect x={0.5} y={0.5} width={W - 1} height={H - 1} fill="#fff" stroke="#d5d8e4" />
        <path d={view.d} fill="none" stroke={color} strokeWidth={1.6} />
        {view.stop && (
          <g>
            <line x1={view.stop.x} x2={view.stop.x} y1={PAD.t} y2={H - PAD.b} stroke="#b3261e" strokeDasharray="3 2" />
            <text x={Math.min(view.stop.x, W - 70)} y={H - 3} fontSize={10} fill="#8a1c13">{view.stop.text}</text>
          </g>
        )}
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  );
}
