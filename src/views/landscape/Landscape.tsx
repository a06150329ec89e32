import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { createSurface, type Surface } from '../../engine';
import { useLab, useLabState } from '../../state/context';
import { axisTicks, Axes, Y_TICK_SPACING } from './Axes';
import { describeSurface } from './caption';
import { StartHandle, ZoomControls } from './Controls';
import { Contours, HeatmapCanvas, Minima } from './Layers';
import { layoutFor, leftMarginFor, MARGIN } from './layout';
import { createLiveBox } from './liveBox';
import { LiveEigenArrows, LiveLegend, LiveSummary, LiveTrajectories } from './live';
import { computeHeat, DRAFT_CONTOUR_CELL_PX, DRAFT_HEAT_CELLS, isolineField, traceIsolines, type Isoline, type IsolineField } from './maps';
import { useDrafting } from './useDrafting';
import { useSize } from './useSize';
import { useViewport } from './useViewport';
import { clampBox, fitAspect, type Frame } from './viewport';
import './landscape.css';

/** Contour levels traced per task (about 12 in all). */
const LEVELS_PER_TASK = 3;

/**
 * The loss landscape: a log-scaled heatmap with contours, the minima, the Hessian's eigenvectors,
 * every run's trajectory up to the playback step, and the start point to drag. Wheel zooms, drag
 * pans, click sets the start, double-click resets the view.
 */
export function Landscape() {
  const lab = useLab();
  const surfaceSpec = useLabState((s) => s.doc.surface);
  const start = useLabState((s) => s.doc.start);
  const boxSetting = useLabState((s) => s.doc.view.box);
  const [stageRef, size] = useSize<HTMLDivElement>();
  const plotRef = useRef<HTMLDivElement>(null);
  const layersRef = useRef<HTMLDivElement>(null);
  const [live] = useState(createLiveBox);
  const titleId = useId();
  const summaryId = useId();

  const surfaceKey = JSON.stringify(surfaceSpec);
  const surface = useMemo(() => createSurface(JSON.parse(surfaceKey)), [surfaceKey]);
  const req = clampBox(boxSetting ?? surface.viewBox, surface.viewBox);
  // The left margin fits the y tick labels (long ones when zoomed far in or out).
  const first = layoutFor(size.width, size.windowHeight);
  const guess = fitAspect(req, first.plotW, first.plotH);
  const left = leftMarginFor(axisTicks(guess.yMin, guess.yMax, first.plotH, true, Y_TICK_SPACING).map((t) => t.label));
  const { width, height, plotW, plotH } = left === first.left ? first : layoutFor(size.width, size.windowHeight, left);
  const vb = fitAspect(req, plotW, plotH);
  const frame = useMemo<Frame>(
    () => ({ box: { xMin: vb.xMin, xMax: vb.xMax, yMin: vb.yMin, yMax: vb.yMax }, width: plotW, height: plotH }),
    [vb.xMin, vb.xMax, vb.yMin, vb.yMax, plotW, plotH],
  );
  const ready = plotW > 8 && plotH > 8;
  // While the surface or the view keeps changing (a slider drag), draft at a coarser resolution.
  const draft = useDrafting(surface, frame);
  // Heatmap and contours depend on the surface, the box and the pixel size only — never on runs.
  const heat = useMemo(
    () => (ready ? computeHeat(surface, frame.box, frame.width, frame.height, draft ? DRAFT_HEAT_CELLS : undefined) : null),
    [ready, surface, frame, draft],
  );
  // Contours follow in the next task, so a zoom or a surface change paints the heatmap at once.
  const [iso, setIso] = useState<{ frame: Frame; surface: Surface; lines: Isoline[] } | null>(null);
  useEffect(() => {
    if (!heat) return;
    // Traced a few levels per task, so no single task runs long (the page stays responsive).
    const cell = draft ? DRAFT_CONTOUR_CELL_PX : undefined;
    let id = 0;
    let field: IsolineField | null = null;
    const lines: Isoline[] = [];
    let next = 0;
    const work = () => {
      field ??= isolineField(surface, frame.box, frame.width, frame.height, heat.scale, cell);
      const levels = field.levels.slice(next, next + LEVELS_PER_TASK);
      lines.push(...traceIsolines(field, levels));
      next += LEVELS_PER_TASK;
      if (next < field.levels.length) id = window.setTimeout(work, 0);
      else setIso({ frame, surface, lines });
    };
    id = window.setTimeout(work, 0);
    return () => window.clearTimeout(id);
  }, [heat, surface, frame, draft]);
  const { zoomBy, reset } = useViewport({ plot: plotRef, layers: layersRef, frame, home: surface.viewBox, live, lab, ready });

  return (
    <figure className="panel landscape" aria-labelledby={titleId} aria-describedby={summaryId}>
      <figcaption className="ls-caption">
        <span className="ls-title" id={titleId}>Loss landscape</span>
        <span className="ls-desc">{describeSurface(surfaceSpec)}</span>
        <span className="ls-hint">Click to set the start · drag to pan · scroll to zoom · double-click to reset</span>
        <LiveSummary id={summaryId} frame={frame} surfaceSpec={surfaceSpec} surface={surface} start={start} />
      </figcaption>
      <div className="ls-stage" ref={stageRef} style={{ height: height || undefined }}>
        {ready && <Axes frame={frame} live={live} width={width} height={height} left={left} />}
        <div className="ls-plot" ref={plotRef} style={{ left, top: MARGIN.top, width: plotW, height: plotH }}>
          <div className="ls-layers" ref={layersRef}>
            <HeatmapCanvas heat={heat} width={plotW} height={plotH} dpr={size.dpr} />
            {ready && (
              <svg className="ls-overlay" width={plotW} height={plotH} aria-hidden="true" focusable="false">
                <Contours lines={iso?.lines ?? []} from={iso?.frame ?? null} to={frame} />
                <LiveEigenArrows frame={frame} />
                <Minima minima={surface.minima} frame={frame} />
                <LiveTrajectories frame={frame} />
              </svg>
            )}
            {ready && <StartHandle start={start} frame={frame} lab={lab} plot={plotRef} />}
          </div>
        </div>
      </div>
      <div className="ls-foot">
        <LiveLegend scale={heat?.scale ?? null} />
        <ZoomControls zoomBy={zoomBy} reset={reset} />
      </div>
    </figure>
  );
}
