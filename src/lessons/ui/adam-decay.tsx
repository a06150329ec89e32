import { DECAY } from '../../engine/analysis/adam-sweeps';
import { fmt } from '../../ui/format';
import { decayData } from './adam-data';
import './adam.css';

/** Where GD + L2, Adam + L2 and AdamW end on the bowl with its minimum at c, against the closed forms. */
export function DecayTable() {
  const d = decayData();
  const c = DECAY.surface.center;
  const rows: { name: string; v: readonly [number, number] }[] = [
    { name: 'plain minimum c', v: c },
    { name: 'L2 minimum (H + wd·I)⁻¹Hc, closed form', v: d.l2Closed },
    { name: 'GD + L2 (engine)', v: d.gd },
    { name: 'Adam + L2 (engine)', v: d.adam },
    { name: 'AdamW (engine)', v: d.adamw },
    { name: 'AdamW predicted: (H + wd·diag(√v̂ + ε))⁻¹Hc', v: d.adamwPredicted },
    { name: 'AdamW’s √v̂ at that step', v: d.root },
  ];
  return (
    <div className="adam-table-wrap" tabIndex={0} role="region" aria-label="End points with weight decay">
      <table className="adam-table">
        <caption>
          After {DECAY.steps} steps, weight decay wd = {DECAY.wd}, Adam and AdamW at α = {DECAY.lr}, GD at α = {DECAY.gdLr}; bowl λ = {DECAY.surface.eigenvalues.join(' and ')} along
          the axes, minimum c = ({c.join(', ')}).
        </caption>
        <thead>
          <tr><th scope="col"><span className="visually-hidden">point</span></th><th scope="col">x</th><th scope="col">y</th></tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name}><th scope="row">{r.name}</th>{r.v.map((x, i) => <td key={i}>{fmt(x, 5)}</td>)}</tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
