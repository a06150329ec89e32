import { useEffect, useState } from 'react';
import { caseHref, parseRoute } from '../route';
import { SLUG } from './doctor-presets';

/** The case seed in the address (#/lesson/the-debugging-workflow/case/<seed>), or null. */
export function seedInHash(hash: string): number | null {
  const r = parseRoute(hash);
  return r.page === 'lesson' && r.slug === SLUG && r.seed !== undefined ? r.seed : null;
}

/** The seed of the case the address names, following hashchange (LessonPane passes only the slug). */
export function useCaseSeed(): number | null {
  const read = () => (typeof location === 'undefined' ? null : seedInHash(location.hash));
  const [seed, setSeed] = useState(read);
  useEffect(() => {
    const on = () => setSeed(read());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return seed;
}

/** A fresh seed from the browser's generator (the engine itself never draws unseeded numbers). */
export function freshSeed(): number {
  const a = new Uint32Array(1);
  crypto.getRandomValues(a);
  return a[0]!;
}

/** Opens a case by putting it in the address, so the address bar can be copied as the case's link. */
export function openCase(seed: number): void {
  location.hash = caseHref(SLUG, seed);
}
