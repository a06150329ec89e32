import { describe, expect, it } from 'vitest';
import { createSurface, simulate, parseRunSpec } from '../../../src/engine';
import { buildTrack, DOT_SPACING, trackAt } from '../../../src/views/landscape/track';
import { sceneAt } from '../../../src/views/landscape/scene';

const frame = { box: { xMin: -3, xMax: 3, yMin: -3, yMax: 3 }, width: 600, height: 600 };
const pts = (...p: [number, number][]) => Float64Array.from(p.flat());
const NUM = /-?\d+(\.\d+)?/g;
const coords = (d: string) => (d.match(NUM) ?? []).map(Number);

describe('buildTrack / trackAt', () => {
  it('draws points 0..k as a prefix of one d3 line path', () => {
    const w = pts([0, 0], [1, 0], [1, 1], [0, 1]);
    const t = buildTrack(w, 4, frame, null);
    expect(t.d.startsWith('M300,300')).toBe(true);
    expect(trackAt(t, 0).d).toBe('M300,300');
    expect(trackAt(t, 1).d).toBe('M300,300L400,300');
    expect(trackAt(t, 3).d).toBe(t.d);
    expect(trackAt(t, 99).d).toBe(t.d); // past the end: the whole run
    for (let k = 1; k < 4; k++) expect(t.cuts[k]).toBeGreaterThanOrEqual(t.cuts[k - 1]!);
    expect(trackAt(t, 2).ring).toEqual([400, 200]);
    expect(trackAt(t, 2).mark).toBeNull();
    expect(trackAt(t, 2).label).toBeNull();
  });

  it('clips a run that leaves the view at the edge, with a mark pointing where it went', () => {
    const w = pts([0, 0], [2, 0], [6, 0], [12, 0]);
    const t = buildTrack(w, 4, frame, null);
    const v1 = trackAt(t, 1);
    expect(v1.mark).toBeNull();
    const v2 = trackAt(t, 2);
    expect(v2.d).toBe('M300,300L500,300L600,300');
    expect(v2.ring).toBeNull();
    expect(v2.mark).toMatchObject({ kind: 'exit', x: 600, y: 300, angle: 0 });
    expect(v2.label).toBe('left at step 2');
    expect(trackAt(t, 3).label).toBe('left at step 2');
    // Upwards in data is upwards on screen: −90°.
    const up = buildTrack(pts([0, 0], [0, 10]), 2, frame, null);
    expect(trackAt(up, 1).mark).toMatchObject({ x: 300, y: 0, angle: -90 });
  });

  it('does not draw jumps between two points outside the view', () => {
    // A divergent zigzag: out at step 2, then crossing the box on every step.
    const w = pts([0, 0.1], [-2, 0.1], [4, 0.1], [-8, 0.1], [16, 0.1]);
    const t = buildTrack(w, 5, frame, null);
    expect(trackAt(t, 4).d).toBe(trackAt(t, 2).d);
    expect(trackAt(t, 4).label).toBe('left at step 2');
  });

  it('a run that comes back is drawn from the edge again, and loses its label', () => {
    const w = pts([0, 0], [5, 0], [1, 0]);
    const t = buildTrack(w, 3, frame, null);
    const v = trackAt(t, 2);
    expect(v.d).toBe('M300,300L600,300M600,300L400,300');
    expect(v.label).toBeNull();
    expect(v.ring).toEqual([400, 300]);
  });

  it('a run that starts outside points from the centre towards it', () => {
    const t = buildTrack(pts([0, 10], [0, 20]), 2, frame, null);
    const v = trackAt(t, 1);
    expect(v.d).toBe('');
    expect(v.mark).toMatchObject({ kind: 'exit', x: 300, y: 0 });
    expect(v.label).toBe('outside the view');
  });

  it('a non-finite run shows "∞ at step n" / "NaN at step n" and never a NaN coordinate', () => {
    const w = pts([0, 0], [1, 1], [1e300, -1e300], [Infinity, -Infinity]);
    const t = buildTrack(w, 4, frame, { step: 3, what: 'parameters', value: Infinity });
    const v = trackAt(t, 3);
    expect(v.label).toBe('∞ at step 3');
    expect(v.mark?.kind).toBe('exit');
    expect(trackAt(t, 2).label).toBe('left at step 2');
    for (const s of [t.d, t.dots, v.d]) expect(s).not.toMatch(/NaN|Infinity|e\+/);
    for (const c of coords(t.d)) expect(Math.abs(c)).toBeLessThanOrEqual(600);

    const nan = buildTrack(pts([0, 0], [1, 0], [NaN, NaN]), 3, frame, { step: 2, what: 'parameters', value: NaN });
    const vn = trackAt(nan, 2);
    expect(vn.label).toBe('NaN at step 2');
    expect(vn.mark).toMatchObject({ kind: 'stop', x: 400, y: 300 });
    expect(trackAt(nan, 1).label).toBeNull();
    // The loss overflowed while the point is still in view: a cross on it.
    const loss = buildTrack(pts([0, 0], [1, 0]), 2, frame, { step: 1, what: 'loss', value: Infinity });
    expect(trackAt(loss, 1)).toMatchObject({ label: '∞ at step 1', mark: { kind: 'stop', x: 400, y: 300 } });
  });

  it('skips dots closer than a few pixels', () => {
    const many = Float64Array.from({ length: 200 }, (_, i) => (i % 2 ? 0 : (i / 2) * 0.001));
    const t = buildTrack(many, 100, frame, null);
    const dots = t.dots.split('M').length - 1;
    expect(dots).toBeLessThan(100);
    expect(dots).toBeLessThanOrEqual(Math.ceil((99 * 0.1) / DOT_SPACING) + 1);
  });

  it('handles a real divergent run (quadratic λ = [1, 10], GD α = 0.25) and an explosion to overflow', () => {
    const parsed = parseRunSpec({ surface: { kind: 'quadratic', eigenvalues: [1, 10], angle: Math.PI / 6 }, optimizer: { kind: 'sgd', lr: 1 }, start: [-2, 1.5], steps: 1000 });
    if (!parsed.ok) throw new Error('spec');
    const sim = simulate(parsed.spec, createSurface(parsed.spec.surface));
    expect(sim.nonFinite).not.toBeNull();
    const t = buildTrack(sim.w, sim.length, frame, sim.nonFinite);
    const end = trackAt(t, sim.length - 1);
    expect(end.label).toMatch(/^(∞|NaN) at step \d+$/);
    expect(end.d + end.dots).not.toMatch(/NaN|Infinity/);
    const scene = sceneAt([t, t], 1e9, 600, 600);
    expect(Math.abs(scene[0]!.place!.y - scene[1]!.place!.y)).toBeGreaterThanOrEqual(14);
  });

  it('an empty run draws nothing', () => {
    expect(trackAt(buildTrack(new Float64Array(0), 0, frame, null), 5)).toEqual({ d: '', dots: '', ring: null, mark: null, label: null });
  });
});
