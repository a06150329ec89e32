/**
 * The worker-side job runner, driven in Node with a recording port and a hand-cranked scheduler:
 * it fills the same map as the engine does in one go, slices its work, and when restarted or
 * cancelled many times only the latest job ever posts and nothing is left scheduled.
 */
import { describe, expect, it } from 'vitest';
import { empiricalMap } from '../../src/engine/analysis/map-empirical';
import type { MapSpec } from '../../src/engine/analysis/stability-map';
import type { MapReply } from '../../src/workers/map-protocol';
import { channelScheduler, createMapRunner } from '../../src/workers/map-runner';
import { ManualScheduler, RecordingPort } from './fakes';

const spec = (over: Partial<MapSpec> = {}): MapSpec => ({
  kind: 'alphaBeta', family: 'heavyBall', nx: 16, ny: 30, steps: 60, alphaRange: [1e-2, 10], yRange: [0, 0.999],
  lambdaMax: 10, lambdaMin: 1, vMax: [1, 0], start: [1, 1], beta: 0, dampening: 0, weightDecay: 0,
  beta2: 0.999, eps: 1e-8, amsgrad: false, ...over,
});

/** Joins a job's row messages, checking they arrive in order without gaps. */
function assemble(messages: MapReply[], job: number, s: MapSpec): Float64Array {
  const out = new Float64Array(s.nx * s.ny);
  let next = 0;
  for (const m of messages) {
    if (m.job !== job || m.type !== 'rows') continue;
    expect(m.from).toBe(next);
    expect(m.values.length).toBe((m.to - m.from) * s.nx);
    out.set(m.values, m.from * s.nx);
    next = m.to;
  }
  expect(next).toBe(s.ny);
  return out;
}

describe('the map job runner', () => {
  it('fills the whole map in slices, the same values as the engine, then reports done', () => {
    const port = new RecordingPort();
    const sched = new ManualScheduler(3); // each now() is 3 ms later: a few rows per 8 ms slice
    const runner = createMapRunner(port, sched, { sliceMs: 8 });
    const s = spec();
    runner.handle({ type: 'start', job: 7, spec: s });
    expect(port.messages).toEqual([]); // nothing is computed until the scheduler runs a slice
    const slices = sched.drain();
    expect(slices).toBeGreaterThan(5);
    expect(assemble(port.messages, 7, s)).toEqual(empiricalMap(s));
    const done = port.messages.at(-1)!;
    expect(done).toMatchObject({ type: 'done', job: 7, rows: 30 });
    expect(done.type === 'done' && done.ms > 0).toBe(true);
    expect(runner.busy).toBeNull();
    expect(sched.pending).toBeNull();
  });

  it('restarted and cancelled 100 times: only the latest job posts, and nothing is left pending', () => {
    const port = new RecordingPort();
    const sched = new ManualScheduler(5);
    const runner = createMapRunner(port, sched, { sliceMs: 8 });
    let latest = 0;
    let cancelled = false;
    port.onPost = (m) => {
      expect(m.job, 'a reply from a job that was replaced').toBe(latest);
      expect(cancelled, 'a reply after the job was cancelled').toBe(false);
    };
    for (let i = 1; i <= 100; i++) {
      latest = i;
      cancelled = false;
      runner.handle({ type: 'start', job: i, spec: spec({ lambdaMin: 1 + (i % 7) / 10 }) });
      for (let k = 0; k < i % 3; k++) sched.step(); // 0, 1 or 2 slices before the next message
      if (i % 10 === 0) {
        runner.handle({ type: 'cancel', job: i });
        cancelled = true;
        expect(sched.pending).toBeNull();
        expect(runner.busy).toBeNull();
        sched.step();
      }
    }
    expect(port.messages.some((m) => m.type === 'done')).toBe(false);
    // The last job was cancelled (100 % 10 = 0): start one more and let it finish.
    latest = 101;
    cancelled = false;
    const s = spec({ family: 'nesterov' });
    runner.handle({ type: 'start', job: 101, spec: s });
    sched.drain();
    expect(assemble(port.messages, 101, s)).toEqual(empiricalMap(s));
    expect(port.messages.filter((m) => m.type === 'done').map((m) => m.job)).toEqual([101]);
    expect(sched.pending).toBeNull();
    expect(runner.busy).toBeNull();
  });

  it('a cancel for an older job leaves the newer one running', () => {
    const port = new RecordingPort();
    const sched = new ManualScheduler();
    const runner = createMapRunner(port, sched);
    runner.handle({ type: 'start', job: 1, spec: spec() });
    runner.handle({ type: 'start', job: 2, spec: spec() });
    runner.handle({ type: 'cancel', job: 1 });
    expect(runner.busy).toBe(2);
    sched.drain();
    expect(port.messages.at(-1)).toMatchObject({ type: 'done', job: 2 });
  });

  it('an invalid spec is an error message, with nothing scheduled', () => {
    const port = new RecordingPort();
    const sched = new ManualScheduler();
    const runner = createMapRunner(port, sched);
    runner.handle({ type: 'start', job: 3, spec: spec({ nx: 0 }) });
    expect(port.messages).toHaveLength(1);
    expect(port.messages[0]).toMatchObject({ type: 'error', job: 3 });
    expect((port.messages[0] as { message: string }).message).toMatch(/nx: expected a whole number/);
    expect(sched.pending).toBeNull();
  });
});

describe('channelScheduler (a MessageChannel task per slice)', () => {
  const nextTask = () => new Promise<void>((r) => setTimeout(r, 5));

  it('runs only the latest callback, once; cancel drops it', async () => {
    const s = channelScheduler();
    const calls: string[] = [];
    s.schedule(() => calls.push('a'));
    s.schedule(() => calls.push('b'));
    await nextTask();
    expect(calls).toEqual(['b']);
    s.schedule(() => calls.push('c'));
    s.cancel();
    await nextTask();
    expect(calls).toEqual(['b']);
    s.schedule(() => calls.push('d'));
    await nextTask();
    expect(calls).toEqual(['b', 'd']);
    s.dispose();
  });
});
