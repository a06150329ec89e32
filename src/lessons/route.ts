import { useEffect, useState } from 'react';

/** The page shown: the lab alone, a lesson beside it (#/lesson/<slug>), or the lab with its stability map open (#/map). */
export type Route = { page: 'lab' } | { page: 'lesson'; slug: string; seed?: number } | { page: 'map' };

export function parseRoute(hash: string): Route {
  if (/^#\/map\/?$/.test(hash)) return { page: 'map' };
  const m = /^#\/lesson\/([a-z0-9-]+)\/?$/.exec(hash);
  if (m) return { page: 'lesson', slug: m[1]! };
  // #/lesson/<slug>/case/<seed>: a lesson opened on one seeded case (the training doctor's shared links).
  const c = /^#\/lesson\/([a-z0-9-]+)\/case\/(\d{1,10})\/?$/.exec(hash);
  return c && Number(c[2]) <= 2 ** 32 - 1 ? { page: 'lesson', slug: c[1]!, seed: Number(c[2]) } : { page: 'lab' };
}

export function caseHref(slug: string, seed: number): string {
  return `#/lesson/${slug}/case/${seed}`;
}

export function lessonHref(slug: string): string {
  return `#/lesson/${slug}`;
}

/** The current route, following hashchange. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(typeof location === 'undefined' ? '' : location.hash));
  useEffect(() => {
    const on = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}
