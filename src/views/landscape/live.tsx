import { memo } from 'react';
import type { Surface, SurfaceSpec, Vec2 } from '../../engine';
import { useLabState } from '../../state/context';
import { optimizerLabel } from '../../state/doc';
import { fmt, fmtPlain } from '../../ui/format';
import { summarize, type RunSummary } from './caption';
import { EigenArrows } from './EigenArrows';
import { EventMarks } from './EventMarks';
import type { LogScale } from './field';
import { Legend } from './Legend';
import { trackFor } from './scene';
import { trackAt } from './track';
import { Trajectories } from './Trajectories';
import type { Frame } from './viewport';

/**
 * The parts of the landscape that follow the runs, each subscribed to the results itself: when a
 * run's α moves they re-render, while the landscape around them (heatmap, contours, axes,
 * controls) does not.
 */

/** The runs' paths, on the overlay that holds them. */
export const LiveTrajectories = memo(function LiveTrajectories({ frame }: { frame: Frame }) {
  const results = useLabState((s) => s.results);
  const events = results.some((r) => r.sim.events?.some((e) => e !== 0));
  return (
    <>
      <Trajectories results={results} frame={frame} />
      {events && <EventMarks results={results} frame={frame} />}
    </>
  );
});

/** The Hessian's eigenvectors at the first run's reference point. */
export const LiveEigenArrows = memo(function LiveEigenArrows({ frame }: { frame: Frame }) {
  const curvature = useLabState((s) => s.results[0]?.report.curvature ?? null);
  return <EigenArrows curvature={curvature} frame={frame} />;
});

/** The legend of runs and of the colour scale. */
export const LiveLegend = memo(function LiveLegend({ scale }: { scale: LogScale | null }) {
  const results = useLabState((s) => s.results);
  return <Legend results={results} scale={scale} />;
});

interface SummaryProps {
  id: string;
  frame: Frame;
  surfaceSpec: SurfaceSpec;
  surface: Surface;
  start: Vec2;
}

/** The figure's text alternative (visually hidden): the surface, the minima, each run's fate. */
export const LiveSummary = memo(function LiveSummary({ id, frame, surfaceSpec, surface, start }: SummaryProps) {
  const results = useLabState((s) => s.results);
  const runs: RunSummary[] = results.map((r) => {
    const end = trackAt(trackFor(r, frame), Infinity);
    const n = r.sim.length - 1;
    const fate = r.nonFinite
      ? `${Number.isNaN(r.nonFinite.value) ? 'becomes NaN' : 'overflows to infinity'} at step ${r.nonFinite.step}`
      : end.label
        ? end.label.replace('left at', 'leaves the view at')
        : `ends at (${fmtPlain(r.sim.w[2 * n] ?? NaN)}, ${fmtPlain(r.sim.w[2 * n + 1] ?? NaN)}) after ${n} steps`;
    return { label: `${optimizerLabel(r.spec.optimizer)} with learning rate ${fmt(r.spec.optimizer.lr)}`, fate };
  });
  return <span className="visually-hidden" id={id}>{summarize(surfaceSpec, surface.minima, start, runs)}</span>;
});
