/**
 * The client keeps exactly one worker: created on the first job, reused by every restart, and
 * terminated on dispose (or after it errors). Counted with a fake Worker class; then the client
 * drives a real job runner through an in-process fake worker, restarted 100 times.
 */
import { describe, expect, it } from 'vitest';
import { empiricalMap } from '../../src/engine/analysis/map-empirical';
import type { MapSpec } from '../../src/engine/analysis/stability-map';
import { createMapClient, type JobHandlers, type WorkerLike } from '../../src/workers/map-client';
import type { MapReply, MapRequest } from '../../src/workers/map-protocol';
import { createMapRunner } from '../../src/workers/map-runner';
import { ManualScheduler } from './fakes';

const spec = (over: Partial<MapSpec> = {}): MapSpec => ({
  kind: 'alphaBeta', family: 'heavyBall', nx: 12, ny: 20, steps: 40, alphaRange: [1e-2, 10], yRange: [0, 0.999],
  lambdaMax: 10, lambdaMin: 1, vMax: [1, 0], start: [1, 1], beta: 0, dampening: 0, weightDecay: 0,
  beta2: 0.999, eps: 1e-8, amsgrad: false, ...over,
});

class FakeWorker implements WorkerLike {
  static constructed = 0;
  static terminated = 0;
  static live = new Set<FakeWorker>();
  onmessage: ((e: MessageEvent<MapReply>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  readonly sent: MapRequest[] = [];
  constructor() {
    FakeWorker.constructed++;
    FakeWorker.live.add(this);
  }
  postMessage(msg: MapRequest): void {
    this.sent.push(msg);
  }
  terminate(): void {
    if (!FakeWorker.live.delete(this)) throw new Error('terminated twice');
    FakeWorker.terminated++;
  }
  reply(msg: MapReply): void {
    this.onmessage?.({ data: msg } as MessageEvent<MapReply>);
  }
}

function recorder() {
  const log: string[] = [];
  const handlers: JobHandlers = {
    rows: (from, to) => log.push(`rows ${from}-${to}`),
    done: (ms) => log.push(`done ${ms}`),
    error: (m) => log.push(`error ${m}`),
  };
  return { log, handlers };
}

describe('the map client', () => {
  it('reuses one worker across 100 restarts and terminates it on dispose', () => {
    FakeWorker.constructed = FakeWorker.terminated = 0;
    const workers: FakeWorker[] = [];
    const client = createMapClient(() => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    });
    const logs: string[][] = [];
    for (let i = 0; i < 100; i++) {
      const r = recorder();
      logs.push(r.log);
      expect(client.start(spec(), r.handlers)).toBe(i + 1);
    }
    expect(FakeWorker.constructed).toBe(1);
    expect(FakeWorker.terminated).toBe(0);
    const w = workers[0]!;
    expect(w.sent.map((m) => `${m.type} ${m.job}`)).toEqual(Array.from({ length: 100 }, (_, i) => `start ${i + 1}`));
    // Replies of replaced jobs, still in flight, are dropped; the current job's arrive.
    w.reply({ type: 'rows', job: 57, from: 0, to: 1, values: new Float64Array(12) });
    w.reply({ type: 'rows', job: 100, from: 0, to: 2, values: new Float64Array(24) });
    w.reply({ type: 'done', job: 99, rows: 20, ms: 5 });
    w.reply({ type: 'done', job: 100, rows: 20, ms: 12 });
    expect(logs[56]).toEqual([]);
    expect(logs[98]).toEqual([]);
    expect(logs[99]).toEqual(['rows 0-2', 'done 12']);
    expect(client.current).toBeNull();
    client.dispose();
    expect(FakeWorker.terminated).toBe(1);
    expect(FakeWorker.live.size).toBe(0);
    client.dispose(); // idempotent
    expect(FakeWorker.terminated).toBe(1);
  });

  it('cancel tells the worker and stops listening; a new job after dispose makes one new worker', () => {
    FakeWorker.constructed = FakeWorker.terminated = 0;
    let last: FakeWorker | null = null;
    const client = createMapClient(() => (last = new FakeWorker()));
    const r = recorder();
    client.start(spec(), r.handlers);
    client.cancel();
    expect(last!.sent.at(-1)).toEqual({ type: 'cancel', job: 1 });
    last!.reply({ type: 'rows', job: 1, from: 0, to: 1, values: new Float64Array(12) });
    expect(r.log).toEqual([]);
    client.dispose();
    client.start(spec(), recorder().handlers);
    expect(FakeWorker.constructed).toBe(2);
    expect(FakeWorker.constructed - FakeWorker.terminated).toBe(1);
    client.dispose();
    expect(FakeWorker.constructed - FakeWorker.terminated).toBe(0);
  });

  it('a worker that errors is terminated, the job told, and the next job gets a fresh worker', () => {
    FakeWorker.constructed = FakeWorker.terminated = 0;
    let last: FakeWorker | null = null;
    const client = createMapClient(() => (last = new FakeWorker()));
    const r = recorder();
    client.start(spec(), r.handlers);
    last!.onerror!({ message: 'boom', preventDefault() {} } as ErrorEvent);
    expect(r.log).toEqual(['error boom']);
    expect(FakeWorker.terminated).toBe(1);
    client.start(spec(), recorder().handlers);
    expect(FakeWorker.constructed).toBe(2);
    client.dispose();
    expect(FakeWorker.live.size).toBe(0);
  });

  it('with a real job runner behind it: 100 quick restarts, then the last map arrives whole and correct', () => {
    const sched = new ManualScheduler(4);
    class InProcessWorker implements WorkerLike {
      onmessage: ((e: MessageEvent<MapReply>) => void) | null = null;
      onerror: ((e: ErrorEvent) => void) | null = null;
      // Replies are delivered asynchronously in a real worker: queue them until the test flushes.
      readonly outbox: MapReply[] = [];
      private readonly runner = createMapRunner({ post: (m) => this.outbox.push(m) }, sched, { sliceMs: 8 });
      postMessage(msg: MapRequest): void {
        this.runner.handle(msg);
      }
      terminate(): void {}
      flush(): void {
        for (const m of this.outbox.splice(0)) this.onmessage?.({ data: m } as MessageEvent<MapReply>);
      }
    }
    let worker: InProcessWorker | null = null;
    let made = 0;
    const client = createMapClient(() => {
      made++;
      return (worker = new InProcessWorker());
    });
    let received = new Float64Array(0);
    let doneJobs: number[] = [];
    let s = spec();
    for (let i = 1; i <= 100; i++) {
      s = spec({ lambdaMax: 5 + i, family: i % 2 ? 'heavyBall' : 'nesterov' });
      const cur = s;
      const buf = new Float64Array(cur.nx * cur.ny).fill(NaN);
      received = buf;
      const id = client.start(cur, {
        rows: (from, _to, values) => buf.set(values, from * cur.nx),
        done: () => doneJobs.push(id),
        error: (m) => {
          throw new Error(m);
        },
      });
      sched.step();
      if (i % 4 === 0) worker!.flush();
    }
    doneJobs = [];
    sched.drain();
    worker!.flush();
    expect(made).toBe(1);
    expect(doneJobs).toEqual([100]);
    expect(received).toEqual(empiricalMap(s));
    expect(sched.pending).toBeNull();
    client.dispose();
  });
});
