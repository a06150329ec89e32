/*
 * Reading what a learner types into the "see it in each format" box: decimals, scientific
 * notation and powers, combined with + − × (e.g. "1 + 2^-11", "65504", "1e-8", "3·2⁻²⁴").
 * A small recursive-descent parser over doubles (no eval); every failure is a message.
 */

export type ParsedValue = { ok: true; value: number } | { ok: false; message: string };

const SUPERSCRIPT: Record<string, string> = {
  '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9', '⁻': '-', '⁺': '+',
};

/** Unicode minus and superscript exponents to ASCII; '·', '×' and '*' all mean times; '**' means power. */
export function normalise(text: string): string {
  let s = text.trim().replace(/[\u2212\u2012\u2013]/g, '-').replace(/\*\*/g, '^').replace(/[·×*]/g, '*');
  s = s.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺]+/g, (m) => `^${m.split('').map((c) => SUPERSCRIPT[c]).join('')}`);
  return s.replace(/\s+/g, '');
}

class Reader {
  i = 0;
  constructor(readonly s: string) {}
  peek(): string { return this.s[this.i] ?? ''; }
  eat(c: string): boolean {
    if (this.peek() !== c) return false;
    this.i++;
    return true;
  }
}

const NUMBER = /^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?/i;

function number(r: Reader): number {
  const m = NUMBER.exec(r.s.slice(r.i));
  if (!m) throw new Error(r.i >= r.s.length ? 'it ends where a number should follow' : `expected a number at “${r.s.slice(r.i, r.i + 8)}”`);
  r.i += m[0].length;
  return Number(m[0]);
}

function power(r: Reader): number {
  const base = number(r);
  if (!r.eat('^')) return base;
  const m = /^[+-]?\d+/.exec(r.s.slice(r.i));
  if (!m) throw new Error('an exponent after ^ must be a whole number, e.g. 2^-11');
  r.i += m[0].length;
  const k = Number(m[0]);
  if (Math.abs(k) > 2000) throw new Error(`the exponent ${k} is too large`);
  return base ** k;
}

function factor(r: Reader): number {
  if (r.eat('-')) return -factor(r);
  if (r.eat('+')) return factor(r);
  if (r.eat('(')) {
    const v = sum(r);
    if (!r.eat(')')) throw new Error('a “(” is never closed');
    return v;
  }
  return power(r);
}

function product(r: Reader): number {
  let v = factor(r);
  for (;;) {
    if (r.eat('*')) v *= factor(r);
    else if (r.eat('/')) v /= factor(r);
    else return v;
  }
}

function sum(r: Reader): number {
  let v = product(r);
  for (;;) {
    if (r.eat('+')) v += product(r);
    else if (r.eat('-')) v -= product(r);
    else return v;
  }
}

const HELP = 'Type a decimal (65504), scientific notation (1e-8) or powers of two (1 + 2^-11).';

/** The value of the typed text as a double, or a message saying what is wrong with it. */
export function parseValue(text: string): ParsedValue {
  const s = normalise(text);
  if (s === '') return { ok: false, message: `Nothing to convert yet. ${HELP}` };
  const r = new Reader(s);
  let value: number;
  try {
    value = sum(r);
    if (r.i < s.length) throw new Error(`“${s.slice(r.i)}” at the end was not understood`);
  } catch (e) {
    return { ok: false, message: `“${text.trim()}” is not a number I can read (${(e as Error).message}). ${HELP}` };
  }
  if (Number.isNaN(value)) return { ok: false, message: `“${text.trim()}” has no value (0/0). ${HELP}` };
  if (!Number.isFinite(value)) return { ok: false, message: `“${text.trim()}” is beyond even FP64’s range (about 1.8×10³⁰⁸).` };
  return { ok: true, value };
}
