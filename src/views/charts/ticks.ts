/** Tick positions and labels for the chart axes. Pure. */

/** Powers of ten in [lo, hi], at most `max` of them (every 2nd, 3rd, … decade when many). */
export function logTicks(lo: number, hi: number, max = 6): number[] {
  if (!(lo > 0) || !(hi > lo) || !Number.isFinite(hi)) return [];
  const e0 = Math.ceil(Math.log10(lo) - 1e-9);
  const e1 = Math.floor(Math.log10(hi) + 1e-9);
  const out: number[] = [];
  const stride = Math.max(1, Math.ceil((e1 - e0 + 1) / max));
  for (let e = e1; e >= e0; e -= stride) out.push(Number(`1e${e}`));
  return out.reverse();
}

/**
 * Ticks for a symlog axis: 0 and ±10^j from the linear zone outwards, thinned so each side has at
 * most `perSide` ticks.
 */
export function symlogTicks(lo: number, hi: number, constant: number, perSide = 4): number[] {
  const out: number[] = [];
  if (lo <= 0 && hi >= 0) out.push(0);
  const start = Math.ceil(Math.log10(Math.max(constant, Number.MIN_VALUE)));
  const side = (bound: number, sign: 1 | -1) => {
    if (!(bound > 0)) return;
    const end = Math.floor(Math.log10(bound));
    if (end < start) return;
    const stride = Math.max(1, Math.ceil((end - start + 1) / perSide));
    for (let j = end; j >= start; j -= stride) out.push(sign * 10 ** j);
  };
  side(hi, 1);
  side(-lo, -1);
  return out.sort((a, b) => a - b);
}

const SUP: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };
const sup = (n: number) => String(n).split('').map((c) => SUP[c] ?? c).join('');

/** A tick label: powers of ten as 10ⁿ (or −10ⁿ), other values with 3 significant digits. */
export function tickLabel(x: number): string {
  if (!Number.isFinite(x)) return '';
  if (x === 0) return '0';
  const a = Math.abs(x);
  const e = Math.round(Math.log10(a));
  const sign = x < 0 ? '−' : '';
  if (Math.abs(a / 10 ** e - 1) < 1e-9 && (e <= -3 || e >= 4)) return `${sign}10${sup(e)}`;
  if (a >= 1e4 || a < 1e-3) {
    const [m, ex] = a.toExponential(1).split('e');
    return `${sign}${m}×10${sup(Number(ex))}`;
  }
  return sign + String(Number(a.toPrecision(3)));
}

/** A short number for notes: 1e-12 → "10⁻¹²", 0.5 → "0.5". */
export function shortNum(x: number): string {
  return tickLabel(x);
}
