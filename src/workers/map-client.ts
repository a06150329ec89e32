/**
 * The main thread's side of the stability-map worker. One worker, created on the first job and
 * reused for every later one: a new job id cancels the old one inside the worker, and replies of
 * any older job are dropped here. `dispose` terminates it (the panel closing); a worker that
 * errors is terminated too and replaced on the next job.
 */
import type { MapSpec } from '../engine/analysis/stability-map';
import type { MapReply, MapRequest } from './map-protocol';

/** What the client needs of a Worker (a fake in tests). */
export interface WorkerLike {
  postMessage(msg: MapRequest): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<MapReply>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

export interface JobHandlers {
  rows(from: number, to: number, values: Float64Array): void;
  done(ms: number): void;
  error(message: string): void;
}

export interface MapClient {
  /** Starts a job (cancelling the previous one); returns its id. */
  start(spec: MapSpec, handlers: JobHandlers): number;
  cancel(): void;
  dispose(): void;
  /** The job whose replies are listened to, or null. */
  readonly current: number | null;
}

export const createMapWorker = (): WorkerLike =>
  new Worker(new URL('./map.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;

export function createMapClient(make: () => WorkerLike = createMapWorker): MapClient {
  let worker: WorkerLike | null = null;
  let lastId = 0;
  let current: { id: number; handlers: JobHandlers } | null = null;

  const drop = () => {
    worker?.terminate();
    worker = null;
  };

  const onMessage = (e: MessageEvent<MapReply>) => {
    const msg = e.data;
    const job = current;
    if (!job || msg.job !== job.id) return; // an older job's reply, still in flight
    if (msg.type === 'rows') job.handlers.rows(msg.from, msg.to, msg.values);
    else if (msg.type === 'done') {
      current = null;
      job.handlers.done(msg.ms);
    } else {
      current = null;
      job.handlers.error(msg.message);
    }
  };

  const ensure = (): WorkerLike => {
    if (worker) return worker;
    const w = make();
    w.onmessage = onMessage;
    w.onerror = (e) => {
      e.preventDefault?.();
      const job = current;
      current = null;
      drop();
      job?.handlers.error(e.message || 'the map worker failed');
    };
    worker = w;
    return w;
  };

  return {
    get current() {
      return current?.id ?? null;
    },
    start(spec, handlers) {
      const id = ++lastId;
      current = { id, handlers };
      ensure().postMessage({ type: 'start', job: id, spec });
      return id;
    },
    cancel() {
      if (!current) return;
      worker?.postMessage({ type: 'cancel', job: current.id });
      current = null;
    },
    dispose() {
      current = null;
      drop();
    },
  };
}
