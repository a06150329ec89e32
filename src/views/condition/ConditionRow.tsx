import { memo, useMemo, type CSSProperties } from 'react';
import { optimizerLabel, runColor } from '../../state/doc';
import type { RunResult } from '../../state/compute';
import { buildCondition, type Verdict } from './condition-text';
import { regimeText } from './regime-text';
import { Tex } from './Tex';

const VERDICT: Record<Exclude<Verdict, null>, { mark: string; text: string }> = {
  stable: { mark: '✓', text: 'stable' },
  unstable: { mark: '✗', text: 'unstable' },
  boundary: { mark: '=', text: 'on the boundary' },
};

/** One run's condition (KaTeX, numbers substituted), verdict, caveats and live regime line. */
export const ConditionRow = memo(function ConditionRow({ result }: { result: RunResult }) {
  const { spec, report } = result;
  const name = optimizerLabel(spec.optimizer);
  const condition = useMemo(
    () => buildCondition(report, spec.optimizer, name, spec),
    [report, spec, name],
  );
  const regime = regimeText({ regime: result.regime, nonFinite: result.nonFinite, sim: result.sim, prediction: report.prediction });
  const v = condition.verdict ? VERDICT[condition.verdict] : null;
  return (
    <li className={`condition-row${condition.verdict ? ` is-${condition.verdict}` : ''}`} style={{ '--run-color': runColor(result.index) } as CSSProperties}>
      <div className="condition-run">
        <span className="condition-dot" aria-hidden="true" />
        Run {result.index + 1} <span className="condition-name">· {name}</span>
      </div>
      <div className="condition-math">
        <Tex tex={condition.tex} plain={condition.plain} />
        {v ? (
          <span className="condition-verdict">
            <span aria-hidden="true">{v.mark}</span> {v.text}
          </span>
        ) : null}
      </div>
      {condition.notes.length ? (
        <ul className="condition-notes">
          {condition.notes.map((n) => <li key={n}>{n}</li>)}
        </ul>
      ) : null}
      <p role="status" className={`condition-regime regime-${result.nonFinite ? 'diverging' : result.regime}`} data-testid={`regime-${result.id}`}>
        {regime}
      </p>
    </li>
  );
});
