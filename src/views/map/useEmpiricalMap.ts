import { useEffect, useRef, useState } from 'react';
import type { MapSpec } from '../../engine/analysis/stability-map';
import { createMapClient, type MapClient } from '../../workers/map-client';

export interface EmpiricalState {
  /** The spec key these values belong to. */
  key: string;
  /** Row-major nx·ny values; NaN where not filled yet. */
  values: Float64Array;
  /** Rows filled so far (from row 0 up). */
  rows: number;
  /** The worker's time from job start to last row, once done. */
  ms: number | null;
  error: string | null;
  /** Bumped on every repaint-worthy change. */
  version: number;
}

const EMPTY: EmpiricalState = { key: '', values: new Float64Array(0), rows: 0, ms: null, error: null, version: 0 };

/**
 * Fills the empirical map for `spec` in the map worker (one worker for the panel's lifetime). A new
 * key cancels the running job and starts another; rows arriving within a frame are shown together.
 */
export function useEmpiricalMap(spec: MapSpec | null, key: string): EmpiricalState {
  const client = useRef<MapClient | null>(null);
  const [state, setState] = useState<EmpiricalState>(EMPTY);

  useEffect(() => {
    const c = createMapClient();
    client.current = c;
    return () => {
      c.dispose();
      client.current = null;
    };
  }, []);

  useEffect(() => {
    const c = client.current;
    if (!spec || !c) return;
    const { nx, ny } = spec;
    const values = new Float64Array(nx * ny).fill(NaN);
    let rows = 0;
    let ms: number | null = null;
    let error: string | null = null;
    let version = 0;
    let raf = 0;
    const publish = () => {
      raf = 0;
      setState({ key, values, rows, ms, error, version: ++version });
    };
    const soon = () => {
      if (!raf) raf = requestAnimationFrame(publish);
    };
    publish();
    c.start(spec, {
      rows(from, to, chunk) {
        if (chunk.length !== (to - from) * nx || to > ny) {
          error = `the worker sent rows ${from}–${to} with ${chunk.length} values`;
          c.cancel();
        } else {
          values.set(chunk, from * nx);
          rows = to;
        }
        soon();
      },
      done(t) {
        ms = t;
        soon();
      },
      error(message) {
        error = message;
        soon();
      },
    });
    return () => {
      cancelAnimationFrame(raf);
      c.cancel();
    };
    // The key stands for the spec's content: a new spec object with the same key is the same job.
  }, [key]);

  return state.key === key ? state : { ...EMPTY, key };
}
