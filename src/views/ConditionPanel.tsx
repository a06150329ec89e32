import { useId } from 'react';
import { useLabState } from '../state/context';
import { fmt } from '../ui/format';
import { ConditionRow } from './condition/ConditionRow';
import './condition/condition.css';

/**
 * The stability condition α < bound for every run, live as α or λ changes, with the regime each
 * run is in and the per-step factor of its worst direction.
 */
export function ConditionPanel() {
  const results = useLabState((s) => s.results);
  const surfaceKind = useLabState((s) => s.doc.surface.kind);
  const headingId = useId();
  const c = results[0]?.report.curvature;
  return (
    <section className="panel condition" aria-labelledby={headingId}>
      <div className="condition-head">
        <h2 id={headingId}>Stability condition</h2>
        {c ? (
          <p className="condition-curvature">
            {surfaceKind === 'quadratic' ? '' : `Curvature at (${fmt(c.at[0], 3)}, ${fmt(c.at[1], 3)}) — it differs elsewhere: `}
            λ<sub>max</sub> = {fmt(c.lambdaMax, 4)} · λ<sub>min</sub> = {fmt(c.lambdaMin, 4)}
            {c.lambdaMin > 0 ? <> · κ = {fmt(c.kappa, 4)}</> : null}
          </p>
        ) : null}
      </div>
      <ul className="condition-list">
        {results.map((r) => <ConditionRow key={r.id} result={r} />)}
      </ul>
    </section>
  );
}
