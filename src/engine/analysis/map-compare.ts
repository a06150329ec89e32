/**
 * Empirical against analytic: a cell is unstable when its value exceeds 1 (the error grew). A cell
 * "touches the boundary" when its analytic class differs from one of its 4 neighbours': there the
 * spectral radius is within a cell's width of 1, and K steps cannot tell the two classes apart.
 */

/** True when the error grows: a rate above 1, or +∞. NaN (not filled) is not unstable. */
export const unstable = (v: number): boolean => v > 1 + 1e-9;

/** 1 where a cell's analytic class differs from a 4-neighbour's, else 0. */
export function boundaryCells(analytic: ArrayLike<number>, nx: number, ny: number): Uint8Array {
  if (analytic.length !== nx * ny) throw new Error(`boundaryCells: ${analytic.length} values for ${nx}×${ny} cells`);
  const out = new Uint8Array(nx * ny);
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const k = j * nx + i;
      const c = unstable(analytic[k]!);
      if ((i > 0 && unstable(analytic[k - 1]!) !== c) || (i < nx - 1 && unstable(analytic[k + 1]!) !== c)
        || (j > 0 && unstable(analytic[k - nx]!) !== c) || (j < ny - 1 && unstable(analytic[k + nx]!) !== c)) out[k] = 1;
    }
  }
  return out;
}

export interface Comparison {
  /** Cells compared (rows filled so far × nx). */
  compared: number;
  /** Cells whose classes differ, and how many of those do not touch the boundary. */
  disagree: number;
  awayFromBoundary: number;
  /** Indices of the disagreeing cells. */
  cells: number[];
}

/** Compares rows [0, rows) of the two maps (the empirical map fills from row 0 up). */
export function compareMaps(analytic: ArrayLike<number>, empirical: ArrayLike<number>, nx: number, ny: number, rows = ny, boundary = boundaryCells(analytic, nx, ny)): Comparison {
  if (empirical.length !== nx * ny) throw new Error(`compareMaps: ${empirical.length} empirical values for ${nx}×${ny} cells`);
  if (!(Number.isInteger(rows) && rows >= 0 && rows <= ny)) throw new Error(`compareMaps: rows ${rows} outside 0 … ${ny}`);
  const cells: number[] = [];
  let awayFromBoundary = 0;
  for (let k = 0; k < rows * nx; k++) {
    if (unstable(analytic[k]!) === unstable(empirical[k]!)) continue;
    cells.push(k);
    if (!boundary[k]) awayFromBoundary++;
  }
  return { compared: rows * nx, disagree: cells.length, awayFromBoundary, cells };
}
