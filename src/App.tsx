import { lazy, Suspense } from 'react';
import { LessonNav } from './lessons/LessonNav';
import { useRoute } from './lessons/route';
import { ConditionPanel } from './views/ConditionPanel';
import { RunsPanel } from './views/controls/RunsPanel';
import { SurfaceControls } from './views/controls/SurfaceControls';
import { HelpOverlay } from './views/HelpOverlay';
import { Landscape } from './views/landscape/Landscape';
import { MapEntry } from './views/map/MapEntry';
import { Notices } from './views/Notices';
import { PlaybackBar } from './views/PlaybackBar';
import { TopBar } from './views/TopBar';

// The charts sit below the landscape: they arrive in their own chunk so the first paint is smaller.
const Charts = lazy(() => import('./views/charts/Charts'));
// Lesson content (prose, presets, figures) loads when a lesson is opened.
const LessonPane = lazy(() => import('./lessons/LessonPane'));

export function App() {
  const route = useRoute();
  const slug = route.page === 'lesson' ? route.slug : null;
  return (
    <div className="app">
      <TopBar />
      <Notices />
      <main className={slug ? 'with-lesson' : undefined}>
        {slug && (
          <div className="lesson-column">
            <Suspense fallback={<article className="lesson panel" aria-busy="true" aria-label="Lesson loading" />}>
              <LessonPane slug={slug} />
            </Suspense>
            <LessonNav current={slug} />
          </div>
        )}
        <div className="lab">
          <div className="lab-controls">
            {!slug && <LessonNav current={null} />}
            <SurfaceControls />
            <RunsPanel />
          </div>
          <div className="lab-views">
            <PlaybackBar />
            <Landscape />
            <MapEntry routed={route.page === 'map'} />
            <ConditionPanel />
            <div className="charts">
              <Suspense fallback={<section className="panel chart-placeholder" aria-label="Charts loading" aria-busy="true" />}>
                <Charts />
              </Suspense>
            </div>
          </div>
        </div>
      </main>
      <HelpOverlay />
    </div>
  );
}
