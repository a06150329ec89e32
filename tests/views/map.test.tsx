/**
 * The stability map view: pixel geometry (against the axes' own definitions), the colours (row
 * order, pending rows, hatched growth), the words, the #/map route, and the panel rendered to HTML.
 */
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { MapSpec } from '../../src/engine/analysis/stability-map';
import { parseRoute } from '../../src/lessons/route';
import { LabProvider } from '../../src/state/context';
import { defaultDoc, type LabDoc } from '../../src/state/doc';
import { createLab } from '../../src/state/store';
import { alphaTicks, boundaryPoints, columnOfX, valueAt, xOfAlphaUnits, yOfValue, yTicks } from '../../src/views/map/map-geometry';
import { mapPixels, mapRowPixels, speedOf, stepsPerDecade } from '../../src/views/map/map-raster';
import { agreementText, pointText, progressText } from '../../src/views/map/map-text';
import { MapEntry } from '../../src/views/map/MapEntry';
import MapPanel, { plotSize } from '../../src/views/map/MapPanel';
import { MapPlot } from '../../src/views/map/MapPlot';

const SPEC: MapSpec = {
  kind: 'alphaBeta', family: 'heavyBall', nx: 200, ny: 200, steps: 1000, alphaRange: [1e-2, 10], yRange: [0, 0.999],
  lambdaMax: 10, lambdaMin: 1, vMax: [1, 0], start: [1, 1], beta: 0, dampening: 0, weightDecay: 0,
  beta2: 0.999, eps: 1e-8, amsgrad: false,
};
const F = { spec: SPEC, size: 300 };

describe('geometry', () => {
  it('puts the first and last column centres half a cell in from the edges, log-spaced in αλmax', () => {
    expect(xOfAlphaUnits(F, 0.01)).toBeCloseTo(0.75, 9);
    expect(xOfAlphaUnits(F, 10)).toBeCloseTo(299.25, 9);
    // One decade is a third of the 199 column steps.
    expect(xOfAlphaUnits(F, 1) - xOfAlphaUnits(F, 0.1)).toBeCloseTo((199 / 3) * 1.5, 9);
    expect(yOfValue(F, 0)).toBeCloseTo(299.25, 9);
    expect(yOfValue(F, 0.999)).toBeCloseTo(0.75, 9);
    expect(columnOfX(F, 0.75)).toBeCloseTo(0, 12);
  });

  it('reads a pixel back as the value drawn there, clamped to the grid', () => {
    for (const [a, b] of [[0.05, 0.3], [2, 0.9], [7.5, 0.01]] as const) {
      const v = valueAt(F, xOfAlphaUnits(F, a), yOfValue(F, b));
      expect(v.alphaUnits).toBeCloseTo(a, 9);
      expect(v.y).toBeCloseTo(b, 9);
    }
    expect(valueAt(F, -50, 400)).toEqual({ alphaUnits: 0.01, y: 0 });
  });

  it('ticks at the decades of α and every 0.2 of β (0.999 on top), or the decades of κ', () => {
    expect(alphaTicks(F).map((t) => t.label)).toEqual(['0.01', '0.1', '1', '10']);
    expect(yTicks(F).map((t) => t.label)).toEqual(['0', '0.2', '0.4', '0.6', '0.8', '0.999']);
    expect(yTicks({ spec: { ...SPEC, kind: 'alphaKappa', yRange: [1, 1e4] }, size: 300 }).map((t) => t.label)).toEqual(['1', '10', '10²', '10³', '10⁴']);
  });

  it('draws heavy ball’s boundary at αλmax = 2(1 + β) and Nesterov’s at 2(1 + β)/(1 + 2β)', () => {
    for (const [family, bound] of [['heavyBall', (b: number) => 2 * (1 + b)], ['nesterov', (b: number) => (2 * (1 + b)) / (1 + 2 * b)]] as const) {
      const pts = boundaryPoints(F, family);
      expect(pts).toHaveLength(200);
      for (const [x, y] of pts.filter((_, i) => i % 37 === 0)) {
        const v = valueAt(F, x, y);
        expect(v.alphaUnits).toBeCloseTo(bound(v.y), 9);
      }
    }
    const k = boundaryPoints({ spec: { ...SPEC, kind: 'alphaKappa', yRange: [1, 1e4], beta: 0.5 }, size: 300 }, 'heavyBall');
    expect(k).toEqual([[xOfAlphaUnits(F, 3), 300], [xOfAlphaUnits(F, 3), 0]]);
  });
});

