/**
 * Small readers for untrusted JSON. Each reader takes the raw value and the path of the field,
 * records a message naming the field when the value is wrong, and never throws.
 * An omitted field (undefined) takes the default when one is given; a present but wrong value
 * is always an error, never silently replaced.
 */

export interface SpecError {
  /** Dotted path of the offending field, e.g. "optimizer.betas[1]". */
  path: string;
  message: string;
}

export class Issues {
  readonly list: SpecError[] = [];
  add(path: string, message: string): void {
    this.list.push({ path, message });
  }
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  switch (typeof value) {
    case 'string':
      return `the string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`;
    case 'number':
      return Number.isNaN(value) ? 'NaN' : String(value);
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

export interface NumberRule {
  min?: number;
  /** When true, the value must be strictly greater than `min`. */
  minExclusive?: boolean;
  max?: number;
  maxExclusive?: boolean;
  integer?: boolean;
}

function ruleText(rule: NumberRule): string {
  const parts: string[] = [rule.integer ? 'a whole number' : 'a finite number'];
  if (rule.min !== undefined) parts.push(`${rule.minExclusive ? '>' : '≥'} ${rule.min}`);
  if (rule.max !== undefined) parts.push(`${rule.min !== undefined ? 'and ' : ''}${rule.maxExclusive ? '<' : '≤'} ${rule.max}`);
  return parts.join(' ');
}

export function readNumber(
  issues: Issues,
  value: unknown,
  path: string,
  rule: NumberRule = {},
  fallback?: number,
): number | undefined {
  if (value === undefined) {
    if (fallback === undefined) issues.add(path, `missing: expected ${ruleText(rule)}`);
    return fallback;
  }
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (!rule.integer || Number.isInteger(value)) &&
    (rule.min === undefined || (rule.minExclusive ? value > rule.min : value >= rule.min)) &&
    (rule.max === undefined || (rule.maxExclusive ? value < rule.max : value <= rule.max));
  if (!ok) {
    issues.add(path, `expected ${ruleText(rule)}, got ${describe(value)}`);
    return undefined;
  }
  return value as number;
}

export function readBoolean(issues: Issues, value: unknown, path: string, fallback?: boolean): boolean | undefined {
  if (value === undefined) {
    if (fallback === undefined) issues.add(path, 'missing: expected true or false');
    return fallback;
  }
  if (typeof value !== 'boolean') {
    issues.add(path, `expected true or false, got ${describe(value)}`);
    return undefined;
  }
  return value;
}

/** A fixed-length tuple of numbers, each checked with the same rule. */
export function readNumbers(
  issues: Issues,
  value: unknown,
  path: string,
  length: number,
  rule: NumberRule = {},
  fallback?: number[],
): number[] | undefined {
  if (value === undefined) {
    if (fallback === undefined) issues.add(path, `missing: expected an array of ${length} numbers`);
    return fallback?.slice();
  }
  if (!Array.isArray(value) || value.length !== length) {
    issues.add(path, `expected an array of ${length} numbers, got ${describe(value)}`);
    return undefined;
  }
  const out: number[] = [];
  let bad = false;
  // An index loop, not forEach: a sparse array's holes must be reported, not skipped.
  for (let i = 0; i < length; i++) {
    const n = readNumber(issues, value[i], `${path}[${i}]`, rule);
    if (n === undefined) bad = true;
    else out.push(n);
  }
  return bad ? undefined : out;
}

/** The value must be a plain object; returns it or records an error. */
export function readObject(issues: Issues, value: unknown, path: string): Record<string, unknown> | undefined {
  if (value === undefined) {
    issues.add(path, 'missing: expected an object');
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    issues.add(path, `expected an object, got ${describe(value)}`);
    return undefined;
  }
  return value as Record<string, unknown>;
}

/** Unknown keys are errors: a typo ("learningRate") must not silently fall back to a default. */
export function rejectUnknownKeys(
  issues: Issues,
  obj: Record<string, unknown>,
  path: string,
  allowed: readonly string[],
  owner: string,
): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) {
      const at = path ? `${path}.${key}` : key;
      issues.add(at, `unknown field; ${owner} takes ${allowed.join(', ')}`);
    }
  }
}

export function readKind<K extends string>(
  issues: Issues,
  obj: Record<string, unknown>,
  path: string,
  kinds: readonly K[],
): K | undefined {
  const kind = obj['kind'];
  if (typeof kind === 'string' && (kinds as readonly string[]).includes(kind)) return kind as K;
  const got = kind === undefined ? 'it is missing' : `got ${describe(kind)}`;
  issues.add(`${path}.kind`, `unknown kind: expected one of ${kinds.join(', ')}; ${got}`);
  return undefined;
}
