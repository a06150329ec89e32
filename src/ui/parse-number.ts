/**
 * Reading a number a person typed. Pure: the NumberField shows the message and keeps the last
 * good value; nothing here throws.
 */
import type { NumberRule as SpecNumberRule } from '../engine/spec/check';
import { fmtInput } from './format';

/** The run spec's number rule (bounds, whole numbers), plus the names of fields that set the bounds. */
export interface NumberRule extends SpecNumberRule {
  /** What `min` / `max` stand for, when another field sets them: "warmupSteps". */
  minName?: string;
  maxName?: string;
}

export type Parsed = { ok: true; value: number } | { ok: false; message: string };

/** Decimal or scientific notation; no hex, no "Infinity", no "NaN". */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Normalises what people type: Unicode minus, a decimal comma, spaces, "×10^" notation. */
export function normaliseNumberText(text: string): string {
  let s = text.trim().replace(/[\u2212\u2012\u2013]/g, '-').replace(/\s+/g, '');
  if (!s.includes('.') && /^[+-]?\d*,\d+$/.test(s)) s = s.replace(',', '.');
  s = s.replace(/(?:\*|×|x)10\^/i, 'e');
  return s;
}

function limit(value: number, name: string | undefined): string {
  const v = fmtInput(value);
  return name ? `${name} (${v})` : v;
}

function minText(rule: NumberRule): string {
  return `${rule.minExclusive ? '>' : '≥'} ${limit(rule.min!, rule.minName)}`;
}

function maxText(rule: NumberRule): string {
  return `${rule.maxExclusive ? '<' : '≤'} ${limit(rule.max!, rule.maxName)}`;
}

/** What the rule asks for, in words: "a number > 0", "a whole number ≥ 1 and ≤ 5000". */
export function ruleText(rule: NumberRule): string {
  const parts = [rule.integer ? 'a whole number' : 'a number'];
  if (rule.min !== undefined) parts.push(minText(rule));
  if (rule.max !== undefined) parts.push(`${rule.min !== undefined ? 'and ' : ''}${maxText(rule)}`);
  return parts.join(' ');
}

/**
 * Parses `text` for the field `name` under `rule`. On failure the message names the field and
 * says what was wrong and what is expected, e.g. "λ1: “abc” is not a number. Enter a number."
 */
export function parseNumberInput(text: string, name: string, rule: NumberRule = {}): Parsed {
  const s = normaliseNumberText(text);
  const shown = text.trim().length > 24 ? `${text.trim().slice(0, 24)}…` : text.trim();
  const expected = `Enter ${ruleText(rule)}.`;
  if (s === '') return { ok: false, message: `${name}: empty. ${expected}` };
  if (!NUMBER.test(s)) return { ok: false, message: `${name}: “${shown}” is not a number. ${expected}` };
  const value = Number(s);
  if (!Number.isFinite(value)) {
    return { ok: false, message: `${name}: “${shown}” is too large to represent. ${expected}` };
  }
  const got = fmtInput(value);
  if (rule.integer && !Number.isInteger(value)) {
    return { ok: false, message: `${name}: must be a whole number, got ${got}.` };
  }
  if (rule.min !== undefined && (rule.minExclusive ? !(value > rule.min) : !(value >= rule.min))) {
    if (value < 0 && rule.min === 0 && !rule.minExclusive) return { ok: false, message: `${name}: cannot be negative, got ${got}.` };
    return { ok: false, message: `${name}: must be ${minText(rule)}, got ${got}.` };
  }
  if (rule.max !== undefined && (rule.maxExclusive ? !(value < rule.max) : !(value <= rule.max))) {
    return { ok: false, message: `${name}: must be ${maxText(rule)}, got ${got}.` };
  }
  // −0 reads as 0.
  return { ok: true, value: value === 0 ? 0 : value };
}

/** The message appended when a bad entry is rejected: "Still using 1." */
export function keptText(value: number): string {
  return `Still using ${fmtInput(value)}.`;
}
