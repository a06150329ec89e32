import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { useId, useMemo } from 'react';
import { race, SHRINK, type Contender } from '../../engine/analysis/momentum-race';
import { runColor } from '../../state/doc';
import { fmt, fmtPlain } from '../../ui/format';
import { KAPPA } from './momentum-presets';
import './momentum.css';

const W = 420;
const H = 240;
const P = { l: 40, r: 12, t: 14, b: 34 };
const INK = '#1f2330';
const FLOOR = 1e-4;
const GD_COLOR = runColor(0);
const HB_COLOR = runColor(1);
const SUP = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** 10⁻³ and friends, for axis ticks. */
export const pow10 = (e: number) => (e === 0 ? '1' : `10${e < 0 ? '⁻' : ''}${String(Math.abs(e)).split('').map((d) => SUP[Number(d)]).join('')}`);

/** GD against heavy ball at κ = 100, from the engine (cached: it is the same every render). */
export function useRace(kappa = KAPPA) {
  return useMemo(() => race(kappa), [kappa]);
}

/**
 * The race drawn: the distance to the minimum (relative to the start, log scale) step by step for
 * both engine runs, heavy ball's rate ρᵏ alone for comparison, and the 10⁻³ finishing line.
 */
export function RaceFigure() {
  const { gd, hb } = useRace();
  const v = useMemo(() => {
    const last = gd.rel.length - 1;
    const top = Math.max(1.5, ...Array.from(hb.rel.subarray(0, 60))) * 1.2;
    const x = scaleLinear().domain([0, last]).range([P.l, W - P.r]);
    const y = scaleLog().domain([FLOOR, top]).range([H - P.b, P.t]).clamp(true);
    const path = (a: ArrayLike<number>) => line<number>().digits(1).defined((d) => d >= FLOOR).x((_, k) => x(k)).y((d) => y(d))(Array.from(a)) ?? '';
    const rateOnly = Array.from({ length: last + 1 }, (_, k) => hb.rate ** k);
    return { x, y, last, gdPath: path(gd.rel), hbPath: path(hb.rel), ratePath: path(rateOnly) };
  }, [gd, hb]);
  const { x, y } = v;
  const label = `The race at κ = ${KAPPA}, computed by the engine: distance to the minimum relative to the start, log scale, against the step. `
    + `Gradient descent at its best α falls in a straight line at ${fmtPlain(gd.rate, 4)} per step and stays below 10⁻³ from step ${gd.measured}. `
    + `Heavy ball at Polyak’s tuning first swings out, then falls steeply and stays below 10⁻³ from step ${hb.measured}; `
    + `its rate alone, ${fmtPlain(hb.rate, 4)} to the power k, would cross at step ${hb.rateCount}.`;
  return (
    <figure className="momentum-fig">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
        {[0, -1, -2, -3, -4].map((e) => (
          <g key={e}>
            <line x1={P.l} x2={W - P.r} y1={y(10 ** e)} y2={y(10 ** e)} stroke={e === -3 ? INK : '#e3e5ec'} strokeDasharray={e === -3 ? '5 3' : undefined} />
            <text x={P.l - 5} y={y(10 ** e) + 4} textAnchor="end" fontSize={11} fill={INK}>{pow10(e)}</text>
          </g>
        ))}
        {x.ticks(5).map((t) => (
          <text key={t} x={x(t)} y={H - P.b + 14} textAnchor="middle" fontSize={11} fill={INK}>{t}</text>
        ))}
        <line x1={P.l} x2={W - P.r} y1={H - P.b} y2={H - P.b} stroke={INK} />
        <text x={(P.l + W - P.r) / 2} y={H - 5} textAnchor="middle" fontSize={11} fill={INK}>step k</text>
        <path d={v.ratePath} fill="none" stroke="#6b7080" strokeWidth={1.5} strokeDasharray="1.5 3" />
        <path d={v.gdPath} fill="none" stroke={GD_COLOR} strokeWidth={2} />
        <path d={v.hbPath} fill="none" stroke={HB_COLOR} strokeWidth={2} strokeDasharray="6 3" />
        <Finish x={x(hb.rateCount)} y={y(SHRINK)} text={`ρᵏ ${hb.rateCount}`} anchor="end" round />
        <Finish x={x(hb.measured)} y={y(SHRINK)} text={`heavy ball ${hb.measured}`} />
        <Finish x={x(gd.measured)} y={y(SHRINK)} text={`GD ${gd.measured}`} anchor="end" />
      </svg>
      <ul className="momentum-legend" aria-hidden="true">
        <li><span className="momentum-swatch" style={{ borderTopColor: GD_COLOR }} />GD, α* (engine)</li>
        <li><span className="momentum-swatch dashed" style={{ borderTopColor: HB_COLOR }} />heavy ball, Polyak (engine)</li>
        <li><span className="momentum-swatch dotted" style={{ borderTopColor: '#6b7080' }} />ρᵏ with ρ = {fmtPlain(hb.rate, 4)}</li>
      </ul>
      <figcaption>
        ‖wₖ − c‖/‖w₀ − c‖ for the two runs of the race experiment; the dashed line is the finish at {fmt(SHRINK)}.
        GD’s curve is exactly ({fmtPlain(gd.rate, 4)})ᵏ: both its directions shrink by that factor.
      </figcaption>
    </figure>
  );
}

