import type { RunResult } from '../../state/compute';
import { runColor } from '../../state/doc';
import { RunKey } from './chart-frame';
import { valueAt } from './hover';
import { eventText, nonFiniteLabel, num, runName, scaleText, stepValue } from './labels';

/**
 * The values of every run at the hovered (or keyboard-focused) step: loss, α and ‖g‖, and when a
 * run has training-loop extras what happened at the step (bad batch, skipped) and the loss scale S.
 * Without a hovered step it shows the last step, so the table's height never jumps; it is
 * announced (aria-live) only while the learner is reading steps.
 */
export function LossReadout({ results, step, last, smoothed, id }: { results: readonly RunResult[]; step: number | null; last: number; smoothed: readonly Float64Array[] | null; id: string }) {
  const at = step ?? last;
  // The extra columns only when some run has extras (plain runs pay two checks per run).
  const withEvents = results.some((r) => r.sim.events !== null);
  const withScale = results.some((r) => r.sim.lossScale !== null && r.spec.precision?.lossScale);
  const cols = 3 + (smoothed ? 1 : 0) + (withScale ? 1 : 0) + (withEvents ? 1 : 0);
  return (
    // Focusable because it scrolls sideways on narrow screens (keyboard users must reach it).
    <div className="readout" id={id} aria-live={step === null ? 'off' : 'polite'} tabIndex={0} role="region" aria-label="Values at the step shown">
      <table>
        <caption>
          {step === null ? <>Last step ({last}) <span className="hint">— point at the chart, or focus it and use ← →, to read any step</span></> : <>Step {step}</>}
        </caption>
        <thead>
          <tr><th scope="col">Run</th><th scope="col">loss</th>{smoothed && <th scope="col">smoothed</th>}<th scope="col">α</th><th scope="col">‖g‖</th>{withScale && <th scope="col">loss scale S</th>}{withEvents && <th scope="col">event</th>}</tr>
        </thead>
        <tbody>
          {results.map((r, i) => {
            const loss = valueAt(r.sim.loss, at);
            const name = (
              <th scope="row"><RunKey index={r.index} color={runColor(r.index)} />{runName(r)}</th>
            );
            if (loss === undefined) {
              const why = r.nonFinite ? `stopped: ${nonFiniteLabel(r.nonFinite)}` : 'no such step';
              return <tr key={r.id}>{name}<td colSpan={cols} className="muted">{why}</td></tr>;
            }
            const flags = r.sim.events?.[at] ?? 0;
            const scale = r.sim.lossScale && r.spec.precision?.lossScale ? r.sim.lossScale[at] : undefined;
            return (
              <tr key={r.id}>
                {name}
                <td className="num">{stepValue(loss, flags, 4)}</td>
                {smoothed && <td className="num">{stepValue(smoothed[i]![at]!, flags, 4)}</td>}
                <td className="num">{num(r.sim.lr[at]!)}</td>
                <td className="num">{stepValue(r.sim.gradNorm[at]!, flags)}</td>
                {withScale && <td className="num">{scale === undefined ? '' : scaleText(scale)}</td>}
                {withEvents && <td>{eventText(flags)}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
