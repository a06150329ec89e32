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

/** Parts of x at `digits` significant digits, trailing zeros kept so numbers don't jitter. */
export function sigParts(x: number, digits = 3): { mantissa: string; exponent: number | null } {
  if (x === 0) return { mantissa: '0', exponent: null };
  const a = Math.abs(x);
  if (a >= 1e5 || a < 1e-3) {
    const [m, e] = x.toExponential(digits - 1).split('e');
    return { mantissa: m!, exponent: Number(e) };
  }
  const p = x.toPrecision(digits);
  if (!p.includes('e')) return { mantissa: p, exponent: null };
  // toPrecision switched to exponent form (e.g. 12345 at 3 digits): round to an integer instead.
  return { mantissa: String(Math.round(Number(p))), exponent: null };
}

/** x at fixed significant digits (trailing zeros kept): 0.0200, 1.50×10⁻⁴, ∞. */
export function fmtSig(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return fmt(x);
  const { mantissa, exponent } = sigParts(x, digits);
  const m = mantissa.replace('-', '−');
  return exponent === null ? m : `${m}×10${superscript(exponent)}`;
}

/** x at fixed significant digits as TeX: 0.0200, 1.50\times10^{-4}, \infty. */
export function texSig(x: number, digits = 3): string {
  if (Number.isNaN(x)) return '\\text{NaN}';
  if (!Number.isFinite(x)) return x > 0 ? '\\infty' : '-\\infty';
  const { mantissa, exponent } = sigParts(x, digits);
  return exponent === null ? mantissa : `${mantissa}\\times10^{${exponent}}`;
}

/** A number for TeX, short form (trailing zeros dropped): 10, 0.8, 1.2\times10^{-5}. */
export function texPlain(x: number, digits = 4): string {
  const s = fmtPlain(x, digits);
  const m = /^(-?[\d.]+)e([+-]\d+)$/.exec(s);
  if (m) return `${m[1]}\\times10^{${Number(m[2])}}`;
  return s === 'infinity' ? '\\infty' : s;
}

/**
 * How many significant digits (at least `min`) two numbers need to read differently when they
 * differ, so a printed inequality always points the right way: 0.1995 vs 0.2, not 0.2 vs 0.2.
 */
export function digitsApart(a: number, b: number, min = 3, max = 12): number {
  if (a === b || !Number.isFinite(a) || !Number.isFinite(b)) return min;
  for (let d = min; d < max; d++) {
    if (Number(a.toPrecision(d)) !== Number(b.toPrecision(d))) return d;
  }
  return max;
}

/** x in plain text with at least `min` digits, more when needed to differ from `ref`. */
export function fmtPlainApart(x: number, ref: number, min = 3): string {
  return fmtPlain(x, digitsApart(x, ref, min));
}

/** A value for an editable box: the shortest form at up to 6 significant digits (0.05, 1e-7, 30). */
export function fmtInput(x: number): string {
  if (!Number.isFinite(x)) return fmtPlain(x);
  return String(Number(x.toPrecision(6)));
}