describe('colours', () => {
  it('steps to shrink the error tenfold: 1 at ρ = 0.1, 100 at ρ = 10^−0.01; growth is not coloured', () => {
    expect(speedOf(0.1)).toBeCloseTo(0, 12);
    expect(speedOf(10 ** -0.01)).toBeCloseTo(-2, 9);
    expect(stepsPerDecade(10 ** -0.01)).toBeCloseTo(100, 9);
    expect(speedOf(0)).toBe(Infinity);
    expect(speedOf(1)).toBe(-Infinity);
    expect(Number.isNaN(speedOf(1.01))).toBe(true);
    expect(Number.isNaN(speedOf(Infinity))).toBe(true);
    expect(Number.isNaN(speedOf(NaN))).toBe(true);
  });

  it('row 0 (β = 0) is the bottom canvas row; unfilled rows are grey; growing cells transparent', () => {
    const nx = 3;
    const ny = 3;
    // Row 0: fast, slow, growing. Row 1: all fast. Row 2: not filled yet.
    const v = Float64Array.from([0.01, 0.9999, 1.5, 0.01, 0.01, 0.01, NaN, NaN, NaN]);
    const px = mapPixels(v, nx, ny, 2);
    const at = (row: number, col: number) => Array.from(px.subarray(4 * (row * nx + col), 4 * (row * nx + col) + 4));
    const bright = at(2, 0);
    expect(bright[3]).toBe(255);
    expect(at(1, 0)).toEqual(bright); // map row 1 → canvas row 1
    expect(at(2, 1)[0]!).toBeLessThan(bright[0]!); // slow is darker
    expect(at(2, 2)).toEqual([0, 0, 0, 0]); // grows: transparent, the hatching shows
    expect(at(0, 0)).toEqual([230, 232, 239, 255]); // map row 2 (top) not filled
    expect(() => mapPixels(v, 4, 3)).toThrow(/9 values for 4×3 cells/);
  });

  it('painting rows as they arrive gives the same picture as painting the whole map', () => {
    const nx = 4;
    const ny = 5;
    const v = Float64Array.from({ length: nx * ny }, (_, k) => [0.5, 0.99, 1.2, 0][k % 4]! * (1 - k / 100));
    const canvas = new Uint8ClampedArray(nx * ny * 4);
    for (const [from, to] of [[0, 2], [2, 3], [3, 5]] as const) canvas.set(mapRowPixels(v, nx, ny, from, to), (ny - to) * nx * 4);
    expect(canvas).toEqual(mapPixels(v, nx, ny));
    expect(() => mapRowPixels(v, nx, ny, 3, 2)).toThrow(/rows 3–2/);
  });
});

describe('words', () => {
  it('progress, agreement and the run’s point', () => {
    expect(progressText(120, 200, null, SPEC)).toBe('Empirical map: filled 120 of 200 rows (200 × 200 cells × 1000 steps)…');
    expect(progressText(200, 200, 812.4, SPEC)).toMatch(/filled 200 of 200 rows .* in 812 ms/);
    expect(agreementText({ compared: 40000, disagree: 0, awayFromBoundary: 0, cells: [] }, 'heavyBall', true)).toMatch(/agree .* on all 40,000 cells/);
    expect(agreementText({ compared: 400, disagree: 3, awayFromBoundary: 0, cells: [1, 2, 3] }, 'nesterov', false)).toMatch(/disagree on 3 of 400 cells \(outlined\), all of them touching/);
    expect(agreementText(null, 'adam', false)).toMatch(/Adam has no closed form/);
    expect(pointText(SPEC, 0.15, 1.5, 0, 0.85)).toBe('α = 0.15 (αλmax = 1.5), β = 0: ρ = 0.85, 14 steps to shrink the error tenfold');
    expect(pointText(SPEC, 0.25, 2.5, 0, 1.5)).toMatch(/grows ×1\.5 per step$/);
  });

  it('plot sizes: two side by side when they fit at 160 px', () => {
    expect(plotSize(880)).toBe(320);
    expect(plotSize(500)).toBe(188);
    expect(plotSize(300)).toBe(300 - 54); // one per row, margins 44 + 10
    expect(plotSize(0)).toBe(120);
  });
});

