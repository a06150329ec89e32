import { encodeDoc, PARAM } from './url-encode';
import type { Lab } from './store';

/** The URL is written once the document has been still this long (ms)… */
export const URL_QUIET_MS = 150;
/** …or at the latest this long after the first unwritten change, even while a drag goes on. */
export const URL_MAX_WAIT_MS = 2000;

/**
 * Keeps the URL's ?lab= parameter in step with the lab document, so any moment's link reproduces
 * the screen. history.replaceState costs milliseconds (the browser process records the entry), so
 * it is not done on every input event of a slider drag: the write waits until the document has
 * been still for URL_QUIET_MS (at most URL_MAX_WAIT_MS), then runs when the page is idle. A write
 * still pending when the page is hidden or left is done at once.
 */
export function syncUrl(lab: Lab, win: Window = window): () => void {
  let timer = 0;
  let idle = 0;
  let firstChange = 0;
  let lastChange = 0;
  let lastWritten = '';
  const write = () => {
    idle = 0;
    const text = encodeDoc(lab.store.getState().doc);
    if (text === lastWritten) return;
    lastWritten = text;
    const url = new URL(win.location.href);
    url.searchParams.set(PARAM, text);
    win.history.replaceState(win.history.state, '', url.pathname + url.search + url.hash);
  };
  const whenIdle = () => {
    if (idle) return;
    if (typeof win.requestIdleCallback === 'function') idle = win.requestIdleCallback(write, { timeout: 300 });
    else write();
  };
  const tick = () => {
    timer = 0;
    const now = Date.now();
    const quiet = now - lastChange >= URL_QUIET_MS;
    if (!quiet && now - firstChange < URL_MAX_WAIT_MS) {
      timer = win.setTimeout(tick, URL_QUIET_MS - (now - lastChange));
      return;
    }
    firstChange = 0;
    whenIdle();
  };
  const flush = () => {
    if (!timer && !idle) return;
    win.clearTimeout(timer);
    if (idle) win.cancelIdleCallback?.(idle);
    timer = 0;
    firstChange = 0;
    write();
  };
  const onHide = () => {
    if (win.document.visibilityState === 'hidden') flush();
  };
  const unsubscribe = lab.store.subscribe((s, prev) => {
    if (s.doc === prev.doc) return;
    lastChange = Date.now();
    if (!firstChange) firstChange = lastChange;
    if (!timer) timer = win.setTimeout(tick, URL_QUIET_MS);
  });
  win.addEventListener('pagehide', flush);
  win.document.addEventListener('visibilitychange', onHide);
  write();
  return () => {
    unsubscribe();
    win.removeEventListener('pagehide', flush);
    win.document.removeEventListener('visibilitychange', onHide);
    win.clearTimeout(timer);
    if (idle) win.cancelIdleCallback?.(idle);
  };
}
