import { memo } from 'react';
import type { RunResult } from '../../state/compute';
import { interpolateCividis } from './colormap';
import { optimizerLabel, runColor } from '../../state/doc';
import { fmt } from '../../ui/format';
import type { LogScale } from './field';
import { nonFiniteLabel } from './track';
import { legendExtras } from './legend-extras';

const GRADIENT = `linear-gradient(to right, ${Array.from({ length: 11 }, (_, i) => interpolateCividis(i / 10)).join(', ')})`;

/** Run entries (colour swatch + optimizer + α, never colour alone) and the colour bar's scale. */
export const Legend = memo(function Legend({ results, scale }: { results: readonly RunResult[]; scale: LogScale | null }) {
  return (
    <div className="ls-legend">
      <ul className="ls-runs-legend" aria-label="Runs">
        {results.map((r) => {
          const extras = legendExtras(r.spec);
          return (
            <li key={r.id}>
              <svg width="26" height="12" aria-hidden="true" focusable="false">
                <line x1="1" y1="6" x2="25" y2="6" stroke={runColor(r.index)} strokeWidth="2.5" />
                <circle cx="13" cy="6" r="3.5" fill={runColor(r.index)} stroke="#fff" strokeWidth="1" />
              </svg>
              <span>
                {optimizerLabel(r.spec.optimizer)} <span className="ls-alpha">α = {fmt(r.spec.optimizer.lr)}</span>
                {extras && <span className="ls-alpha"> · {extras}</span>}
                {r.nonFinite && <span className="ls-fate"> · {nonFiniteLabel(r.nonFinite)}</span>}
              </span>
            </li>
          );
        })}
      </ul>
      {scale && Number.isFinite(scale.gridMin) && (
        <div className="ls-colorbar">
          <span>loss {fmt(scale.gridMin)}</span>
          <span className="ls-ramp" style={{ backgroundImage: GRADIENT }} aria-hidden="true" />
          <span>{fmt(scale.gridMax)} <span className="ls-muted">(log scale)</span></span>
        </div>
      )}
    </div>
  );
});
