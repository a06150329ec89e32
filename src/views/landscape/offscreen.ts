/** One reusable scratch canvas for rasters, so repainting allocates no DOM. */
let scratch: HTMLCanvasElement | null = null;

export function scratchCanvas(width: number, height: number): HTMLCanvasElement {
  scratch ??= document.createElement('canvas');
  if (scratch.width !== width) scratch.width = width;
  if (scratch.height !== height) scratch.height = height;
  return scratch;
}
