import { useMemo } from 'react';
import { simulate } from '../../engine';
import { fmt } from '../../ui/format';
import { TABLE_BATCHES, TABLE_GUARDS, cellOutcome, clean, type CellOutcome } from './spike-facts';
import { DESTROYS, SKIP, STEP, outlier, runSpec } from './spike-presets';
import './spike.css';

function say(o: CellOutcome): string {
  if (o.kind === 'skipped') return 'skipped: one step late';
  if (o.kind === 'stopped') return `run stops: ${Number.isNaN(o.value) ? 'NaN' : '∞'} at step ${o.step}`;
  return `taken: loss ×${fmt(o.ratio)}, ${o.after === null ? 'never back' : `back in ${o.after} step${o.after === 1 ? '' : 's'}`}`;
}

/**
 * Every bad batch against every guard at step 300, each cell one engine run; then the losses around
 * the skipped step, which show the guarded run is the clean run one step late.
 */
export function SpikeGuard() {
  const view = useMemo(() => {
    const cells = TABLE_BATCHES.map((b) => TABLE_GUARDS.map((g) => cellOutcome(b.batch, g.guard)));
    const guarded = simulate(runSpec(outlier(STEP, DESTROYS), SKIP));
    const c = clean();
    const rows = [STEP - 1, STEP, STEP + 1, STEP + 2, STEP + 3].map((k) => ({ k, clean: c.loss[k]!, guarded: guarded.loss[k]! }));
    const skipped = cells.flat().flatMap((o) => (o.kind === 'skipped' ? [o.lateBy1] : []));
    return { cells, rows, skipped: skipped.length, worst: Math.max(...skipped) };
  }, []);
  return (
    <figure className="spike-fig">
      <table className="spike-table">
        <caption className="visually-hidden">What each guard does with each bad batch at step {STEP}, computed by the engine</caption>
        <thead>
          <tr>
            <th scope="col">bad batch at step {STEP}</th>
            {TABLE_GUARDS.map((g) => <th key={g.id} scope="col">{g.label}</th>)}
          </tr>
        </thead>
        <tbody>
          {TABLE_BATCHES.map((b, i) => (
            <tr key={b.id}>
              <th scope="row">{b.label}</th>
              {view.cells[i]!.map((o, j) => <td key={TABLE_GUARDS[j]!.id} className={o.kind === 'stopped' ? 'bad' : 'ok'}>{say(o)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        In all {view.skipped} skipped cases the run from step {STEP + 1} on is the clean run one step late, to the last
        bit: the largest coordinate difference between w<sub>k</sub> and the clean w<sub>k−1</sub> is {fmt(view.worst)}.
      </p>
      <table className="spike-table">
        <caption>The loss around the skipped ×{DESTROYS} batch: the skip-rule run stays at step {STEP}’s point once, then trails the clean run by one step.</caption>
        <thead>
          <tr>
            <th scope="col">step k</th>
            <th scope="col">clean run</th>
            <th scope="col">skip rule</th>
          </tr>
        </thead>
        <tbody>
          {view.rows.map((r) => (
            <tr key={r.k}>
              <th scope="row">{r.k}{r.k === STEP ? ' (bad batch)' : ''}</th>
              <td>{r.clean.toPrecision(7)}</td>
              <td>{r.guarded.toPrecision(7)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
