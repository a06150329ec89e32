/**
 * `npm run bench`: steps per second of the engine's public API (parseRunSpec → simulate, which
 * records every step into typed arrays) for every optimizer configuration on a quadratic and on
 * Rosenbrock, next to a hand-written inline loop of the same update (scripts/bench/inline-*.ts),
 * and the ratio engine/inline. Also: the wall time of one 1e6-step simulate, and the JS-heap
 * bytes per step that Run.advance allocates. The last line is `worst ratio: X`.
 *
 * Method: every configuration is warmed up first (short runs of each engine configuration and
 * each inline loop, twice round), so the engine is timed with the call-site feedback it has in
 * the lab, where the user switches optimizers and surfaces; then each configuration is timed
 * REPS times × STEPS steps (engine and inline interleaved) and the medians are compared.
 */
import { allocateResult, Run, simulate, type RunSpec, type SimResult } from '../src/engine';
import { OPTIMIZERS, SURFACES, specFor, type LoopTable, type Point } from './bench/configs';
import { LOOPS as QUADRATIC_LOOPS } from './bench/inline-quadratic';
import { LOOPS as ROSENBROCK_LOOPS } from './bench/inline-rosenbrock';
import { hasGc, heapBytesAllocated, median, relDiff, timeMs } from './bench/measure';

const STEPS = 1_000_000;
const REPS = 5;
const WARM_STEPS = 20_000;
const WARM_RUNS = 3;
const WARM_PASSES = 2;
const TOLERANCE = 1e-12;
/** Steps at which the inline point must equal the engine's record (the last is the final point). */
const CHECKPOINTS = [1_000, 100_000, STEPS];
const LOOPS: Record<string, LoopTable> = { quadratic: QUADRATIC_LOOPS, rosenbrock: ROSENBROCK_LOOPS };

interface Case {
  surface: string;
  optimizer: string;
  spec: RunSpec;
  warm: RunSpec;
  inline: (steps: number) => Point;
}

interface Row extends Case {
  engineMs: number;
  inlineMs: number;
  /** Largest relative difference engine vs inline at each checkpoint (NaN where not recorded). */
  diffs: number[];
  stoppedAt: number | null;
}

const began = performance.now();

// The first 1e6-step simulate in a fresh process: unoptimised code, then on-stack replacement.
const coldSpec = specFor(1, 3, STEPS);
const coldMs = timeMs(() => simulate(coldSpec));
const coldName = `${SURFACES[1].name} / ${OPTIMIZERS[3].name}`;

const cases: Case[] = SURFACES.flatMap((s, si) =>
  OPTIMIZERS.map((o, oi): Case => {
    const spec = specFor(si, oi, STEPS);
    const loop = LOOPS[s.name]![o.name];
    return { surface: s.name, optimizer: o.name, spec, warm: specFor(si, oi, WARM_STEPS), inline: (n) => loop(spec, n) };
  }),
);

for (let pass = 0; pass < WARM_PASSES; pass++) {
  for (const c of cases) {
    for (let i = 0; i < WARM_RUNS; i++) {
      simulate(c.warm);
      c.inline(WARM_STEPS);
    }
  }
}

/** Relative difference between the engine's recorded point k and the inline loop's point after k steps. */
function pointDiff(r: SimResult, k: number, p: Point): number {
  if (k >= r.length) return NaN;
  return Math.max(relDiff(r.w[2 * k]!, p[0]), relDiff(r.w[2 * k + 1]!, p[1]));
}

const rows: Row[] = cases.map((c) => {
  const engine: number[] = [];
  const inline: number[] = [];
  let result: SimResult | undefined;
  let end: Point = [NaN, NaN];
  for (let r = 0; r < REPS; r++) {
    engine.push(timeMs(() => (result = simulate(c.spec))));
    inline.push(timeMs(() => (end = c.inline(STEPS))));
  }
  const diffs = CHECKPOINTS.map((k) => pointDiff(result!, k, k === STEPS ? end : c.inline(k)));
  return { ...c, engineMs: median(engine), inlineMs: median(inline), diffs, stoppedAt: result!.stoppedAt };
});

