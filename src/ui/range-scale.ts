/** Mapping between a quantity and a slider's value, linear or log. Pure. */
import { roundSig } from './lr-scale';

export interface RangeScale {
  /** The quantity's range on the slider (for a log scale: positive). */
  min: number;
  max: number;
  /** Slider step: in the quantity's units, or log10 units on a log scale. */
  step: number;
  log?: boolean;
  /** Significant digits kept from a log slider (default 3). */
  digits?: number;
}

/** The slider's value for a quantity, clamped to the track; log scale: log10 (≤ 0 sits at the left). */
export function toSlider(value: number, scale: RangeScale): number {
  if (scale.log) {
    const lo = Math.log10(scale.min);
    const hi = Math.log10(scale.max);
    if (!(value > 0)) return lo;
    return Math.min(hi, Math.max(lo, Math.log10(value)));
  }
  if (Number.isNaN(value)) return scale.min;
  return Math.min(scale.max, Math.max(scale.min, value));
}

/** Decimal places of a step: 0.01 → 2, 0.5 → 1, 1 → 0. */
export function stepDecimals(step: number): number {
  const s = String(step);
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}

/** The quantity for a slider value, rounded so it reads cleanly (no 0.30000000000000004). */
export function fromSlider(v: number, scale: RangeScale): number {
  if (scale.log) return roundSig(10 ** v, scale.digits ?? 3);
  const snapped = Math.round((v - scale.min) / scale.step) * scale.step + scale.min;
  const out = Number(snapped.toFixed(stepDecimals(scale.step)));
  return out === 0 ? 0 : Math.min(scale.max, Math.max(scale.min, out));
}

/** Degrees ↔ radians for θ: the spec stores radians, the UI speaks degrees. */
export function toDegrees(rad: number): number {
  return Number(((rad * 180) / Math.PI).toPrecision(12));
}

export function toRadians(deg: number): number {
  return (deg * Math.PI) / 180;
}
