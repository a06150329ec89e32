import { EigenChart } from './EigenChart';
import { LossChart } from './LossChart';
import { ScheduleStrip } from './ScheduleStrip';
import { SharpnessChart } from './SharpnessChart';
import { WhileVisible } from './visible-gate';

/**
 * The charts under the landscape; loaded as one lazy chunk after the first paint. Each pauses
 * while scrolled out of view (WhileVisible), so a slider drag only redraws what can be seen.
 */
export default function Charts() {
  return (
    <>
      <WhileVisible><LossChart /></WhileVisible>
      <WhileVisible><EigenChart /></WhileVisible>
      <WhileVisible><ScheduleStrip /></WhileVisible>
      <WhileVisible><SharpnessChart /></WhileVisible>
    </>
  );
}
