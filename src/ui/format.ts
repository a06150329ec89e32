/**
 * Number formatting for everything the lab prints. Non-finite values are spelled out
 * (never a bare "NaN" in an axis), and significant digits are fixed so numbers don't jitter.
 */
export function fmt(x: number, digits = 3): string {
  if (Number.isNaN(x)) return 'not a number';
  if (x === Infinity) return '∞';
  if (x === -Infinity) return '−∞';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e5 || a < 1e-3) {
    const [m, e] = x.toExponential(digits - 1).split('e');
    return `${m}×10${superscript(Number(e))}`.replace('-', '−');
  }
  return Number(x.toPrecision(digits)).toString().replace('-', '−');
}

/** Plain ASCII-friendly version for aria-valuetext and inputs: 0.019, 1.2e-5. */
export function fmtPlain(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'not a number' : x > 0 ? 'infinity' : 'minus infinity';
  const a = Math.abs(x);
  if (a !== 0 && (a >= 1e5 || a < 1e-3)) return x.toExponential(digits - 1);
  return Number(x.toPrecision(digits)).toString();
}

const SUP: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

function superscript(n: number): string {
  return String(n).split('').map((c) => SUP[c] ?? c).join('');
}