function Finish({ x, y, text, round = false, anchor = 'start' }: { x: number; y: number; text: string; round?: boolean; anchor?: 'start' | 'end' }) {
  return (
    <g>
      {round ? <circle cx={x} cy={y} r={3.5} fill="#fff" stroke={INK} strokeWidth={1.3} /> : <rect x={x - 3.5} y={y - 3.5} width={7} height={7} fill="#fff" stroke={INK} strokeWidth={1.3} />}
      <text x={x + (anchor === 'end' ? -5 : 5)} y={y + 15} textAnchor={anchor} fontSize={11} fill={INK}>{text}</text>
    </g>
  );
}

const ROWS: { name: string; value: (c: Contender) => string }[] = [
  { name: 'α', value: (c) => fmtPlain(c.lr, 4) },
  { name: 'β', value: (c) => (c.momentum === 0 ? '0' : fmtPlain(c.momentum, 4)) },
  { name: 'rate ρ per step', value: (c) => fmtPlain(c.rate, 4) },
  { name: 'steps from ρ alone', value: (c) => String(c.rateCount) },
  { name: 'steps, exact closed form', value: (c) => String(c.exactCount) },
  { name: 'steps, engine run', value: (c) => String(c.measured) },
];

/** The race in numbers: each contender's tuning, rate and three step counts. */
export function RaceTable() {
  const { gd, hb } = useRace();
  const note = useId();
  return (
    <>
      <div className="momentum-table-wrap" tabIndex={0} role="region" aria-label={`Steps to shrink the error 1000 times at κ = ${KAPPA}`}>
        <table className="momentum-table" aria-describedby={note}>
          <caption className="visually-hidden">GD against heavy ball at κ = {KAPPA}: tuning, rate, and steps to 10⁻³ three ways</caption>
          <thead>
            <tr><th scope="col"><span className="visually-hidden">quantity</span></th><th scope="col">GD at α*</th><th scope="col">heavy ball, Polyak</th></tr>
          </thead>
          <tbody>
            {ROWS.map((r) => (
              <tr key={r.name}><th scope="row">{r.name}</th><td>{r.value(gd)}</td><td>{r.value(hb)}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="momentum-note" id={note}>
        “Steps from ρ” is ⌈ln 10⁻³ / ln ρ⌉; “exact” is the first k after which the closed-form distance stays below
        10⁻³ of the start; “engine” is the same count read off an actual run. Speed-up: {fmtPlain(gd.rateCount / hb.rateCount, 3)}×
        by the rates, {fmtPlain(gd.measured / hb.measured, 3)}× measured.
      </p>
    </>
  );
}
