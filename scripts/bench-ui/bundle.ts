import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSizes {
  initialKb: number;
  initialGzKb: number;
  lazyKb: number;
  lazyGzKb: number;
  files: { file: string; kb: number; gzKb: number; initial: boolean }[];
}

/**
 * Splits dist/assets/*.js into what index.html loads up front (its module script and
 * modulepreload links) and what is fetched lazily (dynamic imports such as KaTeX).
 */
export function measureBundle(dist: string): BundleSizes {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const initialNames = new Set([...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]!));
  const assets = join(dist, 'assets');
  const files = readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .map((f) => {
      const buf = readFileSync(join(assets, f));
      return { file: f, kb: statSync(join(assets, f)).size / 1024, gzKb: gzipSync(buf, { level: 9 }).length / 1024, initial: initialNames.has(`assets/${f}`) };
    });
  const sum = (xs: typeof files, key: 'kb' | 'gzKb') => xs.reduce((a, f) => a + f[key], 0);
  const initial = files.filter((f) => f.initial);
  const lazy = files.filter((f) => !f.initial);
  return { initialKb: sum(initial, 'kb'), initialGzKb: sum(initial, 'gzKb'), lazyKb: sum(lazy, 'kb'), lazyGzKb: sum(lazy, 'gzKb'), files };
}