describe('#/map', () => {
  it('is the map route; lessons and the lab are unchanged', () => {
    expect(parseRoute('#/map')).toEqual({ page: 'map' });
    expect(parseRoute('#/map/')).toEqual({ page: 'map' });
    expect(parseRoute('#/mapx')).toEqual({ page: 'lab' });
    expect(parseRoute('#/lesson/warmup')).toEqual({ page: 'lesson', slug: 'warmup' });
    expect(parseRoute('')).toEqual({ page: 'lab' });
  });
});

describe('the panel rendered to HTML', () => {
  const render = (doc: LabDoc, node: React.ReactNode) => renderToString(<LabProvider lab={createLab(doc)}>{node}</LabProvider>);
  const leaks = (html: string) => html.match(/.{0,40}(NaN|Infinity|undefined).{0,20}/g);

  it('closed: only the button (the panel is a lazy chunk)', () => {
    const html = render(defaultDoc(), <MapEntry routed={false} />);
    expect(html).toMatch(/<button[^>]*data-testid="map-open"/);
    expect(html).not.toContain('map-panel');
  });

  it('open: both maps, the run as a labelled slider, no raw NaN', () => {
    const html = render(defaultDoc(), <MapPanel onClose={() => {}} />);
    expect(html).toContain('Stability map');
    expect(html).toContain('Closed form: spectral radius');
    expect(html).toContain('Run: every cell 1000 steps');
    expect(html.match(/role="slider"/g)).toHaveLength(2);
    expect(html).toMatch(/aria-label="Run 1 \(GD\) on the analytic map"/);
    expect(html).toMatch(/aria-valuetext="α = 0.15 \(αλmax = 1.5\), β = 0: ρ = 0.85/);
    expect(html).toContain('filled 0 of 200 rows');
    expect(leaks(html)).toBeNull();
  });

  it('a plot outlines the cells it is given, marks the optimum and names the point', () => {
    const html = renderToString(
      <MapPlot spec={SPEC} size={200} title="t" summary="s" values={null} filled={0} version={0} curves={['heavyBall']}
        optimum={{ alphaUnits: 2.3, y: 0.27, label: 'Polyak α*, β*' }} bestPath={[]} marks={[0, 201]}
        point={{ alphaUnits: 1.5, y: 0.5 }} pointName="Run 1" pointText="α = 0.15" onPoint={() => {}} testId="p" />,
    );
    // Cell 0 (bottom left) and cell 201 (row 1, column 1): 1 px cells with 1 px of margin.
    expect(html).toMatch(/class="map-marks-line" d="M-1\.0,198\.0h3\.0v3\.0h-3\.0zM0\.0,197\.0h3\.0v3\.0h-3\.0z"/);
    expect(html).toContain('Polyak α*, β*');
    expect(html).toMatch(/role="slider"[^>]*aria-label="Run 1"/);
    expect(html).toMatch(/aria-valuetext="α = 0.15"/);
  });

  it('a run the map does not cover says why', () => {
    const doc = defaultDoc();
    doc.runs[0]!.optimizer = { kind: 'rmsprop', lr: 0.01, alpha: 0.99, eps: 1e-8, momentum: 0, centered: false, weightDecay: 0 };
    const html = render(doc, <MapPanel onClose={() => {}} />);
    expect(html).toMatch(/this run uses RMSprop/);
    expect(html).not.toContain('role="slider"');
  });
});
