import type { LabDoc } from './doc';

/** The query parameter that carries the lab's state. */
export const PARAM = 'lab';

/** The document as compact JSON for the URL (ids are not shared; they are reassigned on load). */
export function encodeDoc(doc: LabDoc): string {
  const runs = doc.runs.map(({ id: _id, ...rest }) => rest);
  return JSON.stringify({ surface: doc.surface, start: doc.start, steps: doc.steps, runs, view: doc.view });
}

/** Whether a query string carries a lab state (decoding it is loaded only then). */
export function hasLabState(search: string): boolean {
  return new URLSearchParams(search).has(PARAM);
}
