import { memo } from 'react';
import type { ScheduleSpec } from '../../engine';
import type { RunDoc } from '../../state/doc';
import { ExtrasFields } from './ExtrasFields';
import { ScheduleFields } from './ScheduleFields';

export interface RunMoreProps {
  run: RunDoc;
  steps: number;
  runName: string;
  onSchedule(schedule: ScheduleSpec): void;
  onChange(patch: Partial<Omit<RunDoc, 'id'>>): void;
}

/**
 * A run card's collapsed section: schedule, clipping, noise, seed and the training loop. Its own
 * chunk, loaded the first time the section is opened (it is closed as the lab opens).
 */
export const RunMore = memo(function RunMore({ run, steps, runName, onSchedule, onChange }: RunMoreProps) {
  return (
    <div className="control-stack">
      <ScheduleFields schedule={run.schedule} onChange={onSchedule} steps={steps} runName={runName} />
      <ExtrasFields
        clip={run.clip} noise={run.noise} seed={run.seed} badBatch={run.badBatch ?? null} guard={run.guard ?? null}
        precision={run.precision ?? null} steps={steps} onChange={onChange} runName={runName}
      />
    </div>
  );
});

export default RunMore;
