import { useId, useRef, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';
import type { Vec2 } from '../../engine';
import type { Lab } from '../../state/store';
import { fmtPlain } from '../../ui/format';
import { fromPxX, fromPxY, spanX, toPxX, toPxY, type Frame } from './viewport';

interface HandleProps {
  start: Vec2;
  frame: Frame;
  lab: Lab;
  plot: RefObject<HTMLDivElement | null>;
}

/**
 * The start point: drag it, or focus it and use the arrow keys (Shift: ten times farther).
 * An HTML button so it is focusable and named for assistive technology.
 */
export function StartHandle({ start, frame, lab, plot }: HandleProps) {
  const drag = useRef<{ raf: number; next: Vec2 | null } | null>(null);
  const helpId = useId();
  // Kept near the plot (and finite) even when the start is far outside the view.
  const x = Math.max(-40, Math.min(frame.width + 40, toPxX(frame, start[0]) || 0));
  const y = Math.max(-40, Math.min(frame.height + 40, toPxY(frame, start[1]) || 0));
  const flush = () => {
    const d = drag.current;
    if (d?.next) lab.setStart(d.next);
    if (d) d.next = null;
    if (d) d.raf = 0;
  };
  const onPointerDown = (e: PointerEvent<HTMLButtonElement>) => {
    if (e.button !== 0) return;
    e.stopPropagation();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { raf: 0, next: null };
  };
  const onPointerMove = (e: PointerEvent<HTMLButtonElement>) => {
    const d = drag.current;
    const el = plot.current;
    if (!d || !el) return;
    const r = el.getBoundingClientRect();
    const px = Math.max(0, Math.min(frame.width, e.clientX - r.left));
    const py = Math.max(0, Math.min(frame.height, e.clientY - r.top));
    d.next = [fromPxX(frame, px), fromPxY(frame, py)];
    if (!d.raf) d.raf = requestAnimationFrame(flush);
  };
  const onPointerUp = () => {
    if (drag.current?.raf) cancelAnimationFrame(drag.current.raf);
    flush();
    drag.current = null;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    const step = (spanX(frame.box) / 100) * (e.shiftKey ? 10 : 1);
    const moves: Record<string, Vec2> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    const m = moves[e.key];
    if (!m) return;
    e.preventDefault();
    lab.setStart([start[0] + m[0], start[1] + m[1]]);
  };
  return (
    <>
      <button type="button" className="ls-handle" style={{ left: x, top: y }}
        aria-label={`Start point (${fmtPlain(start[0])}, ${fmtPlain(start[1])})`} aria-describedby={helpId}
        onPointerDown={onPointerDown} onPointerMove={onPointerMove} onPointerUp={onPointerUp} onPointerCancel={onPointerUp} onKeyDown={onKeyDown} />
      <span id={helpId} className="visually-hidden">Drag, or use the arrow keys to move the start; hold Shift for larger steps.</span>
    </>
  );
}

export function ZoomControls({ zoomBy, reset }: { zoomBy(f: number): void; reset(): void }) {
  return (
    <div className="ls-zoom" role="group" aria-label="Zoom">
      <button type="button" aria-label="Zoom in" title="Zoom in" onClick={() => zoomBy(1.5)}>+</button>
      <button type="button" aria-label="Zoom out" title="Zoom out" onClick={() => zoomBy(1 / 1.5)}>−</button>
      <button type="button" aria-label="Reset zoom" title="Reset zoom (or double-click the map)" onClick={reset}>⟲</button>
    </div>
  );
}
