import { ConditionPanel } from './views/ConditionPanel';
import { EigenChart } from './views/charts/EigenChart';
import { LossChart } from './views/charts/LossChart';
import { ScheduleStrip } from './views/charts/ScheduleStrip';
import { RunsPanel } from './views/controls/RunsPanel';
import { SurfaceControls } from './views/controls/SurfaceControls';
import { HelpOverlay } from './views/HelpOverlay';
import { Landscape } from './views/landscape/Landscape';
import { Notices } from './views/Notices';
import { PlaybackBar } from './views/PlaybackBar';
import { TopBar } from './views/TopBar';

export function App() {
  return (
    <div className="app">
      <TopBar />
      <Notices />
      <main className="lab">
        <div className="lab-controls">
          <SurfaceControls />
          <RunsPanel />
        </div>
        <div className="lab-views">
          <PlaybackBar />
          <Landscape />
          <ConditionPanel />
          <div className="charts">
            <LossChart />
            <EigenChart />
            <ScheduleStrip />
          </div>
        </div>
      </main>
      <HelpOverlay />
    </div>
  );
}
