/**
 * `npm run bench`: steps per second of the engine's stepping loop for every optimizer
 * configuration on a quadratic and on Rosenbrock, next to a hand-written inline loop that computes
 * the same outputs (the practical limit in JavaScript), and the ratio; the last line is
 * `worst ratio: X`, the smallest of those ratios.
 *
 * Like for like (the ratio):
 *   Run.advance  new Run(spec), then run.advance(record, 1e6) into a record allocated once with
 *                allocateResult and reused by every repetition and configuration: the stepping loop
 *                the lab runs on every recompute (src/state/compute.ts), without the allocation.
 *   inline       scripts/bench/record-*.ts: one hand-written loop per configuration producing the
 *                same record — update, f(w), ‖g‖, w/loss/‖g‖/lr at every index, the same stop at the
 *                first non-finite value — into the same kind of preallocated, reused Float64Arrays,
 *                with plain locals, no objects, no calls. It must equal the engine's record bit for bit.
 * Informational:
 *   simulate()   the one-shot public API, including its fresh record (5 zero-filled Float64Arrays,
 *                40 MB for 1e6 steps), which is what the lab's recompute also allocates today.
 *   bare         scripts/bench/inline-*.ts: the update alone (no loss, norm, record or check).
 *
 * Method: every configuration is warmed up first (short runs of all four, every configuration,
 * twice round), so the engine is timed with the call-site feedback it has in the lab, where the
 * user switches optimizers and surfaces; then each configuration is timed REPS times × STEPS
 * steps, Run.advance, inline and bare interleaved, then simulate() in a pass of its own; medians
 * are compared. Also printed: the JS-heap bytes per step Run.advance allocates, and the wall time
 * of one cold and one warm 1e6-step simulate().
 */
import { cpus, loadavg } from 'node:os';
import { allocateResult, Run, simulate, type NonFinite, type RunSpec, type SimResult } from '../src/engine';
import { OPTIMIZERS, SURFACES, specFor, type LoopTable, type Point, type Rec, type RecordTable } from './bench/configs';
import { LOOPS as QUADRATIC_LOOPS } from './bench/inline-quadratic';
import { LOOPS as ROSENBROCK_LOOPS } from './bench/inline-rosenbrock';
import { hasGc, heapBytesAllocated, median, relDiff, timeMs } from './bench/measure';
import { RECORD_LOOPS as QUADRATIC_RECORD } from './bench/record-quadratic';
import { RECORD_LOOPS as ROSENBROCK_RECORD } from './bench/record-rosenbrock';

const STEPS = 1_000_000;
const REPS = 5;
const WARM_STEPS = 20_000;
const WARM_RUNS = 3;
const WARM_PASSES = 2;
const TOLERANCE = 1e-12;
/** Indices at which the records and the bare loop's point are compared (the last is the final point). */
const CHECKPOINTS = [1_000, 100_000, STEPS];
const BARE: Record<string, LoopTable> = { quadratic: QUADRATIC_LOOPS, rosenbrock: ROSENBROCK_LOOPS };
const RECORD: Record<string, RecordTable> = { quadratic: QUADRATIC_RECORD, rosenbrock: ROSENBROCK_RECORD };

interface Case {
  surface: string;
  optimizer: string;
  spec: RunSpec;
  warm: RunSpec;
  bare: (steps: number) => Point;
  record: (steps: number, rec: Rec) => number;
}

interface Row extends Case {
  advanceMs: number;
  recordMs: number;
  simulateMs: number;
  bareMs: number;
  stoppedAt: number | null;
  /** Largest relative difference engine vs inline record over w, loss, ‖g‖ at each checkpoint. */
  checkpointDiffs: number[];
  /** Over every index of all four arrays: values that differ, and the largest relative difference. */
  differing: number;
  worstDiff: number;
  /** Largest relative difference of the bare loop's point after k steps from the engine's w_k. */
  bareDiffs: number[];
}

const began = performance.now();
const loadBefore = loadavg()[0]!;

// The first 1e6-step simulate in a fresh process: unoptimised code, then on-stack replacement.
const coldSpec = specFor(1, 3, STEPS);
const coldMs = timeMs(() => simulate(coldSpec));
const coldName = `${SURFACES[1].name} / ${OPTIMIZERS[3].name}`;

/** The two records, allocated once: Run.advance's and the inline loops'. */
const engineRec = allocateResult(STEPS, 2);
const inlineRec = allocateResult(STEPS, 2);

const advance = (spec: RunSpec, steps: number): NonFinite | null => new Run(spec).advance(engineRec, steps);

const cases: Case[] = SURFACES.flatMap((s, si) =>
  OPTIMIZERS.map((o, oi): Case => {
    const spec = specFor(si, oi, STEPS);
    const bare = BARE[s.name]![o.name];
    const record = RECORD[s.name]![o.name];
    return {
      surface: s.name, optimizer: o.name, spec, warm: specFor(si, oi, WARM_STEPS),
      bare: (n) => bare(spec, n), record: (n, rec) => record(spec, n, rec),
    };
  }),
);

