/**
 * The stability map panel (its own lazily loaded chunk): for the chosen run, the analytic map (the
 * spectral radius of every (α, β) or (α, κ) cell) beside the empirical one (every cell run in a Web
 * Worker, filling in row by row), the boundaries, the optimum, where the two disagree, and the
 * run's own point to drag, which sets its α and β in the lab.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { boundaryCells, compareMaps } from '../../engine/analysis/map-compare';
import { applyPoint, mapKey, mapSpecFor, runPoint } from '../../engine/analysis/map-spec';
import {
  alphaUnitsAt, analyticMap, analyticRate, bestCell, columnOf, lambdaUnit, polyakOptimum, rowOf, rowValueAt,
  type MapKind, type MapSpec,
} from '../../engine/analysis/stability-map';
import { useLab, useLabState } from '../../state/context';
import { optimizerLabel, runSpecOf } from '../../state/doc';
import { roundSig } from '../../ui/lr-scale';
import { useSize } from '../landscape/useSize';
import { MapLegend } from './MapLegend';
import { MapPlot, MARGIN, type MapMark } from './MapPlot';
import { agreementText, describeMap, pointText, progressText } from './map-text';
import { useEmpiricalMap } from './useEmpiricalMap';
import './map.css';

const GAP = 16;
const CURVES: ('heavyBall' | 'nesterov')[] = ['heavyBall', 'nesterov'];

/** The plot side: two maps side by side when they fit at 160 px or more, else one per row. */
export function plotSize(width: number): number {
  const per = MARGIN.left + MARGIN.right;
  const two = Math.floor((width - 2 * per - GAP) / 2);
  if (two >= 160) return Math.min(320, two);
  return Math.max(120, Math.min(320, width - per));
}

/** The per-row best cell of a map, as marks (the (α, κ) map's optimum). */
function rowBest(s: MapSpec, values: Float64Array | null): MapMark[] {
  if (!values) return [];
  const out: MapMark[] = [];
  for (let j = 0; j < s.ny; j++) {
    const b = bestCell(values.subarray(j * s.nx, (j + 1) * s.nx), s.nx);
    if (b) out.push({ alphaUnits: alphaUnitsAt(s, b.col), y: rowValueAt(s, j), label: '' });
  }
  return out;
}

