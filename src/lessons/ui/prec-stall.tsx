import { useMemo } from 'react';
import { runColor } from '../../state/doc';
import { fmt } from '../../ui/format';
import { DASHES, Legend, PrecChart, type Series } from './prec-chart';
import { stallFacts } from './prec-facts';
import { STALL_CENTER, STALL_STEPS } from './prec-presets';
import './prec.css';

const NAMES = ['pure BF16 (weights in BF16)', 'FP32 master weights, BF16 compute', 'pure FP32'];

/** |x − c| over the steps for BF16 weights, FP32 master weights and FP32, with the predicted stall distance. */
export function StallChart() {
  const view = useMemo(() => {
    const f = stallFacts(STALL_CENTER);
    const series: Series[] = [f.bf16, f.master, f.fp32].map((r, i) => ({
      label: NAMES[i]!, color: runColor(i), dash: DASHES[i],
      values: Float64Array.from({ length: r.length }, (_, k) => Math.abs(STALL_CENTER - r.w[2 * k]!)),
    }));
    const label = `Distance |x − ${STALL_CENTER}| per step, log scale. Pure BF16 stops at ${fmt(f.distance)} from step ${f.stall.step} on `
      + `(predicted ulp/(2αλ) = ${fmt(f.predicted)}); FP32 master weights reach ${fmt(f.masterEnd)} and pure FP32 ${fmt(f.fp32End)}.`;
    return { f, series, label };
  }, []);
  return (
    <figure className="prec-fig">
      <PrecChart label={view.label} series={view.series} steps={STALL_STEPS} yLabel={`|x − ${STALL_CENTER}| (log)`}
        refs={[{ y: view.f.predicted, label: `predicted BF16 stall ${fmt(view.f.predicted)}` }]} floor={1e-7} />
      <figcaption><Legend series={view.series} /></figcaption>
    </figure>
  );
}
