import { describe, expect, it } from 'vitest';
import { createSurface, parseRunSpec, symmetricEigen2, type Surface, type SurfaceSpec } from '../../src/engine';
import { expectClose } from './assert';

function surfaceOf(input: Record<string, unknown>): Surface {
  const r = parseRunSpec({ surface: input, optimizer: { kind: 'sgd' } });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return createSurface(r.spec.surface as SurfaceSpec);
}

const SURFACES: Record<string, Record<string, unknown>> = {
  quadratic: { kind: 'quadratic', eigenvalues: [0.7, 30], angle: 0.9, center: [0.3, -0.4] },
  saddle: { kind: 'quadratic', eigenvalues: [-1, 4], angle: -0.3, center: [0, 0] },
  rosenbrock: { kind: 'rosenbrock', a: 1, b: 100 },
  cliff: { kind: 'cliff' },
  wells: { kind: 'wells' },
};

/** Points spread over the surface's own view box. */
function probePoints(s: Surface): [number, number][] {
  const { xMin, xMax, yMin, yMax } = s.viewBox;
  const pts: [number, number][] = [];
  for (const u of [0.13, 0.41, 0.58, 0.87]) for (const v of [0.22, 0.5, 0.79]) pts.push([xMin + u * (xMax - xMin), yMin + v * (yMax - yMin)]);
  return pts;
}

describe('gradient and Hessian agree with central differences', () => {
  for (const [name, input] of Object.entries(SURFACES)) {
    it(name, () => {
      const s = surfaceOf(input);
      const g = new Float64Array(2);
      const gp = new Float64Array(2);
      const gm = new Float64Array(2);
      const h = new Float64Array(3);
      for (const [x, y] of probePoints(s)) {
        s.gradient(x, y, g);
        s.hessian(x, y, h);
        const e = 1e-6;
        const fx = (s.value(x + e, y) - s.value(x - e, y)) / (2 * e);
        const fy = (s.value(x, y + e) - s.value(x, y - e)) / (2 * e);
        const scale = 1 + Math.abs(s.value(x, y));
        expectClose(g[0]!, fx, 1e-6 * scale, `${name} ∂f/∂x at (${x}, ${y})`);
        expectClose(g[1]!, fy, 1e-6 * scale, `${name} ∂f/∂y`);
        s.gradient(x + e, y, gp);
        s.gradient(x - e, y, gm);
        const hxx = (gp[0]! - gm[0]!) / (2 * e);
        const hxy = (gp[1]! - gm[1]!) / (2 * e);
        s.gradient(x, y + e, gp);
        s.gradient(x, y - e, gm);
        const hyy = (gp[1]! - gm[1]!) / (2 * e);
        const hscale = 1 + Math.abs(h[0]!) + Math.abs(h[2]!);
        expectClose(h[0]!, hxx, 1e-6 * hscale, `${name} ∂²f/∂x²`);
        expectClose(h[1]!, hxy, 1e-6 * hscale, `${name} ∂²f/∂x∂y`);
        expectClose(h[2]!, hyy, 1e-6 * hscale, `${name} ∂²f/∂y²`);
        const w = Float64Array.of(x, y);
        const out = new Float64Array(2);
        expect(s.valueAndGrad(w, out)).toBe(s.value(x, y));
        expect(Array.from(out)).toEqual(Array.from(g));
      }
    });
  }
});

