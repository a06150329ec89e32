/** Messages between the stability-map worker and its client. */
import type { MapSpec } from '../engine/analysis/stability-map';

/** Client → worker. A new `start` cancels whatever job was running. */
export type MapRequest =
  | { type: 'start'; job: number; spec: MapSpec }
  | { type: 'cancel'; job: number };

/** Worker → client. Rows [from, to) of job `job`, row-major, (to − from)·nx values. */
export type MapReply =
  | { type: 'rows'; job: number; from: number; to: number; values: Float64Array }
  | { type: 'done'; job: number; rows: number; ms: number }
  | { type: 'error'; job: number; message: string };
