import { encodeDoc, PARAM } from './url';
import type { Lab } from './store';

/**
 * Keeps the URL's ?lab= parameter in step with the lab document (replaceState, throttled to one
 * write per animation frame burst), so any moment's link reproduces the screen.
 */
export function syncUrl(lab: Lab, win: Window = window): () => void {
  let pending = 0;
  let lastWritten = '';
  const write = () => {
    pending = 0;
    const text = encodeDoc(lab.store.getState().doc);
    if (text === lastWritten) return;
    lastWritten = text;
    const url = new URL(win.location.href);
    url.searchParams.set(PARAM, text);
    win.history.replaceState(win.history.state, '', url.pathname + url.search + url.hash);
  };
  const unsubscribe = lab.store.subscribe((s, prev) => {
    if (s.doc !== prev.doc && !pending) pending = win.setTimeout(write, 150);
  });
  write();
  return () => {
    unsubscribe();
    if (pending) win.clearTimeout(pending);
  };
}
