import { lazy, Suspense } from 'react';
import { ConditionPanel } from './views/ConditionPanel';
import { RunsPanel } from './views/controls/RunsPanel';
import { SurfaceControls } from './views/controls/SurfaceControls';
import { HelpOverlay } from './views/HelpOverlay';
import { Landscape } from './views/landscape/Landscape';
import { Notices } from './views/Notices';
import { PlaybackBar } from './views/PlaybackBar';
import { TopBar } from './views/TopBar';

// The charts sit below the landscape: they arrive in their own chunk so the first paint is smaller.
const Charts = lazy(() => import('./views/charts/Charts'));

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
            <Suspense fallback={<section className="panel chart-placeholder" aria-label="Charts loading" aria-busy="true" />}>
              <Charts />
            </Suspense>
          </div>
        </div>
      </main>
      <HelpOverlay />
    </div>
  );
}
