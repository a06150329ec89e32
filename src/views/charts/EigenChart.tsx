import { useMemo } from 'react';
import { useLabState } from '../../state/context';
import { ChartFigure, useSafeId } from './chart-frame';
import { eigenDirections } from './eigen';
import { EigenPanel } from './EigenPanel';
import { useWidth } from './useSize';

const GAP = 16;

/**
 * The error along each eigenvector over the steps, e_i(k) = ⟨v_i, w_k − w*⟩: the steep direction
 * (where too large a step zig-zags) beside the flat one (where it crawls).
 */
export function EigenChart() {
  const results = useLabState((s) => s.results);
  const steps = useLabState((s) => s.doc.steps);
  const [box, width] = useWidth<HTMLDivElement>();
  const id = useSafeId('eigen');
  const { directions, ref } = useMemo(() => eigenDirections(results), [results]);
  const cols = width >= 600 ? 2 : 1;
  const panelWidth = cols === 2 ? Math.floor((width - GAP) / 2) : width;
  const closedForm = directions.some((d) => d.runs.some((r) => r.envelope));
  return (
    <ChartFigure id={`${id}-h`} title="Error along each eigendirection" className="chart-eigen">
      <p className="chart-note">
        e(k) = ⟨v, w<sub>k</sub> − w*⟩, the signed distance from {ref} along each eigenvector; a sign flip every step is a zig-zag.
        {closedForm && ' Dashed: gradient descent’s closed form ±|e(0)|·|1 − αλ|ᵏ.'}
      </p>
      <div ref={box} className="eigen-panels" style={{ gridTemplateColumns: `repeat(${cols}, minmax(0, 1fr))`, columnGap: GAP }}>
        {directions.map((d) => <EigenPanel key={d.key} dir={d} results={results} width={panelWidth} steps={steps} />)}
      </div>
    </ChartFigure>
  );
}