for (let pass = 0; pass < WARM_PASSES; pass++) {
  for (const c of cases) {
    for (let i = 0; i < WARM_RUNS; i++) {
      simulate(c.warm);
      advance(c.warm, WARM_STEPS);
      c.record(WARM_STEPS, inlineRec);
      c.bare(WARM_STEPS);
    }
  }
}

/** Compares engineRec with inlineRec (which recorded `len` points). */
function compareRecords(len: number): Pick<Row, 'checkpointDiffs' | 'differing' | 'worstDiff'> {
  if (len !== engineRec.length) return { checkpointDiffs: CHECKPOINTS.map(() => NaN), differing: NaN, worstDiff: NaN };
  const at = (k: number) => k >= len ? NaN : Math.max(relDiff(engineRec.w[2 * k]!, inlineRec.w[2 * k]!),
    relDiff(engineRec.w[2 * k + 1]!, inlineRec.w[2 * k + 1]!), relDiff(engineRec.loss[k]!, inlineRec.loss[k]!),
    relDiff(engineRec.gradNorm[k]!, inlineRec.gradNorm[k]!));
  let differing = 0;
  let worstDiff = 0;
  const pairs: [Float64Array, Float64Array, number][] = [[engineRec.w, inlineRec.w, 2 * len],
    [engineRec.loss, inlineRec.loss, len], [engineRec.gradNorm, inlineRec.gradNorm, len], [engineRec.lr, inlineRec.lr, len]];
  for (const [p, q, n] of pairs) {
    for (let i = 0; i < n; i++) {
      if (Object.is(p[i], q[i])) continue;
      differing++;
      worstDiff = Math.max(worstDiff, relDiff(p[i]!, q[i]!));
    }
  }
  return { checkpointDiffs: CHECKPOINTS.map(at), differing, worstDiff };
}

/** Relative difference between the engine's recorded point k and the bare loop's point after k steps. */
function pointDiff(r: SimResult, k: number, p: Point): number {
  if (k >= r.length) return NaN;
  return Math.max(relDiff(r.w[2 * k]!, p[0]), relDiff(r.w[2 * k + 1]!, p[1]));
}

// The like-for-like pair and the bare loop, interleaved repetition by repetition.
const rows: Row[] = cases.map((c) => {
  const times = { advance: [] as number[], record: [] as number[], bare: [] as number[] };
  let bad: NonFinite | null = null;
  let len = 0;
  let end: Point = [NaN, NaN];
  for (let r = 0; r < REPS; r++) {
    times.advance.push(timeMs(() => (bad = advance(c.spec, STEPS))));
    times.record.push(timeMs(() => (len = c.record(STEPS, inlineRec))));
    times.bare.push(timeMs(() => (end = c.bare(STEPS))));
  }
  const stoppedAt = (bad as NonFinite | null)?.step ?? null;
  const bareDiffs = CHECKPOINTS.map((k) => pointDiff(engineRec, k, k === STEPS ? end : c.bare(k)));
  return {
    ...c, advanceMs: median(times.advance), recordMs: median(times.record), simulateMs: NaN,
    bareMs: median(times.bare), stoppedAt, ...compareRecords(len), bareDiffs,
  };
});

// simulate() afterwards: its 40 MB of fresh arrays per call bring garbage collections that would
// disturb the pair above (measured: the inline loops ran about a third slower interleaved with it).
for (const r of rows) {
  const times: number[] = [];
  for (let i = 0; i < REPS; i++) times.push(timeMs(() => simulate(r.spec)));
  r.simulateMs = median(times);
}

/**
 * JS-heap bytes per step of Run.advance over STEPS steps into the preallocated record: the first
 * run of each configuration (right after the previous configuration's) and the third of three in a
 * row (the steady state, once V8 has re-optimized the loop for this configuration).
 */
const bytesPerStep = cases.map((c) => {
  const measure = () => {
    const run = new Run(c.spec);
    return heapBytesAllocated(() => run.advance(engineRec, STEPS)) / STEPS;
  };
  const first = measure();
  measure();
  return { first, steady: measure() };
});

// ---- report ----
const mps = (ms: number) => (STEPS / ms / 1e3).toFixed(1); // million steps per second
const ratio = (r: Row) => r.recordMs / r.advanceMs; // = Run.advance steps/s ÷ inline steps/s
const header = ['surface', 'optimizer', 'Run.advance', 'inline', 'ratio', 'simulate()', 'bare'];
const cells = rows.map((r) => [r.surface, r.optimizer, mps(r.advanceMs), mps(r.recordMs), ratio(r).toFixed(2),
  mps(r.simulateMs), mps(r.bareMs)]);
const widths = header.map((h, i) => Math.max(h.length, ...cells.map((row) => row[i]!.length)));
const line = (row: string[]) =>
  row.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' | ');

console.log(`Overshoot engine benchmark: ${STEPS.toExponential(0)} steps per run, median of ${REPS}, node ${process.version}, ` +
  `${cpus().length} CPUs, load average ${loadBefore.toFixed(2)} at start`);
