import { useId, useMemo, useState } from 'react';
import { FORMAT_NAMES, store, type Stored } from '../../engine/analysis/prec-formats';
import { fmt } from '../../ui/format';
import { parseValue } from './prec-parse';
import { TABLE_FORMATS } from './prec-table';
import './prec.css';

/** Examples one click away: the values the prose talks about. */
export const EXAMPLES = ['65504', '65519', '65520', '1 + 2^-11', '0.1', '1e-7', '2^-25', '3e38'];

/** A stored value with up to 12 significant digits (enough to tell FP32 neighbours apart). */
export function showValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '+∞' : '−∞';
  if (v === 0) return Object.is(v, -0) ? '−0' : '0';
  const a = Math.abs(v);
  const s = a >= 1e-4 && a < 1e15 ? String(Number(v.toPrecision(12))) : v.toExponential(11).replace(/\.?0+e/, 'e');
  return s.replace('-', '−');
}

/** What happened to the value, in words. */
export function verdict(s: Stored): string {
  const tie = s.outcome !== 'overflow' && Number.isFinite(s.error) && s.error !== 0 && Math.abs(s.error) === s.gap / 2;
  const err = `error ${fmt(100 * s.relError, 2)} %`;
  switch (s.outcome) {
    case 'exact': return 'stored exactly';
    case 'rounded': return tie ? `a tie between two neighbours: rounded to the even one (${err})` : `rounded to the nearest value (${err})`;
    case 'subnormal': return s.error === 0 ? 'stored exactly, as a subnormal (fewer significant bits)' : `subnormal: fewer significant bits (${err})`;
    case 'flushed': return 'flushed to 0: below half the smallest subnormal';
    case 'overflow': return 'overflow to ∞: at or past the midpoint between the largest finite value and the next power of two';
    case 'nonfinite': return 'not a finite number';
  }
}

/** Type a number, see what FP32, FP16 and BF16 store (exact rounding by the engine's roundTo). */
export function NumberProbe() {
  const id = useId();
  const [text, setText] = useState('1 + 2^-11');
  const parsed = useMemo(() => parseValue(text), [text]);
  const rows = useMemo(() => (parsed.ok ? TABLE_FORMATS.map((f) => store(f, parsed.value)) : []), [parsed]);
  return (
    <div className="prec-probe">
      <label htmlFor={`${id}-x`}>A number to store: </label>
      <input
        id={`${id}-x`} type="text" value={text} size={14} spellCheck={false}
        aria-invalid={!parsed.ok} aria-describedby={`${id}-out`} onChange={(e) => setText(e.target.value)}
      />
      <div className="prec-examples" role="group" aria-label="Examples">
        {EXAMPLES.map((x) => <button key={x} type="button" onClick={() => setText(x)}>{x}</button>)}
      </div>
      <div id={`${id}-out`} aria-live="polite">
        {parsed.ok ? (
          <div className="prec-wrap" tabIndex={0} role="region" aria-label="The number in each format">
            <table className="prec-table">
              <caption>{text.trim()} = {showValue(parsed.value)} as a double (FP64), stored in each format</caption>
              <thead><tr><th scope="col">format</th><th scope="col">stored value</th><th scope="col">what happened</th><th scope="col">gap to the next value</th></tr></thead>
              <tbody>
                {rows.map((s) => (
                  <tr key={s.format}>
                    <th scope="row">{FORMAT_NAMES[s.format]}</th>
                    <td data-testid={`probe-${s.format}`}>{showValue(s.stored)}</td>
                    <td>{verdict(s)}</td>
                    <td>{Number.isFinite(s.gap) ? fmt(s.gap, 3) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="prec-error">{parsed.message}</p>
        )}
      </div>
    </div>
  );
}
