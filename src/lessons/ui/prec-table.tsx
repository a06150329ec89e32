import { useMemo } from 'react';
import type { Precision } from '../../engine';
import { FORMAT_NAMES, layout } from '../../engine/analysis/prec-formats';
import { fmt } from '../../ui/format';
import { pow2 } from './prec-chart';
import './prec.css';

export const TABLE_FORMATS: Precision[] = ['fp32', 'fp16', 'bf16'];

/** A power of two as "2⁻¹⁴ ≈ 6.1×10⁻⁵"; anything else as a plain number. */
export function powerText(v: number): string {
  const e = Math.log2(v);
  if (Number.isInteger(e) && Math.abs(e) > 4) return `${pow2(e)} ≈ ${fmt(v, 3)}`;
  return Number.isInteger(v) && v < 1e6 ? String(v) : fmt(v, 3);
}

/** A "(2 − 2⁻¹⁰)·2¹⁵ = 65504"-style text for a format's largest finite value. */
function maxText(f: Precision): string {
  const l = layout(f);
  const emax = Math.log2(l.minNormal) * -1 + 1;
  const head = `(2 − ${pow2(1 - l.significandBits)})·${pow2(emax)}`;
  return `${head} ${l.max < 1e6 ? '=' : '≈'} ${l.max < 1e6 ? String(l.max) : fmt(l.max, 3)}`;
}

/** The formats side by side, every cell derived from the engine's FORMATS. */
export function FormatTable() {
  const rows = useMemo(() => {
    const ls = TABLE_FORMATS.map(layout);
    return [
      { name: 'bits: sign / exponent / significand', cells: ls.map((l) => `${l.totalBits}: 1 / ${l.exponentBits} / ${l.significandBits - 1}`) },
      { name: 'precision p (with the hidden 1)', cells: ls.map((l) => `${l.significandBits} bits ≈ ${fmt(l.decimalDigits, 2)} decimal digits`) },
      { name: 'largest finite', cells: TABLE_FORMATS.map(maxText) },
      { name: 'smallest normal', cells: ls.map((l) => powerText(l.minNormal)) },
      { name: 'smallest subnormal', cells: ls.map((l) => powerText(l.minSubnormal)) },
      { name: 'ulp(1) = 2¹⁻ᵖ', cells: ls.map((l) => `${pow2(Math.log2(l.ulpAtOne))} ≈ ${fmt(l.ulpAtOne, 3)}`) },
    ];
  }, []);
  return (
    <div className="prec-wrap" tabIndex={0} role="region" aria-label="The three formats compared">
      <table className="prec-table">
        <caption>FP32, FP16 and BF16, computed from the formats the engine rounds to</caption>
        <thead>
          <tr><th scope="col">property</th>{TABLE_FORMATS.map((f) => <th key={f} scope="col">{FORMAT_NAMES[f]}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name}>
              <th scope="row">{r.name}</th>
              {r.cells.map((c, i) => <td key={TABLE_FORMATS[i]}>{c}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
