import { lazy, memo, Suspense, useCallback, useId, useState, type CSSProperties } from 'react';
import type { OptimizerKind, OptimizerSpec, ScheduleSpec } from '../../engine';
import { useLab, useLabState } from '../../state/context';
import { optimizerLabel, runColor, type RunDoc } from '../../state/doc';
import { LrSlider } from '../../ui/LrSlider';
import { Select } from '../../ui/Select';
import { setLr } from './lr-actions';
import { extrasSummary, OPTIMIZER_OPTIONS, switchOptimizer } from './optimizer-model';
import { OptimizerFields } from './OptimizerFields';

// The collapsed section's fields load the first time it opens: off the lab's first paint.
const RunMore = lazy(() => import('./RunMore'));

export interface RunCardProps {
  runId: string;
  index: number;
  /** How many runs there are: the last one can't be removed. */
  count: number;
}

/** One run: its colour and label, the α slider, the optimizer and its settings. */
export const RunCard = memo(function RunCard({ runId, index, count }: RunCardProps) {
  const lab = useLab();
  const run = useLabState((s) => s.doc.runs.find((r) => r.id === runId));
  const result = useLabState((s) => s.results.find((r) => r.id === runId));
  const steps = useLabState((s) => s.doc.steps);
  const headingId = useId();
  const onLr = useCallback((lr: number) => setLr(lab, runId, lr), [lab, runId]);
  // Stable handlers that read the run as it is when they fire: the sections below are memoised,
  // so moving α (every slider input) re-renders the slider, not every other field and input.
  const update = useCallback((patch: Partial<Omit<RunDoc, 'id'>>) => lab.updateRun(runId, patch), [lab, runId]);
  const current = useCallback(() => lab.store.getState().doc.runs.find((r) => r.id === runId), [lab, runId]);
  const onKind = useCallback((kind: OptimizerKind) => {
    const now = current();
    if (now) update({ optimizer: switchOptimizer(now.optimizer, kind) });
  }, [current, update]);
  // The fields never change α: keep the α in force when they fire (theirs may be a render old).
  const onFields = useCallback((optimizer: OptimizerSpec) => {
    const now = current();
    if (now) update({ optimizer: { ...optimizer, lr: now.optimizer.lr } });
  }, [current, update]);
  const onSchedule = useCallback((schedule: ScheduleSpec) => update({ schedule }), [update]);
  const [opened, setOpened] = useState(false);
  if (!run || !result) return null;

  const color = runColor(index);
  const name = optimizerLabel(run.optimizer);
  const runName = `run ${index + 1}`;
  return (
    <section className="run-card" aria-labelledby={headingId} style={{ '--run-color': color } as CSSProperties} data-run={runId}>
      <header className="run-head">
        <h3 id={headingId} className="run-title">
          <span className="run-swatch" aria-hidden="true" />
          Run {index + 1} <span className="run-name">· {name}</span>
        </h3>
        {count > 1 ? (
          <button type="button" className="run-remove" aria-label={`Remove run ${index + 1} (${name})`} onClick={() => lab.removeRun(runId)}>
            Remove
          </button>
        ) : null}
      </header>
      <LrSlider
        runId={runId}
        runLabel={`${runName}: ${name}`}
        optimizerName={name}
        lr={run.optimizer.lr}
        optimizer={run.optimizer}
        report={result.report}
        color={color}
        onChange={onLr}
      />
      <Select<OptimizerKind>
        label="optimizer" value={run.optimizer.kind} options={OPTIMIZER_OPTIONS}
        onChange={onKind}
        testId={`optimizer-${runId}`}
      />
      <OptimizerFields optimizer={run.optimizer} onChange={onFields} runName={runName} />
      <details className="run-more" onToggle={(e) => e.currentTarget.open && setOpened(true)}>
        <summary>
          Schedule, clipping, noise, training loop <span className="run-more-note">— {extrasSummary(run)}</span>
        </summary>
        {opened ? (
          <Suspense fallback={<p className="field-hint" aria-busy="true">Loading these settings…</p>}>
            <RunMore run={run} steps={steps} runName={runName} onSchedule={onSchedule} onChange={update} />
          </Suspense>
        ) : null}
      </details>
    </section>
  );
});
