import { EigenChart } from './EigenChart';
import { LossChart } from './LossChart';
import { ScheduleStrip } from './ScheduleStrip';

/** The three charts under the landscape; loaded as one lazy chunk after the first paint. */
export default function Charts() {
  return (
    <>
      <LossChart />
      <EigenChart />
      <ScheduleStrip />
    </>
  );
}
