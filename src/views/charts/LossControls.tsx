import { memo } from 'react';
import { useLab } from '../../state/context';

/** Log/linear toggle and the TensorBoard-style smoothing slider (doc.view.logY, doc.view.ema). */
export const LossControls = memo(function LossControls({ logY, ema, idPrefix }: { logY: boolean; ema: number; idPrefix: string }) {
  const lab = useLab();
  return (
    <div className="chart-controls">
      <label className="chart-check">
        <input type="checkbox" checked={logY} onChange={(e) => lab.setView({ logY: e.target.checked })} />
        Log scale
      </label>
      <label className="chart-slider" htmlFor={`${idPrefix}-ema`}>
        Smoothing
        <input
          id={`${idPrefix}-ema`}
          type="range" min={0} max={0.99} step={0.01} value={ema}
          aria-valuetext={ema === 0 ? 'off' : `EMA weight ${ema.toFixed(2)}`}
          onChange={(e) => {
            const v = Number(e.target.value);
            if (Number.isFinite(v)) lab.setView({ ema: Math.min(0.99, Math.max(0, v)) });
          }}
        />
        <output htmlFor={`${idPrefix}-ema`} className="num">{ema === 0 ? 'off' : ema.toFixed(2)}</output>
      </label>
    </div>
  );
});