export default function MapPanel({ onClose, reveal = false }: { onClose(): void; reveal?: boolean }) {
  const lab = useLab();
  const doc = useLabState((s) => s.doc);
  const [kind, setKind] = useState<MapKind>('alphaBeta');
  const [runId, setRunId] = useState(doc.runs[0]!.id);
  const run = doc.runs.find((r) => r.id === runId) ?? doc.runs[0]!;
  const runIndex = doc.runs.indexOf(run);
  const [stageRef, size] = useSize<HTMLDivElement>();
  const section = useRef<HTMLElement>(null);
  const headingId = useId();
  const kindName = useId();

  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // Opened by the #/map link: bring it into view; opened by its button: take the focus.
    if (reveal) section.current?.scrollIntoView({ block: 'start' });
    else heading.current?.focus();
  }, []); // only when the panel opens

  const source = useMemo(() => mapSpecFor(runSpecOf(doc, run), kind), [doc, run, kind]);
  const key = source.ok ? mapKey(source.spec) : '';
  // The same spec object for as long as its content is (the key): dragging α leaves the maps alone.
  const spec = useMemo(() => (source.ok ? source.spec : null), [key]);
  const reference = useMemo(() => (spec ? analyticMap(spec.family === 'adam' ? { ...spec, family: 'heavyBall' } : spec) : null), [spec]);
  const empirical = useEmpiricalMap(spec, key);
  const comparing = spec !== null && spec.family !== 'adam';
  const edge = useMemo(() => (spec && reference && comparing ? boundaryCells(reference, spec.nx, spec.ny) : null), [spec, reference, comparing]);
  const complete = spec !== null && empirical.rows === spec.ny && empirical.ms !== null;
  const comparison = useMemo(
    () => (spec && reference && edge && empirical.values.length === reference.length ? compareMaps(reference, empirical.values, spec.nx, spec.ny, empirical.rows, edge) : null),
    // version: the worker's rows are written into the same array.
    [spec, reference, edge, empirical.values, empirical.rows, empirical.version],
  );

  const side = plotSize(size.width);
  const analyticOptimum = useMemo<MapMark | null>(() => {
    if (!spec || spec.kind !== 'alphaBeta' || !reference) return null;
    const polyak = polyakOptimum(spec.family === 'adam' ? { ...spec, family: 'heavyBall' } : spec);
    if (polyak) return { alphaUnits: polyak.alphaUnits, y: polyak.beta, label: 'Polyak α*, β*' };
    const b = bestCell(reference, spec.nx);
    return b ? { alphaUnits: alphaUnitsAt(spec, b.col), y: rowValueAt(spec, b.row), label: 'fastest' } : null;
  }, [spec, reference]);
  const analyticBest = useMemo(() => (spec?.kind === 'alphaKappa' ? rowBest(spec, reference) : []), [spec, reference]);
  const empiricalOptimum = useMemo<MapMark | null>(() => {
    if (!spec || spec.family !== 'adam' || spec.kind !== 'alphaBeta' || !complete) return null;
    const b = bestCell(empirical.values, spec.nx);
    return b ? { alphaUnits: alphaUnitsAt(spec, b.col), y: rowValueAt(spec, b.row), label: 'fastest' } : null;
  }, [spec, complete, empirical.values]);
  const empiricalBest = useMemo(() => (spec?.kind === 'alphaKappa' && spec.family === 'adam' && complete ? rowBest(spec, empirical.values) : []), [spec, complete, empirical.values]);

  const point = spec ? runPoint(spec, run.optimizer) : null;
  const rho = spec && point && comparing ? analyticRate(spec, rowOf(spec, point.y), columnOf(spec, run.optimizer.lr)) : NaN;
  const words = spec && point ? pointText(spec, run.optimizer.lr, point.alphaUnits, point.y, rho) : '';
  const runName = `Run ${runIndex + 1} (${optimizerLabel(run.optimizer)})`;

  const onPoint = (alphaUnits: number, beta: number | null) => {
    if (!spec) return;
    const now = lab.store.getState().doc.runs.find((r) => r.id === run.id);
    if (!now) return;
    const lo = spec.family === 'nesterov' ? 0.001 : 0;
    const b = beta === null ? null : Math.round(Math.min(0.999, Math.max(lo, beta)) * 1000) / 1000;
    const units = Math.min(spec.alphaRange[1], Math.max(spec.alphaRange[0], alphaUnits));
    lab.updateRun(run.id, { optimizer: applyPoint(now.optimizer, roundSig(units / lambdaUnit(spec)), b) });
  };

  const common = spec && { spec, size: side, curves: CURVES, point, pointText: words, onPoint };
  return (
    <section className="panel map-panel" aria-labelledby={headingId} ref={section} data-testid="map-panel">
      <header className="map-head">
        <h2 id={headingId} ref={heading} tabIndex={-1}>Stability map</h2>
        <button type="button" onClick={onClose}>Close map</button>
      </header>
      <div className="map-controls">
        <fieldset className="map-kind">
          <legend>Map over</legend>
          {(['alphaBeta', 'alphaKappa'] as const).map((k) => (
            <label key={k}>
              <input type="radio" name={kindName} value={k} checked={kind === k} onChange={() => setKind(k)} data-testid={`map-kind-${k}`} />
              {k === 'alphaBeta' ? ' α and β' : ' α and κ (at the run’s β)'}
            </label>
          ))}
        </fieldset>
        <label className="map-run">
          Run{' '}
          <select value={run.id} onChange={(e) => setRunId(e.target.value)} data-testid="map-run">
            {doc.runs.map((r, i) => <option key={r.id} value={r.id}>{`Run ${i + 1} · ${optimizerLabel(r.optimizer)}`}</option>)}
          </select>
        </label>
      </div>
      {!source.ok && <p className="map-note" role="status">{source.reason}</p>}
      {source.ok && (
        <>
          <p className="map-desc">{describeMap(source.spec)}. Each cell is one setting; its colour is how many steps the error needs to shrink tenfold.</p>
          {source.notes.map((n) => <p key={n} className="map-note">{n}</p>)}
        </>
      )}
      <div className="map-plots" ref={stageRef}>
        {common && (
          <>
            <MapPlot {...common} title={spec.family === 'adam' ? 'Closed form: heavy ball at β = β1 (for comparison)' : 'Closed form: spectral radius'}
              summary={`Analytic map: ${describeMap(spec)}`} values={reference} filled={spec.ny} version={0}
              optimum={analyticOptimum} bestPath={analyticBest} marks={[]} pointName={`${runName} on the analytic map`} testId="map-analytic" />
            <MapPlot {...common} title={`Run: every cell ${spec.steps} steps${spec.family === 'adam' ? ' of Adam' : ''}`}
              summary={`Empirical map, ${empirical.rows} of ${spec.ny} rows filled`} values={empirical.values.length ? empirical.values : null}
              filled={empirical.rows} version={empirical.version} optimum={spec.family === 'adam' ? empiricalOptimum : analyticOptimum}
              bestPath={spec.family === 'adam' ? empiricalBest : analyticBest} marks={comparison?.cells ?? []}
              pointName={`${runName} on the empirical map`} testId="map-empirical" />
          </>
        )}
      </div>
      {spec && (
        <>
          <p className="map-progress" data-testid="map-progress" data-rows={empirical.rows} data-done={complete ? 'true' : 'false'}
            data-ms={empirical.ms ?? ''}>
            {empirical.error ? `The empirical map failed: ${empirical.error}` : progressText(empirical.rows, spec.ny, empirical.ms, spec)}
          </p>
          <p className="visually-hidden" role="status">{complete ? 'Empirical map complete.' : ''}</p>
          <p className="map-agreement" data-testid="map-agreement">{agreementText(comparison, spec.family, complete)}</p>
          <p className="map-point-text" data-testid="map-point-text">{runName}: {words}</p>
          <MapLegend comparing={comparing} kappa={spec.kind === 'alphaKappa'} />
        </>
      )}
    </section>
  );
}
