import { scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { useId, useMemo } from 'react';
import { runColor } from '../../state/doc';
import { fmt } from '../../ui/format';
import { finderFacts, KAPPAS, LAMBDAS } from './finder-presets';
import './finder.css';

const INK = '#1b1f3a';
const W = 460, H = 260, P = { l: 52, r: 12, t: 14, b: 34 };
const SUP = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const decade = (e: number) => (e >= -2 && e <= 1 ? fmt(10 ** e) : `10${e < 0 ? '⁻' : ''}${String(Math.abs(e)).split('').map((d) => SUP[Number(d)]).join('')}`);

export interface SweepSettings { lambdaMax: number; kappa: number; noisy: boolean }

/** The settings row: λmax, κ and mini-batch noise, each a labelled native control. */
export function SweepControls({ value, onChange }: { value: SweepSettings; onChange: (s: SweepSettings) => void }) {
  const id = useId();
  return (
    <div className="finder-controls">
      <label htmlFor={`${id}-l`}>λmax</label>
      <select id={`${id}-l`} value={value.lambdaMax} onChange={(e) => onChange({ ...value, lambdaMax: Number(e.target.value) })}>
        {LAMBDAS.map((l) => <option key={l} value={l}>{l} (2/λmax = {fmt(2 / l)})</option>)}
      </select>
      <label htmlFor={`${id}-k`}>κ = λmax/λmin</label>
      <select id={`${id}-k`} value={value.kappa} onChange={(e) => onChange({ ...value, kappa: Number(e.target.value) })}>
        {KAPPAS.map((k) => <option key={k} value={k}>{k}</option>)}
      </select>
      <label><input type="checkbox" checked={value.noisy} onChange={(e) => onChange({ ...value, noisy: e.target.checked })} /> mini-batch noise (B = 16)</label>
    </div>
  );
}

/**
 * The LR finder's curve as fastai draws it — loss against α on a log axis — computed live: the raw
 * loss of each iteration, the Recorder's smoothed loss, the sharp direction's part of the loss,
 * the line 2/λmax, the two suggestions and the point where stop_div ended the sweep.
 */
export function FinderSweep({ settings }: { settings: SweepSettings }) {
  const { lambdaMax, kappa, noisy } = settings;
  const v = useMemo(() => {
    const f = finderFacts(lambdaMax, kappa, noisy);
    const n = f.sweep.lrs.length;
    const series = [f.sweep.raw, f.sweep.smooth, Array.from(f.sharp.subarray(0, n))];
    const pos = series.flat().filter((t) => Number.isFinite(t) && t > 0);
    const hi = Math.max(...pos) * 2;
    const lo = Math.max(Math.min(...pos) / 2, hi * 1e-16);
    const x = scaleLog().domain([1e-7, 10]).range([P.l, W - P.r]);
    const y = scaleLog().domain([lo, hi]).range([H - P.b, P.t]).clamp(true);
    const path = (a: readonly number[]) => line<number>().digits(1).defined((t) => Number.isFinite(t) && t > 0).x((_, i) => x(f.sweep.lrs[i]!)).y((t) => y(t))(a) ?? '';
    const yTicks = y.ticks().filter((t) => Math.abs(Math.log10(t) - Math.round(Math.log10(t))) < 1e-9);
    const step = Math.max(1, Math.ceil(yTicks.length / 5));
    return { f, x, y, raw: path(f.sweep.raw), smooth: path(f.sweep.smooth), sharp: path(series[2]!), yTicks: yTicks.filter((_, i) => i % step === 0) };
  }, [lambdaMax, kappa, noisy]);
  const { f, x, y } = v;
  const at = (i: number) => ({ cx: x(f.sweep.lrs[i]!), cy: y(f.sweep.smooth[i]!) });
  const m = at(f.picks.minimum.index), s = at(f.picks.steep.index), stop = at(f.stop.index);
  const bx = x(f.boundary);
  const stopText = f.stop.reason === 'diverged'
    ? `the smoothed loss passed 4× its best at α = ${fmt(f.stop.lr)}, ${fmt(f.stop.ratio)} × 2/λmax, and the sweep stopped`
    : f.stop.reason === 'nonFinite' ? `the loss overflowed at iteration ${f.sweep.stopIndex}` : `the sweep reached its last rate α = ${fmt(f.stop.lr)} without stopping`;
  const summary = `Loss against learning rate α from 10⁻⁷ to 10, both on log scales, for λmax = ${lambdaMax}, κ = ${kappa}${noisy ? ', with mini-batch noise' : ''}. 2/λmax = ${fmt(f.boundary)}. ${stopText}. Minimum of the smoothed loss at α = ${fmt(f.picks.minimum.lr * 10)}, so the 'minimum' suggestion is ${fmt(f.picks.minimum.lr)} (${fmt(f.picks.minimum.lr / f.boundary)} × 2/λmax); the 'steep' suggestion is ${fmt(f.picks.steep.lr)} (${fmt(f.picks.steep.lr / f.boundary)} × 2/λmax).`;
  return (
    <figure className="finder-fig">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary}>
        <rect x={0.5} y={0.5} width={W - 1} height={H - 1} fill="#fff" stroke="#d5d8e4" />
        {v.yTicks.map((t) => (
          <g key={t}>
            <line x1={P.l} x2={W - P.r} y1={y(t)} y2={y(t)} stroke="#eceef4" />
            <text x={P.l - 4} y={y(t) + 3} fontSize={10} textAnchor="end" fill={INK}>{decade(Math.round(Math.log10(t)))}</text>
          </g>
        ))}
        <line x1={P.l} x2={W - P.r} y1={H - P.b} y2={H - P.b} stroke={INK} />
        <line x1={P.l} x2={P.l} y1={P.t} y2={H - P.b} stroke={INK} />
        {[-7, -5, -3, -1, 1].map((e) => <text key={e} x={x(10 ** e)} y={H - P.b + 13} fontSize={10} textAnchor="middle" fill={INK}>{decade(e)}</text>)}
        <text x={(P.l + W - P.r) / 2} y={H - 3} fontSize={11} textAnchor="middle" fill={INK}>learning rate α (log scale)</text>
        <text x={11} y={(P.t + H - P.b) / 2} fontSize={11} textAnchor="middle" fill={INK} transform={`rotate(-90 11 ${(P.t + H - P.b) / 2})`}>loss (log)</text>
        <line x1={bx} x2={bx} y1={P.t} y2={H - P.b} stroke={INK} strokeDasharray="4 3" />
        <text x={bx - 4} y={P.t + 10} fontSize={11} textAnchor="end" fill={INK}>2/λmax</text>
        <path d={v.sharp} fill="none" stroke={runColor(2)} strokeWidth={1.6} strokeDasharray="2 3" />
        <path d={v.raw} fill="none" stroke={runColor(0)} strokeWidth={1.2} />
        <path d={v.smooth} fill="none" stroke={runColor(1)} strokeWidth={2.6} />
        <circle cx={m.cx} cy={m.cy} r={5} fill="#fff" stroke={INK} strokeWidth={1.6} />
        <text x={m.cx} y={m.cy + 17} fontSize={10} textAnchor="middle" fill={INK}>min</text>
        <line x1={x(f.picks.minimum.lr)} x2={x(f.picks.minimum.lr)} y1={H - P.b} y2={H - P.b - 9} stroke={INK} strokeWidth={2} />
        <text x={x(f.picks.minimum.lr)} y={H - P.b - 12} fontSize={10} textAnchor="middle" fill={INK}>min/10</text>
        <polygon points={`${s.cx},${s.cy - 6} ${s.cx - 5},${s.cy + 4} ${s.cx + 5},${s.cy + 4}`} fill="#fff" stroke={INK} strokeWidth={1.6} />
        <text x={s.cx - 7} y={s.cy - 6} fontSize={10} textAnchor="end" fill={INK}>steep</text>
        <text x={stop.cx} y={stop.cy + 4} fontSize={13} textAnchor="middle" fill={INK}>✕</text>
        <text x={Math.min(stop.cx + 6, W - P.r - 2)} y={stop.cy - 6} fontSize={10} textAnchor={stop.cx > W - 70 ? 'end' : 'start'} fill={INK}>stop</text>
      </svg>
      <figcaption>
        <span className="finder-key"><span className="finder-swatch thin" style={{ borderColor: runColor(0) }} />raw loss f(wᵢ)</span>
        <span className="finder-key"><span className="finder-swatch" style={{ borderColor: runColor(1) }} />smoothed (what fastai plots)</span>
        <span className="finder-key"><span className="finder-swatch dotted" style={{ borderColor: runColor(2) }} />sharp direction’s part ½λmax·e²</span>
        <br />
        ○ the smoothed minimum; the tick on the axis is min/10 = {fmt(f.picks.minimum.lr)}; △ steep = {fmt(f.picks.steep.lr)}; ✕ where {stopText}.
      </figcaption>
    </figure>
  );
}