// Allocation of the stepping loop alone: Run.advance over STEPS steps into a preallocated record.
const bytesPerStep = cases.map((c) => {
  const run = new Run(c.spec);
  const out = allocateResult(STEPS, run.objective.dim);
  return heapBytesAllocated(() => run.advance(out, STEPS)) / STEPS;
});

// ---- report ----
const mps = (ms: number) => STEPS / ms / 1e3; // million steps per second
const ratio = (r: Row) => r.inlineMs / r.engineMs; // = engine Msteps/s ÷ inline Msteps/s
const header = ['surface', 'optimizer', 'engine Msteps/s', 'inline Msteps/s', 'ratio'];
const cells = rows.map((r) => [r.surface, r.optimizer, mps(r.engineMs).toFixed(1), mps(r.inlineMs).toFixed(1), ratio(r).toFixed(2)]);
const widths = header.map((h, i) => Math.max(h.length, ...cells.map((row) => row[i]!.length)));
const line = (row: string[]) =>
  row.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' | ');

console.log(`Overshoot engine benchmark: ${STEPS.toExponential(0)} steps, median of ${REPS}, node ${process.version}`);
console.log('engine = simulate(parseRunSpec(…).spec), recording into typed arrays; inline = hand-written loop\n');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
for (const row of cells) console.log(line(row));

for (const r of rows) {
  const name = `${r.surface} / ${r.optimizer}`;
  if (r.stoppedAt !== null) {
    console.log(`warning: ${name}: the engine run stopped at step ${r.stoppedAt} (non-finite); trajectory not checked`);
    continue;
  }
  r.diffs.forEach((diff, i) => {
    if (!(diff <= TOLERANCE)) {
      console.log(`warning: ${name}: the inline point after ${CHECKPOINTS[i]} steps differs from the engine's ` +
        `by ${diff.toExponential(2)} relative (tolerance ${TOLERANCE})`);
    }
  });
}
const checked = rows.filter((r) => r.stoppedAt === null).length;
const worstDiff = Math.max(...rows.filter((r) => r.stoppedAt === null).flatMap((r) => r.diffs));
console.log(`\ntrajectory check: engine vs inline point after ${CHECKPOINTS.join(', ')} steps, ${rows.length} runs ` +
  `(${checked} ran all ${STEPS} steps): largest relative difference ${worstDiff.toExponential(1)} (tolerance ${TOLERANCE})`);

const slowest = rows.reduce((p, q) => (q.engineMs > p.engineMs ? q : p));
const fastest = rows.reduce((p, q) => (q.engineMs < p.engineMs ? q : p));
console.log(`\nwall time of one ${STEPS}-step simulate:`);
console.log(`  cold (first call in the process, ${coldName}): ${coldMs.toFixed(1)} ms`);
console.log(`  warm median: fastest ${fastest.engineMs.toFixed(1)} ms (${fastest.surface} / ${fastest.optimizer}), ` +
  `slowest ${slowest.engineMs.toFixed(1)} ms (${slowest.surface} / ${slowest.optimizer})`);

console.log(`\nJS-heap bytes allocated per step by Run.advance (${STEPS} steps, preallocated record, ` +
  `${hasGc ? 'gc() before' : 'no --expose-gc: no gc() before'}):`);
const bw = Math.max(...OPTIMIZERS.map((o) => o.name.length));
console.log(`  ${'optimizer'.padEnd(bw)}  ${SURFACES.map((s) => s.name.padStart(10)).join('  ')}`);
OPTIMIZERS.forEach((o, oi) => {
  const vals = SURFACES.map((_, si) => bytesPerStep[si * OPTIMIZERS.length + oi]!.toFixed(2).padStart(10));
  console.log(`  ${o.name.padEnd(bw)}  ${vals.join('  ')}`);
});
console.log('  (16 B = one boxed double, a HeapNumber, per step: a call in the loop that TurboFan did not inline)');

console.log(`\nbench took ${((performance.now() - began) / 1000).toFixed(1)} s`);
console.log(`worst ratio: ${Math.min(...rows.map(ratio)).toFixed(2)}`);
