/**
 * A minimal path context for d3-shape generators: records moveTo/lineTo as an SVG path string with
 * one-decimal coordinates, and where the string ended after each vertex, so that a prefix of the
 * path (points 0..k of a trajectory) is a cheap slice.
 */
export class PathRecorder {
  d = '';
  /** String length after each vertex, in call order. */
  readonly ends: number[] = [];

  moveTo(x: number, y: number): void {
    this.d += `M${r1(x)},${r1(y)}`;
    this.ends.push(this.d.length);
  }

  lineTo(x: number, y: number): void {
    this.d += `L${r1(x)},${r1(y)}`;
    this.ends.push(this.d.length);
  }

  closePath(): void {
    this.d += 'Z';
  }
}

/** Rounds to 0.1 px for compact strings; non-finite values (never expected) become 0. */
export function r1(v: number): number {
  const r = Math.round(v * 10) / 10;
  return Number.isFinite(r) ? r + 0 : 0;
}
