/**
 * KaTeX is loaded lazily (its JS and CSS are not in the initial bundle): the first Tex that
 * mounts starts the import; until it resolves every Tex shows its plain-Unicode form.
 */
import { useEffect, useState } from 'react';

type Katex = (typeof import('katex'))['default'];
type Morph = typeof import('./morph');

let loaded: Katex | null = null;
let pending: Promise<Katex> | null = null;
/** The markup updater (morph.ts), loaded with KaTeX: it is only used once KaTeX is there. */
export let morph: Morph | null = null;

export function loadKatex(): Promise<Katex> {
  pending ??= Promise.all([import('katex'), import('katex/dist/katex.min.css'), import('./morph')]).then(([m, , mo]) => {
    morph = mo;
    loaded = m.default;
    return loaded;
  });
  return pending;
}

/** KaTeX once loaded, null before (or if it could not load: the plain text stays). */
export function useKatex(): Katex | null {
  const [katex, setKatex] = useState<Katex | null>(loaded);
  useEffect(() => {
    if (katex) return;
    let alive = true;
    loadKatex().then(
      (k) => {
        if (alive) setKatex(() => k);
      },
      () => {
        pending = null; // offline: keep the plain text, try again on the next mount
      },
    );
    return () => {
      alive = false;
    };
  }, [katex]);
  return katex;
}

const cache = new Map<string, string>();

/** TeX → HTML+MathML, memoised on the string (the same numbers never render twice). */
export function renderTex(katex: Katex, tex: string): string | null {
  const hit = cache.get(tex);
  if (hit !== undefined) return hit;
  try {
    const html = katex.renderToString(tex, { throwOnError: false, strict: 'ignore', output: 'htmlAndMathml' });
    if (cache.size > 500) cache.clear();
    cache.set(tex, html);
    return html;
  } catch {
    return null;
  }
}
