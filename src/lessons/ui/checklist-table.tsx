import './checklist.css';
/** The checklist itself: the notes' five rows, each with its experiment (or an honest "not yet") and its lesson. */

export interface ChecklistRow {
  feature: string;
  recommendation: string;
  why: string;
  /** The experiment id a button loads, or null when the 2D lab cannot show this row. */
  experiment: string | null;
  /** The button's text, or what the lab cannot show and where it will be covered. */
  tryIt: string;
  /** The lesson that explains the row, if one exists yet. */
  lesson: { slug: string; title: string } | null;
}

export const ROWS: readonly ChecklistRow[] = [
  {
    feature: 'Architecture', recommendation: 'Pre-LN (LayerNorm before attention and the MLP)', why: 'Stable gradients in deep stacks',
    experiment: null,
    tryIt: 'A 2D surface has no layers, so there is nothing honest to run here; the network lessons (pre-LN vs post-LN) will cover it.',
    lesson: null,
  },
  {
    feature: 'Precision', recommendation: 'BF16', why: 'Prevents overflow: FP32’s exponent range in 16 bits',
    experiment: 'bf16', tryIt: 'Run FP16 against BF16 through a bad batch',
    lesson: { slug: 'precision-fp32-fp16-bf16', title: 'Precision: FP32, FP16, BF16' },
  },
  {
    feature: 'Optimizer', recommendation: 'AdamW', why: 'Correct regularisation: decay decoupled from the adaptive step',
    experiment: 'adamw', tryIt: 'Run AdamW against Adam + L2',
    lesson: { slug: 'adam-and-adaptive-steps', title: 'Adam and adaptive steps' },
  },
  {
    feature: 'Clipping', recommendation: 'Global gradient norm ≤ 1.0', why: 'Prevents explosion: caps the length of every step',
    experiment: 'clip', tryIt: 'Run clipped vs unclipped on a cliff',
    lesson: { slug: 'exploding-gradients-and-clipping', title: 'Exploding gradients and clipping' },
  },
  {
    feature: 'Warmup', recommendation: '1–5 % of the steps', why: 'Safe initialisation: small steps while the curvature is high',
    experiment: 'warmup', tryIt: 'Run warmup vs a cold start',
    lesson: { slug: 'warmup', title: 'Warmup' },
  },
];

function press(id: string) {
  document.querySelector<HTMLButtonElement>(`[data-testid="experiment-${id}"]`)?.click();
}

export function ChecklistTable() {
  return (
    <div className="checklist-wrap" tabIndex={0} role="region" aria-label="The stability checklist">
      <table className="checklist-table">
        <caption>The stability checklist: what to use, why, and where to see it</caption>
        <thead>
          <tr><th scope="col">Item</th><th scope="col">Use, and why</th><th scope="col">In the lab</th></tr>
        </thead>
        <tbody>
          {ROWS.map((r) => (
            <tr key={r.feature}>
              <th scope="row">{r.feature}</th>
              <td><strong>{r.recommendation}</strong><br />{r.why}</td>
              <td>
                {r.experiment
                  ? <button type="button" className="checklist-run" onClick={() => press(r.experiment!)}>{r.tryIt}</button>
                  : <span className="checklist-note">{r.tryIt}</span>}
                {r.lesson && <><br />Explained in <a href={`#/lesson/${r.lesson.slug}`}>{r.lesson.title}</a></>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
