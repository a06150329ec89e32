/**
 * The worker's side of the stability map, free of worker globals so Node tests can drive it with a
 * fake port and scheduler. A job fills the empirical map row by row in time slices; between slices
 * it hands control back (scheduler.schedule), so a cancel or a newer start message is seen. Only
 * the latest job ever posts; a cancelled job leaves nothing scheduled.
 */
import { RowFiller } from '../engine/analysis/map-empirical';
import type { MapReply, MapRequest } from './map-protocol';

export interface ReplyPort {
  post(msg: MapReply, transfer: Transferable[]): void;
}

/** At most one callback pending at a time: schedule replaces, cancel drops it. */
export interface SliceScheduler {
  schedule(fn: () => void): void;
  cancel(): void;
  now(): number;
}

export interface RunnerOptions {
  /** Work per slice before yielding (ms); at least one row is always done. */
  sliceMs?: number;
}

interface Job {
  id: number;
  filler: RowFiller;
  next: number;
  t0: number;
  /** The job's rows as they are computed; each slice posts a copy of its part. */
  values: Float64Array;
}

export interface MapRunner {
  handle(msg: MapRequest): void;
  /** The job in progress, if any (for tests). */
  readonly busy: number | null;
}

export function createMapRunner(port: ReplyPort, scheduler: SliceScheduler, opts: RunnerOptions = {}): MapRunner {
  const sliceMs = opts.sliceMs ?? 8;
  let job: Job | null = null;

  const slice = () => {
    const j = job;
    if (!j) return;
    const { nx, ny } = j.filler.spec;
    const start = scheduler.now();
    const from = j.next;
    do {
      j.filler.fill(j.next, j.values.subarray(j.next * nx, (j.next + 1) * nx));
      j.next++;
    } while (j.next < ny && scheduler.now() - start < sliceMs);
    // The slice's rows go out in a buffer of their own, transferred (not copied again).
    const rows = j.values.slice(from * nx, j.next * nx);
    port.post({ type: 'rows', job: j.id, from, to: j.next, values: rows }, [rows.buffer]);
    if (j.next < ny) {
      scheduler.schedule(slice);
      return;
    }
    job = null;
    port.post({ type: 'done', job: j.id, rows: ny, ms: scheduler.now() - j.t0 }, []);
  };

  return {
    get busy() {
      return job?.id ?? null;
    },
    handle(msg) {
      if (msg.type === 'cancel') {
        if (job && job.id <= msg.job) {
          job = null;
          scheduler.cancel();
        }
        return;
      }
      if (msg.type !== 'start') return;
      job = null;
      scheduler.cancel();
      let filler: RowFiller;
      try {
        filler = new RowFiller(msg.spec);
      } catch (e) {
        port.post({ type: 'error', job: msg.job, message: e instanceof Error ? e.message : String(e) }, []);
        return;
      }
      job = { id: msg.job, filler, next: 0, t0: scheduler.now(), values: new Float64Array(filler.spec.nx * filler.spec.ny) };
      scheduler.schedule(slice);
    },
  };
}

/**
 * Yields through a MessageChannel: its message is a task, queued behind any message the client has
 * already posted, without the 4 ms clamp nested timers get.
 */
export function channelScheduler(now: () => number = () => performance.now()): SliceScheduler & { dispose(): void } {
  const channel = new MessageChannel();
  let pending: (() => void) | null = null;
  let posted = false;
  channel.port1.onmessage = () => {
    posted = false;
    const fn = pending;
    pending = null;
    fn?.();
  };
  return {
    schedule(fn) {
      pending = fn;
      if (!posted) {
        posted = true;
        channel.port2.postMessage(0);
      }
    },
    cancel() {
      pending = null;
    },
    now,
    dispose() {
      pending = null;
      channel.port1.close();
    },
  };
}
