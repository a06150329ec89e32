import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

const ENGINE = resolve(__dirname, '../../src/engine');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('src/engine is pure', () => {
  const all = files(ENGINE);
  it('has files to check', () => expect(all.length).toBeGreaterThan(10));

  for (const file of all) {
    it(relative(ENGINE, file), () => {
      // Comments may talk about the DOM; code may not.
      const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
      const specifiers = [...text.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
      for (const s of specifiers) {
        expect(s.startsWith('.'), `${s}: the engine imports only its own modules`).toBe(true);
        expect(resolve(dirname(file), s).startsWith(ENGINE), `${s} leaves src/engine`).toBe(true);
      }
      expect(text).not.toMatch(/\bimport\(/);
      expect(text).not.toMatch(/\b(document|window|localStorage|navigator|requestAnimationFrame)\b/);
      expect(text).not.toMatch(/\bMath\.random\b/);
      expect(text).not.toMatch(/\beval\(|new Function\(/);
    });
  }
});
