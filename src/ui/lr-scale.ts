/**
 * The α slider's log scale and the geometry of its ticks. Pure, so the mapping can be tested:
 * the slider's value is log10 α; one keyboard step (0.002) changes α by 10^0.002 − 1 ≈ 0.46 %.
 */

export interface LogScale {
  /** log10 of the smallest and largest α on the track. */
  min: number;
  max: number;
  /** Slider step in log10 units. */
  step: number;
}

export const LR_SCALE: LogScale = { min: -4, max: 1, step: 0.002 };

/** Thumb width in CSS pixels: lr-slider.css draws the thumb exactly this wide. */
export const LR_THUMB_PX = 20;

/** Significant digits α keeps when set from the slider: distinct steps stay distinct α. */
export const LR_DIGITS = 4;

/** x rounded to `digits` significant digits (0.20045… → 0.2005). */
export function roundSig(x: number, digits = LR_DIGITS): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  return Number(x.toPrecision(digits));
}

/** The slider's value for α: log10 α, clamped to the track (α ≤ 0 sits at the left end). */
export function lrToSlider(lr: number, scale: LogScale = LR_SCALE): number {
  if (!(lr > 0)) return scale.min;
  return Math.min(scale.max, Math.max(scale.min, Math.log10(lr)));
}

/** α for a slider value: 10^v, rounded to LR_DIGITS significant digits. */
export function sliderToLr(v: number, scale: LogScale = LR_SCALE): number {
  const clamped = Math.min(scale.max, Math.max(scale.min, v));
  return roundSig(10 ** clamped);
}

/**
 * Where α sits along the track as a fraction 0…1 (unclamped: < 0 or > 1 is off the scale);
 * null when α is not a positive finite number (no place on a log scale).
 */
export function lrFraction(lr: number, scale: LogScale = LR_SCALE): number | null {
  if (!(lr > 0) || !Number.isFinite(lr)) return null;
  return (Math.log10(lr) - scale.min) / (scale.max - scale.min);
}

/** Is the fraction on the visible track? */
export function onTrack(p: number | null): p is number {
  return p !== null && p >= 0 && p <= 1;
}

/**
 * The thumb centre's x for fraction p, as browsers place a range thumb: the thumb travels
 * inside the content box, so its centre runs from thumbW/2 to trackW − thumbW/2.
 */
export function thumbCenterPx(p: number, trackW: number, thumbW: number = LR_THUMB_PX): number {
  return thumbW / 2 + p * (trackW - thumbW);
}

/** The same position as a CSS length, relative to the element that spans the input's content box. */
export function thumbCenterCss(p: number, thumbW: number = LR_THUMB_PX): string {
  const q = Math.round(p * 1e6) / 1e6;
  return `calc(${thumbW / 2}px + ${q} * (100% - ${thumbW}px))`;
}

/** Percent of the track's travel (0–100) for α, clamped: handy for readouts and tests. */
export function lrPercent(lr: number, scale: LogScale = LR_SCALE): number {
  const p = lrFraction(lr, scale);
  if (p === null) return 0;
  return Math.min(100, Math.max(0, p * 100));
}

/** α multiplied by `factor`, clamped to the slider's range and rounded like a slider value. */
export function scaleLr(lr: number, factor: number, scale: LogScale = LR_SCALE): number {
  const lo = 10 ** scale.min;
  const hi = 10 ** scale.max;
  const base = lr > 0 ? lr : lo;
  return roundSig(Math.min(hi, Math.max(lo, base * factor)));
}

/** Decade labels for the track: 10⁻⁴ … 10. */
export function decadeTicks(scale: LogScale = LR_SCALE): number[] {
  const out: number[] = [];
  for (let e = Math.ceil(scale.min); e <= Math.floor(scale.max); e++) out.push(e);
  return out;
}