describe('quadratic: H = R(θ)ᵀ diag(λ1, λ2) R(θ)', () => {
  it('has (cos θ, −sin θ) as the λ1 eigenvector and (sin θ, cos θ) as the λ2 one', () => {
    for (const theta of [0, 0.4, Math.PI / 3, -2.2]) {
      const s = surfaceOf({ kind: 'quadratic', eigenvalues: [2, 50], angle: theta, center: [0, 0] });
      const h = new Float64Array(3);
      s.hessian(0, 0, h);
      const [a, b, c] = [h[0]!, h[1]!, h[2]!];
      const v1 = [Math.cos(theta), -Math.sin(theta)];
      const v2 = [Math.sin(theta), Math.cos(theta)];
      expectClose(a * v1[0]! + b * v1[1]!, 2 * v1[0]!, 1e-13, 'H v1 x');
      expectClose(b * v1[0]! + c * v1[1]!, 2 * v1[1]!, 1e-13, 'H v1 y');
      expectClose(a * v2[0]! + b * v2[1]!, 50 * v2[0]!, 1e-13, 'H v2 x');
      expectClose(b * v2[0]! + c * v2[1]!, 50 * v2[1]!, 1e-13, 'H v2 y');
      const e = symmetricEigen2(a, b, c);
      expectClose(e.lambdaMax, 50, 1e-13, 'λmax');
      expectClose(e.lambdaMin, 2, 1e-13, 'λmin');
      expectClose(Math.abs(e.vMax[0] * v2[0]! + e.vMax[1] * v2[1]!), 1, 1e-12, 'vMax ∥ v2');
    }
  });

  it('handles κ up to 1e6, flat directions and saddles', () => {
    const flat = surfaceOf({ kind: 'quadratic', eigenvalues: [0, 5], angle: 0.2, center: [1, 1] });
    expect(flat.minima).toEqual([{ x: 1, y: 1, value: 0 }]);
    const saddle = surfaceOf(SURFACES.saddle!);
    expect(saddle.minima).toEqual([]);
    expect(saddle.value(1, 0)).toBeLessThan(0);
    const stiff = surfaceOf({ kind: 'quadratic', eigenvalues: [1e-3, 1e3], angle: 0.7, center: [0, 0] });
    const h = new Float64Array(3);
    stiff.hessian(0, 0, h);
    const e = symmetricEigen2(h[0]!, h[1]!, h[2]!);
    expect(e.lambdaMax / e.lambdaMin).toBeGreaterThan(0.999e6);
  });
});

describe('every surface knows its minima and a view box that contains them', () => {
  for (const [name, input] of Object.entries(SURFACES)) {
    it(name, () => {
      const s = surfaceOf(input);
      const g = new Float64Array(2);
      const h = new Float64Array(3);
      const { xMin, xMax, yMin, yMax } = s.viewBox;
      expect(xMin < xMax && yMin < yMax).toBe(true);
      for (const m of s.minima) {
        s.gradient(m.x, m.y, g);
        s.hessian(m.x, m.y, h);
        expect(Math.hypot(g[0]!, g[1]!)).toBeLessThan(1e-9);
        expect(h[0]! >= 0 && h[0]! * h[2]! - h[1]! * h[1]! >= 0).toBe(true);
        expect(m.value).toBe(s.value(m.x, m.y));
        expect(m.x >= xMin && m.x <= xMax && m.y >= yMin && m.y <= yMax).toBe(true);
      }
      for (let i = 1; i < s.minima.length; i++) expect(s.minima[i]!.value).toBeGreaterThanOrEqual(s.minima[i - 1]!.value);
    });
  }

  it('rosenbrock has its minimum at (a, a²)', () => {
    expect(surfaceOf({ kind: 'rosenbrock', a: 1.5, b: 10 }).minima).toEqual([{ x: 1.5, y: 2.25, value: 0 }]);
  });

  it('wells has several minima of different depth, the deepest in the deepest well', () => {
    const s = surfaceOf(SURFACES.wells!);
    expect(s.minima.length).toBe(3);
    expect(Math.hypot(s.minima[0]!.x - 2, s.minima[0]!.y - 1)).toBeLessThan(0.3);
    expect(s.minima[1]!.value - s.minima[0]!.value).toBeGreaterThan(0.3);
  });

  it('cliff: the gradient on the cliff face is far larger than anywhere in the bowl', () => {
    const s = surfaceOf(SURFACES.cliff!);
    const g = new Float64Array(2);
    s.gradient(1, 0, g); // on the face: ½·0 + h·s/4 = 10·50/4 = 125, plus x = 1
    expectClose(g[0]!, 1 + (10 * 50) / 4, 1e-12, 'face gradient');
    s.gradient(-1.5, 0, g);
    expect(Math.abs(g[0]!)).toBeLessThan(2);
    expect(s.minima.length).toBe(1);
    expect(Math.hypot(s.minima[0]!.x, s.minima[0]!.y)).toBeLessThan(1e-9);
  });
});
