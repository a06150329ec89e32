import { BOWL, HOVER_STEPS } from '../../engine/analysis/adam-sweeps';
import { fmt, fmtPlain, fmtSig } from '../../ui/format';
import { fateText, hoverData } from './adam-data';
import './adam.css';

const LAMBDA_MAX = Math.max(...BOWL.eigenvalues);

/**
 * GD and Adam at the same α on the bowl, past and below 2/λmax: GD's fate, and Adam's late-time
 * distance to the minimum, that distance over α, and its largest single step over α (engine runs).
 */
export function HoverTable() {
  const rows = hoverData();
  return (
    <div className="adam-table-wrap" tabIndex={0} role="region" aria-label="Adam and GD at growing α on the bowl">
      <table className="adam-table">
        <caption>
          Engine runs of {HOVER_STEPS.toLocaleString('en')} steps on the bowl (2/λmax = {fmtPlain(2 / LAMBDA_MAX)}). “Late”: Adam’s largest
          distance to the minimum over the last quarter; “max step”: its largest move of one coordinate in one step.
        </caption>
        <thead>
          <tr>
            <th scope="col">α</th><th scope="col">× 2/λmax</th><th scope="col">GD</th>
            <th scope="col">Adam, late</th><th scope="col">late ÷ α</th><th scope="col">max step ÷ α</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.lr}>
              <th scope="row">{fmt(r.lr)}</th>
              <td>{fmt((r.lr * LAMBDA_MAX) / 2)}</td>
              <td className="adam-wrap">{r.gd.verdict === 'converges' ? 'settles' : fateText(r.gd)}</td>
              <td>{r.adam.verdict === 'hovers' ? fmt(r.adam.late) : fateText(r.adam)}</td>
              <td>{fmtSig(r.adam.late / r.lr, 2)}</td>
              <td>{fmtSig(r.adam.largest / r.lr, 3)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
