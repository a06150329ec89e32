/** Fakes for the map worker's tests: a port that records, a scheduler the test drives by hand. */
import type { MapReply } from '../../src/workers/map-protocol';
import type { ReplyPort, SliceScheduler } from '../../src/workers/map-runner';

export class RecordingPort implements ReplyPort {
  readonly messages: MapReply[] = [];
  /** Called on every post before it is recorded (tests assert invariants here). */
  onPost: (msg: MapReply) => void = () => {};
  post(msg: MapReply): void {
    this.onPost(msg);
    this.messages.push(msg);
  }
}

/** A scheduler whose clock advances `tick` ms per now() call and whose callback runs on step(). */
export class ManualScheduler implements SliceScheduler {
  pending: (() => void) | null = null;
  scheduled = 0;
  time = 0;
  constructor(private readonly tick = 1) {}
  schedule(fn: () => void): void {
    this.pending = fn;
    this.scheduled++;
  }
  cancel(): void {
    this.pending = null;
  }
  now(): number {
    this.time += this.tick;
    return this.time;
  }
  /** Runs the pending slice, if any; returns whether one ran. */
  step(): boolean {
    const fn = this.pending;
    this.pending = null;
    fn?.();
    return fn !== null;
  }
  drain(limit = 100_000): number {
    let n = 0;
    while (this.step()) if (++n > limit) throw new Error('scheduler never drained');
    return n;
  }
}
