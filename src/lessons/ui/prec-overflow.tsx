import { useMemo } from 'react';
import { describeNonFinite } from '../../engine';
import { runColor } from '../../state/doc';
import { fmt } from '../../ui/format';
import { DASHES, Legend, PrecChart, type Series } from './prec-chart';
import { overflowFacts } from './prec-facts';
import { showValue } from './prec-probe';
import { BAD_STEP, SPIKE_STEPS } from './prec-presets';
import './prec.css';

const NAMES = ['FP16 compute', 'BF16 compute', 'float64'];

/** The loss of the three bad-batch runs; FP16's curve ends where the engine stops it. */
export function OverflowChart() {
  const view = useMemo(() => {
    const f = overflowFacts();
    const series: Series[] = [f.fp16, f.bf16, f.f64].map((r, i) => ({ label: NAMES[i]!, values: r.loss, color: runColor(i), dash: DASHES[i] }));
    const stop = f.fp16.nonFinite;
    const label = `Loss per step, log scale, with a bad batch (gradient ×100) at step ${BAD_STEP}. `
      + `FP16: ${stop ? describeNonFinite(stop) : 'survives'}. BF16: spikes to ${fmt(f.peak)} at step ${f.peakStep} and ends at ${fmt(f.bf16End)}. `
      + `float64: ends at ${fmt(f.f64End)}.`;
    return { f, series, label, stop };
  }, []);
  const { f, stop } = view;
  return (
    <figure className="prec-fig">
      <PrecChart
        label={view.label} series={view.series} steps={SPIKE_STEPS} yLabel="loss (log)"
        marks={stop ? [{ x: stop.step, y: f.fp16.loss[stop.step]!, label: `FP16 stops at step ${stop.step}` }] : []}
      />
      <figcaption>
        <Legend series={view.series} />
        {stop && <> ▼ marks where the FP16 run stops: the {stop.what} is {showValue(stop.value)} at step {stop.step}.</>}
      </figcaption>
    </figure>
  );
}

const cell = (v: number) => showValue(Number.isFinite(v) ? Number(v.toPrecision(4)) : v);

/** Steps around the overflow of the FP16 run, replayed past the engine's stop. */
export function ChainTable() {
  const rows = useMemo(() => overflowFacts().chain.slice(BAD_STEP - 1), []);
  return (
    <div className="prec-wrap" tabIndex={0} role="region" aria-label="The FP16 run stepped past its overflow">
      <table className="prec-table prec-chain">
        <caption>The FP16 run, stepped on past the overflow (the engine stops at step {BAD_STEP})</caption>
        <thead>
          <tr><th scope="col">step k</th><th scope="col">x</th><th scope="col">y</th><th scope="col">loss</th><th scope="col">g<sub>x</sub></th><th scope="col">g<sub>y</sub></th></tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.step}>
              <th scope="row">{s.step}{s.step === BAD_STEP ? ' (bad batch)' : ''}</th>
              <td>{cell(s.w[0]!)}</td><td>{cell(s.w[1]!)}</td><td>{cell(s.loss)}</td><td>{cell(s.grad[0]!)}</td><td>{cell(s.grad[1]!)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
