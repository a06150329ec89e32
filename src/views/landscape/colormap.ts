import { rgb } from 'd3-color';
import { interpolateLab, piecewise } from 'd3-interpolate';
import { unit, type LogScale } from './field';

/**
 * A blue-to-yellow sequential map, interpolated in CIELAB through anchors with steadily rising
 * lightness (close to cividis): it avoids the red–green axis, so it reads the same with every
 * common colour-vision deficiency and in greyscale. Written here rather than imported from
 * d3-scale-chromatic, whose prebuilt bundle cannot be tree-shaken (it cost 16 kB of the first load).
 */
export const interpolateCividis: (t: number) => string = piecewise(interpolateLab, ['#00224e', '#35456c', '#666970', '#948e77', '#c8b866', '#fee838']);

/** A 256-entry RGBA lookup table from a d3 interpolator (colours parsed with d3-color). */
export function makeLut(interpolate: (t: number) => string = interpolateCividis, size = 256): Uint8ClampedArray {
  const lut = new Uint8ClampedArray(size * 4);
  for (let i = 0; i < size; i++) {
    const c = rgb(interpolate(i / (size - 1)));
    lut[4 * i] = c.r;
    lut[4 * i + 1] = c.g;
    lut[4 * i + 2] = c.b;
    lut[4 * i + 3] = 255;
  }
  return lut;
}

let defaultLut: Uint8ClampedArray | null = null;
export const cividisLut = () => (defaultLut ??= makeLut());

/**
 * RGBA pixels for a grid of log values: position on the scale picks a LUT entry; +∞ takes the top
 * colour, −∞ the bottom one, NaN is fully transparent (the panel's hatching shows through).
 */
export function rasterize(logs: ArrayLike<number>, s: LogScale, lut: Uint8ClampedArray = cividisLut()): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(logs.length * 4);
  const top = lut.length / 4 - 1;
  const k = top / (s.hi - s.lo);
  for (let i = 0; i < logs.length; i++) {
    const l = logs[i]!;
    if (Number.isNaN(l)) continue;
    let j = Math.round((l - s.lo) * k);
    j = j < 0 ? 0 : j > top ? top : j; // ±∞ land on the ends
    const o = 4 * i;
    const q = 4 * j;
    out[o] = lut[q]!;
    out[o + 1] = lut[q + 1]!;
    out[o + 2] = lut[q + 2]!;
    out[o + 3] = lut[q + 3]!;
  }
  return out;
}

/** The colour (CSS) of a log value, for contour strokes and the colour bar. */
export function colorAt(l: number, s: LogScale, interpolate: (t: number) => string = interpolateCividis): string {
  const t = unit(l, s);
  return Number.isNaN(t) ? 'transparent' : interpolate(t);
}

/** Relative luminance (WCAG) of a CSS colour: picks light or dark strokes over the map. */
export function luminance(css: string): number {
  const c = rgb(css);
  const lin = (v: number) => {
    const u = v / 255;
    return u <= 0.04045 ? u / 12.92 : ((u + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}
