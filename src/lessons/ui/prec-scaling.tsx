import { useMemo } from 'react';
import { runColor } from '../../state/doc';
import { fmt } from '../../ui/format';
import { DASHES, Legend, PrecChart, pow2, type Series } from './prec-chart';
import { scalerFacts, underflowFacts } from './prec-facts';
import { DEMO_INTERVAL, TINY_STEPS } from './prec-presets';
import './prec.css';

const xs = (w: Float64Array, n: number) => Float64Array.from({ length: n }, (_, k) => Math.abs(w[2 * k]!));

/** |x − c| over the steps for the tiny-gradient runs, with FP16's flush line 2⁻²⁵/λ. */
export function UnderflowChart() {
  const view = useMemo(() => {
    const f = underflowFacts();
    const names = ['FP16, no loss scaling', `FP16 + GradScaler (S = ${pow2(Math.log2(f.scale))})`, 'BF16, no loss scaling'];
    const series: Series[] = [f.fp16, f.scaled, f.bf16].map((r, i) => ({ label: names[i]!, values: xs(r.w, r.length), color: runColor(i), dash: DASHES[i] }));
    const label = `Distance |x − c| per step, log scale. FP16 without loss scaling stops at ${fmt(f.fp16End)} from step ${f.stall.step} on, `
      + `just under 2⁻²⁵/λ = ${fmt(f.flushDistance)}; FP16 with GradScaler reaches ${fmt(f.scaledEnd)} and BF16 ${fmt(f.bf16End)} after ${TINY_STEPS} steps.`;
    return { f, series, label };
  }, []);
  return (
    <figure className="prec-fig">
      <PrecChart label={view.label} series={view.series} steps={TINY_STEPS} yLabel="|x − c| (log)"
        refs={[{ y: view.f.flushDistance, label: `2⁻²⁵/λ = ${fmt(view.f.flushDistance)}` }]} />
      <figcaption><Legend series={view.series} /></figcaption>
    </figure>
  );
}

/** GradScaler's scale over the steps of a noisy FP16 run, the skipped steps marked. */
export function ScalerChart() {
  const view = useMemo(() => {
    const f = scalerFacts();
    const series: Series[] = [{ label: 'loss scale S', values: f.log2, color: runColor(0), step: true }];
    const ticks = Array.from({ length: f.max - f.min + 1 }, (_, i) => f.min + i);
    const marks = f.skipped.map((k) => ({ x: k, y: f.log2[k]!, label: `skipped step ${k}` }));
    const label = `Loss scale S per step (log₂ axis) for an FP16 run with growthInterval ${DEMO_INTERVAL}. S moves between ${pow2(f.min)} and ${pow2(f.max)}; `
      + `${f.skipped.length} of ${f.steps} steps were skipped (overflow), at steps ${f.skipped.join(', ')}.`;
    return { f, series, ticks, marks, label };
  }, []);
  const { f } = view;
  return (
    <figure className="prec-fig">
      <PrecChart label={view.label} series={view.series} steps={f.steps} yLabel="S (log₂)" log={false}
        yTicks={view.ticks} yFormat={pow2} marks={view.marks} height={170} />
      <figcaption>
        The staircase is S (each tick a power of two); ▼ marks a step that overflowed and was skipped:
        {' '}{f.skipped.length} of {f.steps} ({fmt((100 * f.skipped.length) / f.steps, 2)} %), at steps {f.skipped.join(', ')}.
      </figcaption>
    </figure>
  );
}
