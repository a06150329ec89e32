import { scaleLinear } from 'd3-scale';
import { useId, useState } from 'react';
import { runColor } from '../../state/doc';
import { fmt } from '../../ui/format';
import { useBasinsHistograms } from './basins-compute';
import { BIG_LR, NAMES, PEAKS, SCHEDULE_LABELS, SEED, SMALL_LR, STARTS, SURFACE, type ScheduleKind } from './basins-presets';
import './basins.css';

const INK = '#1b1f3a';
const W = 420, H = 230, P = { l: 40, r: 10, t: 16, b: 40 };
const pct = (c: number) => `${fmt((100 * c) / STARTS, 3)}%`;

export interface HistogramSettings { seed: number; lr: number; kind: ScheduleKind; noisy: boolean }

/**
 * Where runs end, over the same seeded starts: the start's own basin, the small-α run's end basin
 * and the large-α run's end basin under the chosen schedule. Recomputed by the engine on change.
 */
export function BasinsHistogram({ value, onChange }: { value: HistogramSettings; onChange: (s: HistogramSettings) => void }) {
  const id = useId();
  const hatch = `basins-hatch-${id.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const { seed, lr, kind, noisy } = value;
  const [seedText, setSeedText] = useState(String(seed));
  // 1500 runs: computed in a Web Worker, so the page stays responsive while the settings change.
  const h = useBasinsHistograms(seed, lr, kind, noisy);
  const groups = SURFACE.minima.map((m, i) => ({
    name: NAMES[i]!, value: m.value,
    bars: h ? [h.small.startCounts[i]!, h.small.smallCounts[i]!, h.large.counts[i]!] : [0, 0, 0],
  }));
  const max = Math.max(1, ...groups.flatMap((g) => g.bars));
  const y = scaleLinear().domain([0, max * 1.15]).range([H - P.b, P.t]);
  const gw = (W - P.l - P.r) / groups.length, bw = gw / 4;
  const series = ['start basin', `α = ${SMALL_LR}, constant`, `α₀ = ${lr}, ${kind === 'constant' ? 'constant' : kind === 'cosine' ? 'cosine' : 'warm restarts'}${noisy ? ' + noise' : ''}`];
  const fill = [`url(#${hatch})`, runColor(0), runColor(1)];
  const summary = !h ? `Bar chart of the basin each of ${STARTS} seeded runs ends in (seed ${seed}): computing.` : `Bar chart of the basin each of ${STARTS} seeded runs ends in (seed ${seed}). ${groups.map((g) => `${g.name} (loss ${fmt(g.value)}): ${series.map((s, k) => `${s} ${pct(g.bars[k]!)}`).join(', ')}`).join('. ')}.`;
  const commitSeed = (t: string) => {
    setSeedText(t);
    const n = Number(t);
    if (Number.isInteger(n) && n >= 0 && n <= 9999) onChange({ ...value, seed: n });
  };
  return (
    <figure className="basins-fig">
      <div className="basins-controls">
        <label htmlFor={`${id}-k`}>Schedule</label>
        <select id={`${id}-k`} value={kind} onChange={(e) => onChange({ ...value, kind: e.target.value as ScheduleKind })}>
          {(Object.keys(SCHEDULE_LABELS) as ScheduleKind[]).map((k) => <option key={k} value={k}>{SCHEDULE_LABELS[k]}</option>)}
        </select>
        <label htmlFor={`${id}-a`}>peak α₀</label>
        <select id={`${id}-a`} value={lr} onChange={(e) => onChange({ ...value, lr: Number(e.target.value) })}>
          {PEAKS.map((a) => <option key={a} value={a}>{a}</option>)}
        </select>
        <label><input type="checkbox" checked={noisy} onChange={(e) => onChange({ ...value, noisy: e.target.checked })} /> gradient noise</label>
        <label htmlFor={`${id}-s`}>seed</label>
        <input id={`${id}-s`} type="number" min={0} max={9999} step={1} value={seedText} onChange={(e) => commitSeed(e.target.value)} className="basins-seed" />
      </div>
      <svg viewBox={`0 0 ${W} ${H}`} className="basins-hist" role="img" aria-label={summary} aria-busy={h ? undefined : true}>
        <defs>
          <pattern id={hatch} width={6} height={6} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width={6} height={6} fill="#eef0f5" />
            <line x1={0} y1={0} x2={0} y2={6} stroke="#6b7186" strokeWidth={2} />
          </pattern>
        </defs>
        <rect x={0.5} y={0.5} width={W - 1} height={H - 1} fill="#fff" stroke="#d5d8e4" />
        <line x1={P.l} x2={W - P.r} y1={H - P.b} y2={H - P.b} stroke={INK} />
        {y.ticks(4).map((t) => (
          <g key={t}>
            <line x1={P.l} x2={W - P.r} y1={y(t)} y2={y(t)} stroke="#eceef4" />
            <text x={P.l - 4} y={y(t) + 3} fontSize={10} textAnchor="end" fill={INK}>{t}</text>
          </g>
        ))}
        <text x={11} y={(P.t + H - P.b) / 2} fontSize={11} textAnchor="middle" fill={INK} transform={`rotate(-90 11 ${(P.t + H - P.b) / 2})`}>runs</text>
        {groups.map((g, i) => (
          <g key={g.name}>
            {g.bars.map((c, k) => {
              const x0 = P.l + i * gw + bw * (0.5 + k);
              return (
                <g key={k}>
                  <rect x={x0} y={y(c)} width={bw - 3} height={H - P.b - y(c)} fill={fill[k]} stroke={INK} strokeWidth={0.8} />
                  <text x={x0 + (bw - 3) / 2} y={y(c) - 3} fontSize={9.5} textAnchor="middle" fill={INK}>{c}</text>
                </g>
              );
            })}
            <text x={P.l + (i + 0.5) * gw} y={H - P.b + 14} fontSize={12} fontWeight={600} textAnchor="middle" fill={INK}>{g.name}</text>
            <text x={P.l + (i + 0.5) * gw} y={H - P.b + 27} fontSize={10} textAnchor="middle" fill={INK}>loss {fmt(g.value)}</text>
          </g>
        ))}
      </svg>
      <figcaption>
        {series.map((s, k) => (
          <span key={s} className="basins-key"><span className={`basins-chip${k === 0 ? ' hatch' : ''}`} style={k ? { background: fill[k] } : undefined} />{['left', 'middle', 'right'][k]}: {s}</span>
        ))}
        <br />
        {STARTS} starts drawn uniformly in the square (seed {seed}).{' '}
        {h ? (
          <>
            The small-α runs end in the basin they start in for{' '}
            {fmt(100 * h.small.same, 4)}% of them (mean final loss {fmt(h.small.meanLoss)}); the runs with α₀ = {lr} end in A for{' '}
            {pct(h.large.counts[0]!)} against {pct(h.small.startCounts[0]!)} of starts in A’s basin (mean final loss{' '}
            {fmt(h.large.meanLoss)}{h.large.none ? `; ${h.large.none} runs ended in no basin` : ''}). Moving every start
            by 10⁻¹² changes the end basin of {h.moved} of these {STARTS} runs, while A’s count goes from {h.large.counts[0]} to{' '}
            {h.nudgedA}.{' '}
            <span className="hint">{3 * STARTS} runs computed in {fmt(h.ms, 2)} ms in a background worker.</span>
          </>
        ) : <span className="hint" role="status">Running {3 * STARTS} runs in a background worker…</span>}
      </figcaption>
    </figure>
  );
}

export const DEFAULT_HISTOGRAM: HistogramSettings = { seed: SEED, lr: BIG_LR, kind: 'cosine', noisy: false };
