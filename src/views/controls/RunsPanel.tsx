import { useId } from 'react';
import { useLab, useLabState } from '../../state/context';
import { MAX_RUNS } from '../../state/doc';
import { RunCard } from './RunCard';
import './controls.css';

/** The runs side by side: add up to MAX_RUNS, remove down to one. */
export function RunsPanel() {
  const lab = useLab();
  // A string, so the panel re-renders only when runs are added, removed or reordered.
  const idList = useLabState((s) => s.doc.runs.map((r) => r.id).join(' '));
  const ids = idList.split(' ');
  const headingId = useId();
  const full = ids.length >= MAX_RUNS;
  return (
    <section className="panel controls-panel runs-panel" aria-labelledby={headingId}>
      <div className="runs-head">
        <h2 id={headingId}>Runs</h2>
        <span className="runs-count">{ids.length} of {MAX_RUNS}</span>
      </div>
      {ids.map((id, i) => <RunCard key={id} runId={id} index={i} count={ids.length} />)}
      <div className="runs-add">
        <button type="button" onClick={lab.addRun} disabled={full} aria-describedby={full ? `${headingId}-full` : undefined}>
          + Add run
        </button>
        {full ? <span id={`${headingId}-full`} className="field-hint">At most {MAX_RUNS} runs: remove one to add another.</span> : <span className="field-hint">Copies the last run’s settings.</span>}
      </div>
    </section>
  );
}
