/**
 * scripts/simulate.ts end to end: the real CLI in a child process (tsx), reading a spec from a
 * file or stdin and printing the run as JSON. Each spawn costs ~0.5 s, so the cases are few.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const TIMEOUT = 30_000;

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'overshoot-cli-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function specFile(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function simulate(args: string[], input?: string): SpawnSyncReturns<string> {
  const r = spawnSync(TSX, ['scripts/simulate.ts', ...args], {
    cwd: ROOT, encoding: 'utf8', input: input ?? '', timeout: TIMEOUT,
  });
  if (r.error) throw r.error;
  return r;
}

const KEYS = ['gradNorm', 'loss', 'lr', 'predictedRegime', 'regime', 'stopReason', 'stoppedAt', 'w'];
const REGIMES = ['monotone', 'oscillating', 'diverging'];

interface RunJson {
  w: [number | null, number | null][];
  loss: (number | null)[];
  lr: (number | null)[];
  gradNorm: (number | null)[];
  stoppedAt: number | null;
  stopReason: string | null;
  regime: string;
  predictedRegime: string | null;
}

/** Exit 0, nothing on stderr, and stdout is exactly one JSON object (one line). */
function runJson(r: SpawnSyncReturns<string>): RunJson {
  expect(r.status, `stderr: ${r.stderr}`).toBe(0);
  expect(r.stderr).toBe('');
  expect(r.stdout.endsWith('\n')).toBe(true);
  expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
  const out = JSON.parse(r.stdout) as RunJson;
  expect(out !== null && typeof out === 'object' && !Array.isArray(out)).toBe(true);
  expect(Object.keys(out).sort()).toStrictEqual(KEYS);
  return out;
}

// λ = [1, 10] at lr 0.05: per-step factors 0.95 and 0.5, both in (0, 1): a monotone descent.
const CALM = {
  surface: { kind: 'quadratic', eigenvalues: [1, 10] },
  optimizer: { kind: 'sgd', lr: 0.05 },
  start: [1, -2],
  steps: 25,
};

describe('scripts/simulate.ts', () => {
  let fromFile: RunJson;

  it('runs a spec file: one JSON object, steps + 1 entries, w[0] = start', () => {
    fromFile = runJson(simulate([specFile('calm.json', JSON.stringify(CALM))]));
    const { w, loss, lr, gradNorm } = fromFile;
    expect(w).toHaveLength(CALM.steps + 1);
    for (const a of [loss, lr, gradNorm]) expect(a).toHaveLength(CALM.steps + 1);
    expect(w[0]).toStrictEqual([1, -2]);
    for (const p of w) {
      expect(p).toHaveLength(2);
      expect(p.every((v) => typeof v === 'number' && Number.isFinite(v))).toBe(true);
    }
    // f(w0) = ½(1·1² + 10·2²) = 20.5; ‖∇f(w0)‖ = ‖(1, −20)‖; w1 = w0 − 0.05·(1, −20) = (0.95, −1).
    expect(loss[0]).toBeCloseTo(20.5, 12);
    expect(gradNorm[0]).toBeCloseTo(Math.hypot(1, 20), 12);
    expect(w[1]![0]).toBeCloseTo(0.95, 12);
    expect(w[1]![1]).toBeCloseTo(-1, 12);
    expect(lr.every((v) => v === 0.05)).toBe(true);
    expect(fromFile.stoppedAt).toBeNull();
    expect(fromFile.stopReason).toBeNull();
    expect(fromFile.regime).toBe('monotone');
    expect(fromFile.predictedRegime).toBe('monotone');
  }, TIMEOUT);

  it('reads the spec from stdin when given no path, with the same output', () => {
    const out = runJson(simulate([], JSON.stringify(CALM)));
    expect(out.w).toHaveLength(CALM.steps + 1);
    expect(out.w[0]).toStrictEqual([1, -2]);
    expect(out.stoppedAt).toBeNull();
    expect(fromFile, 'the file run (previous test) produced output').toBeDefined();
    expect(out).toStrictEqual(fromFile);
  }, TIMEOUT);

  it('a diverging run stops at step 513 where the loss overflows, and says so', () => {
    // GD at lr 3 on λ = 1: w_k = (1 − 3)^k = (−2)^k exactly, loss ½·4^k overflows first at k = 513.
    const spec = { surface: { kind: 'quadratic', eigenvalues: [1, 1] }, optimizer: { kind: 'sgd', lr: 3 }, start: [1, 0], steps: 1000 };
    const out = runJson(simulate([specFile('diverge.json', JSON.stringify(spec))]));
    expect(out.stoppedAt).toBe(513);
    expect(out.w).toHaveLength(514);
    expect(out.loss).toHaveLength(514);
    expect(out.loss[513]).toBeNull();
    expect(out.loss.slice(0, 513).every((v) => typeof v === 'number')).toBe(true);
    expect(out.loss[512]).toBe(2 ** 1023);
    expect(out.w[512]).toStrictEqual([2 ** 512, 0]);
    expect(out.w[513]).toStrictEqual([-(2 ** 513), 0]);
    expect(out.stopReason).toMatch(/step 513/);
    expect(out.stopReason).toMatch(/loss/);
    expect(out.regime).toBe('diverging');
    expect(out.predictedRegime).toBe('diverging');
    expect(REGIMES).toContain(out.regime);
  }, TIMEOUT);

  it('an invalid spec exits 1 with nothing on stdout and one line per bad field on stderr', () => {
    const spec = { surface: { kind: 'sphere' }, optimizer: { kind: 'sgd', lr: '0.1', learningRate: 0.1 }, steps: -5 };
    const r = simulate([specFile('invalid.json', JSON.stringify(spec))]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    for (const field of ['surface.kind', 'optimizer.lr', 'optimizer.learningRate', 'steps']) {
      expect(lines.filter((l) => l.startsWith(`${field}: `)), `a line for ${field} in:\n${r.stderr}`).toHaveLength(1);
    }
    expect(r.stderr).toMatch(/"0\.1"/);
  }, TIMEOUT);

  it('invalid JSON on stdin exits 1 with a message', () => {
    const r = simulate([], '{"surface": {"kind": "quadratic"},');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/not valid JSON/);
  }, TIMEOUT);

  it('a missing file exits non-zero with a message naming it', () => {
    const missing = join(dir, 'no-such-spec.json');
    const r = simulate([missing]);
    expect(r.status).not.toBe(0);
    expect(r.status).not.toBeNull();
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/cannot read/);
    expect(r.stderr).toContain('no-such-spec.json');
  }, TIMEOUT);
});
