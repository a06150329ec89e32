import { useEffect, useState } from 'react';

/** The page shown: the lab alone, or a lesson beside it (#/lesson/<slug>). */
export type Route = { page: 'lab' } | { page: 'lesson'; slug: string };

export function parseRoute(hash: string): Route {
  const m = /^#\/lesson\/([a-z0-9-]+)\/?$/.exec(hash);
  return m ? { page: 'lesson', slug: m[1]! } : { page: 'lab' };
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
