import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import type { ViewBox } from '../../engine';
import type { Lab } from '../../state/store';
import type { LiveBox } from './liveBox';
import { clampBox, fitAspect, fromPxX, fromPxY, panBy, previewTransform, sameBox, spanX, spanY, zoomAt, type Frame } from './viewport';

interface Options {
  plot: RefObject<HTMLDivElement | null>;
  layers: RefObject<HTMLDivElement | null>;
  frame: Frame;
  /** The surface's own window (zoom limits are relative to it). */
  home: ViewBox;
  live: LiveBox;
  lab: Lab;
  /** The plot element exists and has a size (listeners attach then). */
  ready: boolean;
}

/** Elements inside the plot that handle their own pointer input. */
const isControl = (t: EventTarget | null) => t instanceof Element && !!t.closest('.ls-handle, .ls-zoom');
const WHEEL_COMMIT_MS = 160;

/**
 * Zoom (wheel, about the cursor), pan (drag on the empty map), click to set the start, double-click
 * to reset. While a gesture runs the drawn layers are moved with a CSS transform (no redraw); the
 * box is committed to the lab (lab.setView) when it ends, and the layers are redrawn once.
 */
export function useViewport(o: Options): { zoomBy(factor: number): void; reset(): void } {
  const cur = useRef(o);
  useLayoutEffect(() => {
    cur.current = o;
  });
  const wheelTimer = useRef(0);

  // A new frame has been drawn: drop the preview transform in the same commit (no flicker).
  useLayoutEffect(() => {
    o.live.set(null);
    if (o.layers.current) o.layers.current.style.transform = '';
  }, [o.frame, o.live, o.layers]);

  const preview = (box: ViewBox) => {
    const { frame, live, layers } = cur.current;
    live.set(box);
    if (layers.current) layers.current.style.transform = previewTransform(frame.box, box, frame.width, frame.height);
  };
  const commit = (box: ViewBox | null) => {
    window.clearTimeout(wheelTimer.current);
    wheelTimer.current = 0;
    const { frame, home, lab, live, layers } = cur.current;
    const next = box && fitAspect(clampBox(box, home), frame.width, frame.height);
    if (!next || sameBox(next, frame.box)) {
      live.set(null);
      if (layers.current) layers.current.style.transform = '';
      return;
    }
    lab.setView({ box: next });
  };
  const zoomBy = (factor: number) => {
    const b = cur.current.live.get() ?? cur.current.frame.box;
    commit(zoomAt(b, (b.xMin + b.xMax) / 2, (b.yMin + b.yMax) / 2, factor));
  };
  const reset = () => {
    commit(null);
    cur.current.lab.setView({ box: null });
  };

  useEffect(() => {
    const el = o.plot.current;
    if (!el) return;
    const dataAt = (e: MouseEvent, box: ViewBox): [number, number] => {
      const r = el.getBoundingClientRect();
      const f = { ...cur.current.frame, box };
      return [fromPxX(f, e.clientX - r.left), fromPxY(f, e.clientY - r.top)];
    };
    const onWheel = (e: WheelEvent) => {
      if (e.ctrlKey && e.deltaY === 0) return;
      e.preventDefault();
      const base = cur.current.live.get() ?? cur.current.frame.box;
      const [x, y] = dataAt(e, base);
      const unit = e.deltaMode === 1 ? 33 : e.deltaMode === 2 ? 400 : 1;
      const factor = Math.min(2, Math.max(0.5, Math.exp(-e.deltaY * unit * 0.002)));
      preview(clampBox(zoomAt(base, x, y, factor), cur.current.home));
      window.clearTimeout(wheelTimer.current);
      wheelTimer.current = window.setTimeout(() => commit(cur.current.live.get()), WHEEL_COMMIT_MS);
    };
    let down: { x: number; y: number; base: ViewBox; panning: boolean } | null = null;
    let suppressClick = false;
    let firstClick: { at: number; prev: [number, number] } | null = null;
    const onDown = (e: PointerEvent) => {
      suppressClick = false;
      if (e.button !== 0 || e.pointerType === 'touch' || isControl(e.target)) return;
      down = { x: e.clientX, y: e.clientY, base: cur.current.live.get() ?? cur.current.frame.box, panning: false };
      el.setPointerCapture(e.pointerId);
    };
    const onMove = (e: PointerEvent) => {
      if (!down) return;
      const dx = e.clientX - down.x;
      const dy = e.clientY - down.y;
      if (!down.panning && Math.hypot(dx, dy) < 4) return;
      down.panning = true;
      el.classList.add('is-panning');
      const { frame, home } = cur.current;
      const b = down.base;
      preview(clampBox(panBy(b, (-dx * spanX(b)) / frame.width, (dy * spanY(b)) / frame.height), home));
    };
    const onUp = () => {
      if (down?.panning) {
        suppressClick = true;
        commit(cur.current.live.get());
      }
      down = null;
      el.classList.remove('is-panning');
    };
    const onClick = (e: MouseEvent) => {
      if (suppressClick || isControl(e.target) || e.detail > 1) return;
      const box = cur.current.live.get() ?? cur.current.frame.box;
      if (wheelTimer.current) commit(box);
      const { lab } = cur.current;
      firstClick = { at: performance.now(), prev: lab.store.getState().doc.start };
      lab.setStart(dataAt(e, box));
    };
    // A double-click resets the zoom and does not move the start (undoes its first click).
    // (Its second click usually lands on the handle, which the first one moved there.)
    const onDblClick = (e: MouseEvent) => {
      if (e.target instanceof Element && e.target.closest('.ls-zoom')) return;
      e.preventDefault();
      const { lab } = cur.current;
      if (firstClick && performance.now() - firstClick.at < 800) lab.setStart(firstClick.prev);
      firstClick = null;
      reset();
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    el.addEventListener('pointerdown', onDown);
    el.addEventListener('pointermove', onMove);
    el.addEventListener('pointerup', onUp);
    el.addEventListener('pointercancel', onUp);
    el.addEventListener('click', onClick);
    el.addEventListener('dblclick', onDblClick);
    return () => {
      window.clearTimeout(wheelTimer.current);
      el.removeEventListener('wheel', onWheel);
      el.removeEventListener('pointerdown', onDown);
      el.removeEventListener('pointermove', onMove);
      el.removeEventListener('pointerup', onUp);
      el.removeEventListener('pointercancel', onUp);
      el.removeEventListener('click', onClick);
      el.removeEventListener('dblclick', onDblClick);
    };
    // preview/commit/reset read everything through `cur`; listeners are attached once per element.
  }, [o.plot, o.ready]);

  return { zoomBy, reset };
}
