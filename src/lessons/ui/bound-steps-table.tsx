import { useId, useMemo } from 'react';
import { kappaRow, SHRINK } from '../../engine/analysis/bound-factors';
import { fmt, fmtPlainApart } from '../../ui/format';
import './bound.css';

/** The conditionings the table runs: κ = 1, 10, …, 10⁴. */
export const KAPPAS = [1, 10, 100, 1000, 10_000] as const;


/**
 * Steps gradient descent needs at its best α to shrink the distance to the minimum by 10⁻³, for
 * λ = 1 and κ: the closed form beside the count the engine measures by running it (live).
 */
export function StepsTable() {
  const rows = useMemo(() => KAPPAS.map((k) => kappaRow(k)), []);
  const note = useId();
  // The wrapper scrolls sideways on narrow screens, so it is focusable for keyboard users.
  return (
    <>
      <div className="bound-table-wrap" tabIndex={0} role="region" aria-label="Steps to shrink the error by 10⁻³, by condition number">
        <table className="bound-table" aria-describedby={note}>
          <caption className="visually-hidden">Steps gradient descent needs at α* to shrink the error by 10⁻³, formula and engine</caption>
          <thead>
            <tr>
              <th scope="col">κ</th>
              <th scope="col">rate (κ−1)/(κ+1)</th>
              <th scope="col">rate, engine</th>
              <th scope="col">steps, formula</th>
              <th scope="col">steps, engine</th>
              <th scope="col">≈ (κ/2)·ln 10³</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.kappa}>
                <th scope="row">{r.kappa.toLocaleString('en')}</th>
                <td>{r.rate === 0 ? '0' : fmtPlainApart(r.rate, 1, 4)}</td>
                <td>{r.measuredRate < 1e-12 ? '≈ 0' : fmtPlainApart(r.measuredRate, 1, 4)}</td>
                <td>{r.closedForm.toLocaleString('en')}</td>
                <td>{r.measured.toLocaleString('en')}</td>
                <td>{r.estimate.toLocaleString('en', { maximumFractionDigits: 1 })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="bound-note" id={note}>
        Gradient descent at α* on λ = 1 and κ: steps until the distance to the minimum is {fmt(SHRINK)} of where it started
        (“formula” is ⌈ln 10⁻³ / ln rate⌉). Every number is computed now; the “engine” columns come from actually running it.
      </p>
    </>
  );
}
