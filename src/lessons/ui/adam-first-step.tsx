import { fmt } from '../../ui/format';
import { firstStepData } from './adam-data';
import { FIRST_DOC, FIRST_LR } from './adam-presets';
import './adam.css';

const COLS = ['x', 'y'] as const;

/** Adam's first step from the bowl's start, as the engine took it, next to its closed form and GD's. */
export function FirstStepTable() {
  const s = firstStepData();
  const rows: { name: string; v: readonly [number, number]; digits?: number }[] = [
    { name: 'gradient g₀', v: s.g },
    { name: 'Adam’s step w₁ − w₀ (engine)', v: s.engine, digits: 9 },
    { name: '−α·g₀/(|g₀| + ε)', v: s.formula, digits: 9 },
    { name: 'engine − closed form', v: [s.engine[0] - s.formula[0], s.engine[1] - s.formula[1]], digits: 3 },
    { name: '−α·sign(g₀)', v: s.sign },
    { name: 'engine − (−α·sign(g₀))', v: [s.engine[0] - s.sign[0], s.engine[1] - s.sign[1]], digits: 3 },
    { name: 'GD’s step −α·g₀', v: s.gd },
  ];
  return (
    <div className="adam-table-wrap" tabIndex={0} role="region" aria-label={`Adam’s first step at α = ${FIRST_LR}`}>
      <table className="adam-table">
        <caption>
          Adam’s first step at α = {FIRST_LR} from ({FIRST_DOC.start.map((x) => fmt(x)).join(', ')}), computed now by the engine.
        </caption>
        <thead>
          <tr><th scope="col"><span className="visually-hidden">quantity</span></th>{COLS.map((c) => <th scope="col" key={c}>{c}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name}><th scope="row">{r.name}</th>{r.v.map((x, i) => <td key={COLS[i]}>{fmt(x, r.digits ?? 6)}</td>)}</tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
