import { memo } from 'react';
import type { ScheduleKind, ScheduleSpec } from '../../engine';
import { NumberField } from '../../ui/NumberField';
import { Select } from '../../ui/Select';
import { defaultSchedule, SCHEDULE_OPTIONS } from './optimizer-model';

export interface ScheduleFieldsProps {
  schedule: ScheduleSpec;
  onChange(schedule: ScheduleSpec): void;
  /** The lab's step count: default lengths for a new schedule. */
  steps: number;
  runName: string;
}

const STEP_COUNT = { min: 1, integer: true };

/** The learning-rate schedule: α is the base (peak) rate it multiplies. */
export const ScheduleFields = memo(function ScheduleFields({ schedule, onChange, steps, runName }: ScheduleFieldsProps) {
  const name = (field: string) => `${field} (${runName})`;
  return (
    <div className="control-stack">
      <Select<ScheduleKind>
        label="schedule" value={schedule.kind} options={SCHEDULE_OPTIONS}
        onChange={(kind) => onChange(defaultSchedule(kind, steps))}
        hint={schedule.kind === 'constant' ? undefined : 'α on the slider is the peak rate; the schedule scales it per step.'}
      />
      {schedule.kind === 'linearWarmup' ? (
        <div className="field-grid">
          <NumberField label="warmupSteps" name={name('warmupSteps')} value={schedule.warmupSteps} rule={STEP_COUNT} onCommit={(warmupSteps) => onChange({ ...schedule, warmupSteps })} />
        </div>
      ) : null}
      {schedule.kind === 'warmupCosine' ? (
        <div className="field-grid">
          <NumberField
            label="warmupSteps" name={name('warmupSteps')} value={schedule.warmupSteps}
            rule={{ min: 0, max: schedule.totalSteps, maxExclusive: true, integer: true, maxName: 'totalSteps' }}
            onCommit={(warmupSteps) => onChange({ ...schedule, warmupSteps })}
          />
          <NumberField
            label="totalSteps" name={name('totalSteps')} value={schedule.totalSteps}
            rule={{ min: schedule.warmupSteps, minExclusive: true, integer: true, minName: 'warmupSteps' }}
            onCommit={(totalSteps) => onChange({ ...schedule, totalSteps })}
          />
          <NumberField label="minFactor" name={name('minFactor')} value={schedule.minFactor} rule={{ min: 0, max: 1 }} onCommit={(minFactor) => onChange({ ...schedule, minFactor })} />
        </div>
      ) : null}
      {schedule.kind === 'exponential' ? (
        <div className="field-grid">
          <NumberField label="gamma" name={name('gamma')} value={schedule.gamma} rule={{ min: 0, minExclusive: true }} onCommit={(gamma) => onChange({ ...schedule, gamma })} />
        </div>
      ) : null}
      {schedule.kind === 'cosineRestarts' ? (
        <div className="field-grid">
          <NumberField label="T_0" name={name('T_0')} value={schedule.t0} rule={STEP_COUNT} onCommit={(t0) => onChange({ ...schedule, t0 })} />
          <NumberField label="T_mult" name={name('T_mult')} value={schedule.tMult} rule={{ min: 1, max: 16, integer: true }} onCommit={(tMult) => onChange({ ...schedule, tMult })} />
          <NumberField label="minFactor" name={name('minFactor')} value={schedule.minFactor} rule={{ min: 0, max: 1 }} onCommit={(minFactor) => onChange({ ...schedule, minFactor })} />
        </div>
      ) : null}
      {schedule.kind === 'step' ? (
        <div className="field-grid">
          <NumberField label="stepSize" name={name('stepSize')} value={schedule.stepSize} rule={STEP_COUNT} onCommit={(stepSize) => onChange({ ...schedule, stepSize })} />
          <NumberField label="gamma" name={name('gamma')} value={schedule.gamma} rule={{ min: 0, minExclusive: true }} onCommit={(gamma) => onChange({ ...schedule, gamma })} />
        </div>
      ) : null}
    </div>
  );
});