console.log(`Msteps/s. ratio = Run.advance ÷ inline, both recording into preallocated, reused records, timed interleaved:
  Run.advance  new Run(spec).advance(record, 1e6): the engine's stepping loop, as the lab runs it on every
               recompute (src/state/compute.ts), here into one allocateResult record reused by every
               repetition (the lab allocates a fresh record per recompute: see simulate()); records w,
               f(w), ‖g‖ and lr at all 1e6+1 indices and stops at the first non-finite value
  inline       a hand-written loop per configuration (scripts/bench/record-*.ts) with the same outputs and
               float operations (update, f(w), ‖g‖, record, non-finite stop) into the same kind of reused
               Float64Arrays; plain locals, no objects, no calls
informational, not in the ratio:
  simulate()   the one-shot API: Run.advance plus a fresh 40 MB record (5 zero-filled Float64Arrays) per
               call; timed in a pass of its own after the others
  bare         the hand-written update alone (scripts/bench/inline-*.ts): no loss, norm, record or check\n`);
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
for (const row of cells) console.log(line(row));

for (const r of rows) {
  const name = `${r.surface} / ${r.optimizer}`;
  if (r.stoppedAt !== null) console.log(`warning: ${name}: the engine run stopped at step ${r.stoppedAt} (non-finite)`);
  if (!(r.differing === 0)) {
    console.log(`warning: ${name}: the inline record differs from Run.advance's in ${r.differing} values ` +
      `(largest relative difference ${r.worstDiff.toExponential(2)}; NaN: different lengths)`);
  }
  r.bareDiffs.forEach((diff, i) => {
    if (!(diff <= TOLERANCE) && r.stoppedAt === null) {
      console.log(`warning: ${name}: the bare loop's point after ${CHECKPOINTS[i]} steps differs from the engine's ` +
        `by ${diff.toExponential(2)} relative (tolerance ${TOLERANCE})`);
    }
  });
}
const ran = rows.filter((r) => r.stoppedAt === null).length;
const maxOf = (xs: number[]) => xs.reduce((p, q) => (q > p || Number.isNaN(q) ? q : p), 0);
console.log(`\nrecord check, Run.advance vs inline (${rows.length} runs, ${ran} ran all ${STEPS} steps): ` +
  `w, loss, ‖g‖ at ${CHECKPOINTS.join(', ')}: largest relative difference ` +
  `${maxOf(rows.flatMap((r) => r.checkpointDiffs)).toExponential(1)}; w, loss, ‖g‖, lr at every index: ` +
  `${rows.reduce((s, r) => s + r.differing, 0)} values differ (tolerance ${TOLERANCE} at the checkpoints, 0 values overall)`);
console.log(`trajectory check, bare loop's point after ${CHECKPOINTS.join(', ')} steps vs the engine's: largest ` +
  `relative difference ${maxOf(rows.filter((r) => r.stoppedAt === null).flatMap((r) => r.bareDiffs)).toExponential(1)}`);

const slowest = rows.reduce((p, q) => (q.simulateMs > p.simulateMs ? q : p));
const fastest = rows.reduce((p, q) => (q.simulateMs < p.simulateMs ? q : p));
console.log(`\nwall time of one ${STEPS}-step simulate() (fresh record included):`);
console.log(`  cold (first call in the process, ${coldName}): ${coldMs.toFixed(1)} ms`);
console.log(`  warm median: fastest ${fastest.simulateMs.toFixed(1)} ms (${fastest.surface} / ${fastest.optimizer}), ` +
  `slowest ${slowest.simulateMs.toFixed(1)} ms (${slowest.surface} / ${slowest.optimizer})`);

console.log(`\nJS-heap bytes allocated per step by Run.advance (${STEPS} steps, preallocated record, ` +
  `${hasGc ? 'gc() before' : 'no --expose-gc: no gc() before'}), first run of the configuration / third run in a row:`);
const bw = Math.max(...OPTIMIZERS.map((o) => o.name.length));
console.log(`  ${'optimizer'.padEnd(bw)}  ${SURFACES.map((s) => s.name.padStart(13)).join('  ')}`);
OPTIMIZERS.forEach((o, oi) => {
  const vals = SURFACES.map((_, si) => {
    const b = bytesPerStep[si * OPTIMIZERS.length + oi]!;
    return `${b.first.toFixed(2)} / ${b.steady.toFixed(2)}`.padStart(13);
  });
  console.log(`  ${o.name.padEnd(bw)}  ${vals.join('  ')}`);
});
console.log('  (16 B = one boxed double, a HeapNumber, per step. The optimized loop allocates nothing; steps taken in\n' +
  '  unoptimized code do, until V8 has re-optimized the loop for the configuration, which it must again after\n' +
  '  a garbage collection frees the hidden classes of dead optimizer and surface objects with their feedback)');
console.log(`\nbench took ${((performance.now() - began) / 1000).toFixed(1)} s (load average ${loadavg()[0]!.toFixed(2)} at end)`);
console.log(`worst ratio: ${Math.min(...rows.map(ratio)).toFixed(2)}`);
