/** The landscape's box model: a plot area inside margins for the axes. */
export const MARGIN = { top: 8, right: 10, bottom: 34, left: 48 } as const;
export const MAX_HEIGHT = 560;

export interface Layout {
  /** Left margin: room for the y tick labels. */
  left: number;
  width: number;
  height: number;
  plotW: number;
  plotH: number;
}

/**
 * Fills the panel's width; height ≈ width, at most MAX_HEIGHT and at most ~80% of the window's
 * height (so a phone shows the whole map with room to scroll past it).
 */
export function layoutFor(width: number, windowHeight: number, left: number = MARGIN.left): Layout {
  const w = Math.max(0, Math.floor(Number.isFinite(width) ? width : 0));
  const cap = Math.min(MAX_HEIGHT, Math.max(240, (Number.isFinite(windowHeight) && windowHeight > 0 ? windowHeight : 800) * 0.8));
  const h = Math.round(Math.min(w, cap));
  const plotW = Math.max(0, w - left - MARGIN.right);
  const plotH = Math.max(0, h - MARGIN.top - MARGIN.bottom);
  return { left, width: w, height: h, plotW, plotH };
}

/** The left margin that fits tick labels of these lengths (≈ 6.6 px a character at 11.5 px). */
export function leftMarginFor(labels: readonly string[]): number {
  const longest = labels.reduce((m, l) => Math.max(m, l.length), 0);
  return Math.max(MARGIN.left, Math.ceil(longest * 6.6 + 22));
}
