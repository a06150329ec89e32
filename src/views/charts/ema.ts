/**
 * TensorBoard's scalar smoothing, exactly as TensorBoard ≥ 2.x does it (the "classic" smoothing of
 * vz_line_chart2 and the Angular dashboard): a first-order IIR filter started at 0,
 *   last_t = last_{t−1}·w + (1 − w)·x_t,   smoothed_t = last_t / (1 − w^n_t),
 * where n_t counts the finite values so far (the zero-init debias). Non-finite values are passed
 * through unchanged and neither update the filter nor count towards n; a constant series is
 * returned as is (TensorBoard #786); w = 1 skips the debias division (the series stays 0).
 */
export function emaSmooth(values: ArrayLike<number>, weight: number): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  const w = Math.min(1, Math.max(0, Number.isFinite(weight) ? weight : 0));
  if (n === 0) return out;
  const first = values[0]!;
  let constant = true;
  for (let i = 1; i < n && constant; i++) constant = values[i] === first;
  if (constant || w === 0) {
    for (let i = 0; i < n; i++) out[i] = values[i]!;
    return out;
  }
  let last = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i]!;
    if (!Number.isFinite(x)) {
      out[i] = x;
      continue;
    }
    last = last * w + (1 - w) * x;
    count++;
    out[i] = w === 1 ? last : last / (1 - w ** count);
  }
  return out;
}
