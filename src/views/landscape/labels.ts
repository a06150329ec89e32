import type { Mark } from './track';

export interface Placed {
  x: number;
  y: number;
  anchor: 'start' | 'end';
}

/** Puts a mark's label just inside the view, on the side away from the edge it points at. */
export function placeLabel(m: Mark, width: number, height: number): Placed {
  const a = (m.angle * Math.PI) / 180;
  const back = m.kind === 'exit' ? 14 : 0;
  const x = m.x - Math.cos(a) * back;
  const y = m.y - Math.sin(a) * back;
  const right = x > width / 2;
  return { x: right ? x - 10 : x + 10, y: Math.max(10, Math.min(height - 10, y)), anchor: right ? 'end' : 'start' };
}

/**
 * Moves label positions (y) apart so that no two are closer than `gap`, staying within [lo, hi]
 * as far as they fit. Returns new positions in the input order. Few labels: O(n²) is fine.
 */
export function spreadLabels(ys: readonly number[], gap: number, lo: number, hi: number): number[] {
  const order = ys.map((y, i) => ({ y: Number.isFinite(y) ? y : lo, i })).sort((a, b) => a.y - b.y || a.i - b.i);
  for (let j = 1; j < order.length; j++) {
    const prev = order[j - 1]!;
    if (order[j]!.y < prev.y + gap) order[j]!.y = prev.y + gap;
  }
  const over = order.length ? order[order.length - 1]!.y - hi : 0;
  if (over > 0) {
    for (let j = order.length - 1; j >= 0; j--) {
      const cap = j === order.length - 1 ? hi : order[j + 1]!.y - gap;
      if (order[j]!.y > cap) order[j]!.y = cap;
    }
    for (const o of order) o.y = Math.max(lo, o.y);
  }
  const out = new Array<number>(ys.length);
  for (const o of order) out[o.i] = o.y;
  return out;
}

/** Rough width of label text (12 px, semi-bold) — enough to keep labels inside the plot. */
export const textWidth = (text: string) => text.length * 7.2;

/**
 * Keeps a label of `text` at x with `anchor` inside [pad, width − pad]: flips the anchor when the
 * text would run off one side, then clamps.
 */
export function fitLabel(x: number, anchor: 'start' | 'middle' | 'end', text: string, width: number, pad = 4): { x: number; anchor: 'start' | 'middle' | 'end' } {
  const w = textWidth(text);
  const left = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
  if (left + w > width - pad) return { x: Math.max(pad + w, width - pad), anchor: 'end' };
  if (left < pad) return { x: Math.min(pad, width - pad - w), anchor: 'start' };
  return { x, anchor };
}
