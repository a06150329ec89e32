import { parseRunSpec, type SpecError } from '../engine';
import { DEFAULT_VIEW, defaultDoc, MAX_LAB_STEPS, MAX_RUNS, SPEEDS, type LabDoc, type RunDoc, type ViewSettings } from './doc';

import { PARAM } from './url-encode';

// Decoding validates every run with the engine's spec parser, so it lives apart from encoding:
// the page loads it only when the address carries a lab state (see main.tsx).
export { encodeDoc, PARAM } from './url-encode';

type Json = Record<string, unknown>;

export interface Decoded {
  doc: LabDoc;
  /** One sentence per thing that was wrong and was left out or replaced by its default. */
  ignored: string[];
}

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const explain = (errors: SpecError[]) => errors.map((e) => `${e.path}: ${e.message}`).join('; ');

/**
 * Reads a shared state. Loads everything that is valid and lists what it ignored; never throws.
 * Each run is validated as a whole run spec (with the shared surface, start and steps).
 */
export function decodeDoc(text: string): Decoded {
  const fallback = defaultDoc();
  const ignored: string[] = [];
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { doc: fallback, ignored: [`the link's lab state is not valid JSON (${(err as Error).message}); showing the default lab`] };
  }
  if (!isObject(raw)) return { doc: fallback, ignored: ['the link\'s lab state is not an object; showing the default lab'] };
  for (const key of Object.keys(raw)) {
    if (!['surface', 'start', 'steps', 'runs', 'view'].includes(key)) ignored.push(`unknown field "${key}"`);
  }
  const withSurface = parseRunSpec({ surface: raw.surface, optimizer: { kind: 'sgd' } });
  const surface = withSurface.ok ? withSurface.spec.surface : fallback.surface;
  if (!withSurface.ok) ignored.push(`surface ignored (${explain(withSurface.errors)})`);
  let start = withSurface.ok ? withSurface.spec.start : fallback.start;
  if (raw.start !== undefined) {
    const withStart = parseRunSpec({ surface, start: raw.start, optimizer: { kind: 'sgd' } });
    if (withStart.ok) start = withStart.spec.start;
    else ignored.push(`start ignored (${explain(withStart.errors)})`);
  }
  let steps = fallback.steps;
  if (raw.steps !== undefined) {
    if (typeof raw.steps === 'number' && Number.isInteger(raw.steps) && raw.steps >= 1 && raw.steps <= MAX_LAB_STEPS) steps = raw.steps;
    else ignored.push(`steps ignored (expected a whole number from 1 to ${MAX_LAB_STEPS})`);
  }
  const runs: RunDoc[] = [];
  if (!Array.isArray(raw.runs)) {
    if (raw.runs !== undefined) ignored.push('runs ignored (expected an array)');
  } else {
    raw.runs.slice(0, MAX_RUNS).forEach((r: unknown, i) => {
      const fields = isObject(r) ? r : {};
      const parsed = parseRunSpec({ ...fields, surface, start, steps });
      if (!isObject(r)) ignored.push(`run ${i + 1} ignored (expected an object)`);
      else if (!parsed.ok) ignored.push(`run ${i + 1} ignored (${explain(parsed.errors)})`);
      else {
        const { optimizer, schedule, clip, noise, seed, badBatch, guard, precision } = parsed.spec;
        runs.push({
          id: `r${runs.length + 1}`, optimizer, schedule, clip, noise, seed,
          ...(badBatch ? { badBatch } : {}), ...(guard ? { guard } : {}), ...(precision ? { precision } : {}),
        });
      }
    });
    if (raw.runs.length > MAX_RUNS) ignored.push(`runs after the first ${MAX_RUNS} ignored`);
  }
  if (runs.length === 0) {
    runs.push(...fallback.runs);
    if (raw.runs !== undefined) ignored.push('no valid run left; showing the default runs');
  }
  const view = decodeView(raw.view, ignored);
  return { doc: { surface, start, steps, runs, view }, ignored };
}

function decodeView(raw: unknown, ignored: string[]): ViewSettings {
  const view: ViewSettings = { ...DEFAULT_VIEW };
  if (raw === undefined) return view;
  if (!isObject(raw)) {
    ignored.push('view settings ignored (expected an object)');
    return view;
  }
  const take = <K extends keyof ViewSettings>(key: K, ok: (v: unknown) => boolean, what: string) => {
    const v = raw[key];
    if (v === undefined) return;
    if (ok(v)) view[key] = v as ViewSettings[K];
    else ignored.push(`view.${key} ignored (expected ${what})`);
  };
  take('logY', (v) => typeof v === 'boolean', 'true or false');
  take('ema', (v) => typeof v === 'number' && v >= 0 && v <= 0.99, 'a number from 0 to 0.99');
  take('speed', (v) => (SPEEDS as readonly unknown[]).includes(v), `one of ${SPEEDS.join(', ')}`);
  take('onChange', (v) => v === 'continue' || v === 'restart', '"continue" or "restart"');
  take('box', (v) => v === null || (isObject(v) && ['xMin', 'xMax', 'yMin', 'yMax'].every((k) => typeof v[k] === 'number' && Number.isFinite(v[k]))
    && (v.xMin as number) < (v.xMax as number) && (v.yMin as number) < (v.yMax as number)), 'null or a finite box with xMin < xMax and yMin < yMax');
  return view;
}

/** Reads the lab state from a location's query string; null when the link carries none. */
export function readLocation(search: string): Decoded | null {
  const text = new URLSearchParams(search).get(PARAM);
  return text === null ? null : decodeDoc(text);
}
