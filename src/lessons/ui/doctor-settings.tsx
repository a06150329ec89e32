import type { RunSpec } from '../../engine';
import { fmt } from '../../ui/format';

/** The settings of a case's run, as the lab would show them, one row per field that matters. */
export function settingsRows(s: RunSpec): [string, string][] {
  const rows: [string, string][] = [];
  const sf = s.surface;
  if (sf.kind === 'quadratic') {
    rows.push(['surface', `quadratic bowl, λ = ${fmt(sf.eigenvalues[0])} and ${fmt(sf.eigenvalues[1])}, angle ${fmt(sf.angle)} rad, centre (${fmt(sf.center[0])}, ${fmt(sf.center[1])})`]);
  } else if (sf.kind === 'rosenbrock') {
    rows.push(['surface', `Rosenbrock valley, a = ${fmt(sf.a)}, b = ${fmt(sf.b)}`]);
  } else {
    rows.push(['surface', sf.kind]);
  }
  rows.push(['start', `(${fmt(s.start[0])}, ${fmt(s.start[1])})`]);
  rows.push(['steps', String(s.steps)]);
  const o = s.optimizer;
  rows.push(['optimizer', o.kind === 'sgd' ? `SGD, α = ${fmt(o.lr)}${o.momentum ? `, momentum ${fmt(o.momentum)}` : ''}` : `${o.kind}, α = ${fmt(o.lr)}`]);
  const sc = s.schedule;
  if (sc.kind === 'linearWarmup') rows.push(['schedule', `linear warmup over ${sc.warmupSteps} steps`]);
  else if (sc.kind !== 'constant') rows.push(['schedule', sc.kind]);
  else rows.push(['schedule', 'constant α']);
  if (s.badBatch) {
    const b = s.badBatch;
    rows.push(['bad batch', `step ${b.step}: ${b.kind === 'outlier' ? `gradient × ${fmt(b.scale)}` : b.kind === 'nan' ? 'holds a NaN' : 'holds an Inf'}`]);
  }
  if (s.guard) {
    const g = s.guard;
    rows.push(['guard', [g.skipFactor > 0 ? `skip when ‖g‖ > ${fmt(g.skipFactor)}× its average` : '', g.skipNonFinite ? 'skip non-finite batches' : ''].filter(Boolean).join('; ')]);
  }
  rows.push(['precision', s.precision ? `parameters ${s.precision.params.toUpperCase()}, compute ${s.precision.compute.toUpperCase()}${s.precision.lossScale ? ', dynamic loss scaling' : ''}` : 'float64 throughout']);
  return rows;
}

export function DoctorSettings({ spec }: { spec: RunSpec }) {
  return (
    <table className="doctor-settings">
      <caption>The hidden run’s settings</caption>
      <tbody>
        {settingsRows(spec).map(([k, v]) => (
          <tr key={k}><th scope="row">{k}</th><td>{v}</td></tr>
        ))}
      </tbody>
    </table>
  );
}
