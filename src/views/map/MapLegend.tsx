import { useId } from 'react';
import { FASTEST, legendStops, SLOWEST } from './map-raster';

const W = 220;
const TICKS = [1, 10, 100, 1000, 10000];
const LABEL: Record<number, string> = { 1: '1', 10: '10', 100: '100', 1000: '10³', 10000: '10⁴' };
let stops: ReturnType<typeof legendStops> | null = null;

/** The colour bar (steps for the error to shrink tenfold) and the keys for the marks. */
export function MapLegend({ comparing, kappa }: { comparing: boolean; kappa: boolean }) {
  const gradient = useId();
  const span = Math.log10(SLOWEST) - Math.log10(FASTEST);
  // Slow (dark) on the left, fast (bright) on the right: the colour map's own direction.
  const x = (n: number) => ((Math.log10(SLOWEST) - Math.log10(n)) / span) * W;
  return (
    <div className="map-legend">
      <figure className="map-colorbar" aria-label="Colour: steps for the error to shrink tenfold, from 10⁴ or more (dark blue) to 1 (yellow)">
        <svg width={W + 20} height={34} aria-hidden="true" focusable="false">
          <defs>
            <linearGradient id={gradient}>
              {(stops ??= legendStops()).map((s) => <stop key={s.offset} offset={s.offset} stopColor={s.color} />)}
            </linearGradient>
          </defs>
          <g transform="translate(10,0)">
            <rect width={W} height={12} fill={`url(#${gradient})`} />
            {TICKS.map((n) => (
              <g key={n} transform={`translate(${x(n)},12)`}>
                <line y2={4} />
                <text y={15} textAnchor="middle">{LABEL[n]}</text>
              </g>
            ))}
          </g>
        </svg>
        <figcaption>steps to shrink the error 10×</figcaption>
      </figure>
      <ul className="map-keys">
        <li><span className="map-key map-key-hatch" aria-hidden="true" /> error grows (diverges)</li>
        <li><span className="map-key map-key-curve" aria-hidden="true" /> heavy ball’s boundary αλmax = 2(1+β)</li>
        <li><span className="map-key map-key-curve map-key-dashed" aria-hidden="true" /> Nesterov’s, 2(1+β)/(1+2β)</li>
        {kappa
          ? <li><span className="map-key map-key-best" aria-hidden="true" /> fastest α at each κ</li>
          : <li><span className="map-key map-key-optimum" aria-hidden="true" /> fastest α and β</li>}
        <li><span className="map-key map-key-point" aria-hidden="true" /> the run (drag it, or arrow keys)</li>
        {comparing && <li><span className="map-key map-key-mark" aria-hidden="true" /> run ≠ closed form</li>}
      </ul>
    </div>
  );
}
