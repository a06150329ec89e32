import { memo, useId, useMemo, type CSSProperties } from 'react';
import type { OptimizerSpec, StabilityReport } from '../engine';
import { fmtPlain } from './format';
import {
  decadeTicks, LR_SCALE, LR_THUMB_PX, lrFraction, lrToSlider, onTrack, sliderToLr, thumbCenterCss,
} from './lr-scale';
import { lrBound, lrLambdaText, lrText, lrValueText, type LrBound } from './lr-text';
import { NumberField } from './NumberField';
import './lr-slider.css';

export interface LrSliderProps {
  runId: string;
  /** "run 1: GD": part of the slider's accessible name. */
  runLabel: string;
  /** "Adam": what the slider says when there is no closed-form bound. */
  optimizerName: string;
  lr: number;
  optimizer: OptimizerSpec;
  /** The run's stability report (from its result): the boundary tick follows it live. */
  report: StabilityReport;
  color: string;
  onChange(lr: number): void;
}

const DECADE_TEXT: Record<number, string> = { [-4]: '10⁻⁴', [-3]: '10⁻³', [-2]: '0.01', [-1]: '0.1', 0: '1', 1: '10' };

/**
 * The learning-rate slider: log10 α from 10⁻⁴ to 10, with the stability boundary drawn on the
 * track (stable zone plain blue, unstable zone hatched orange, a tick at the boundary and one at
 * the fastest α). Ticks sit where the thumb's centre sits for that α, thumb width included.
 */
export const LrSlider = memo(function LrSlider(props: LrSliderProps) {
  const { runId, runLabel, optimizerName, lr, optimizer, report, color, onChange } = props;
  const id = useId();
  const bound = useMemo(() => lrBound(report, optimizer), [report, optimizer]);
  const valueText = lrValueText(lr, bound, optimizerName);
  const readout = lrLambdaText(lr, bound);
  const style = { '--run-color': color, '--thumb': `${LR_THUMB_PX}px` } as CSSProperties;
  return (
    <div className="lr" style={style}>
      <div className="lr-head">
        <label htmlFor={`${id}-range`} className="lr-label">
          learning rate α <span className="lr-run">({runLabel})</span>
        </label>
        <NumberField
          label="α ="
          name={`α (${runLabel})`}
          value={lr}
          format={lrText}
          rule={{ min: 0 }}
          onCommit={onChange}
          className="lr-exact"
          testId={`lr-input-${runId}`}
        />
      </div>
      <div className="lr-wrap">
        <Track bound={bound} />
        <input
          id={`${id}-range`}
          className="lr-input"
          type="range"
          min={LR_SCALE.min}
          max={LR_SCALE.max}
          step={LR_SCALE.step}
          value={lrToSlider(lr)}
          aria-valuetext={valueText}
          aria-describedby={`${id}-legend`}
          data-testid={`lr-slider-${runId}`}
          onChange={(e) => {
            const next = sliderToLr(Number(e.target.value));
            if (next !== lr) onChange(next);
          }}
        />
      </div>
      <div className="lr-axis" aria-hidden="true">
        {decadeTicks().map((e) => (
          <span key={e} style={{ left: thumbCenterCss((e - LR_SCALE.min) / (LR_SCALE.max - LR_SCALE.min)) }}>{DECADE_TEXT[e] ?? `1e${e}`}</span>
        ))}
      </div>
      <div className="lr-foot">
        <Legend id={`${id}-legend`} bound={bound} optimizerName={optimizerName} />
        {readout ? <output className="lr-readout" htmlFor={`${id}-range`}>{readout}</output> : null}
      </div>
    </div>
  );
});

/** The coloured zones and the ticks, under the transparent native input. */
function Track({ bound }: { bound: LrBound }) {
  if (bound.kind !== 'bound') return <div className="lr-track lr-track-neutral" aria-hidden="true" />;
  const p = lrFraction(bound.alpha);
  const split = p === null ? 1 : Math.min(1, Math.max(0, p));
  const splitCss = thumbCenterCss(split);
  const opt = bound.optimal === null ? null : lrFraction(bound.optimal);
  return (
    <>
      <div className="lr-track" aria-hidden="true">
        {split > 0 ? <div className="lr-zone lr-zone-stable" style={{ left: 0, width: split >= 1 ? '100%' : splitCss }} /> : null}
        {split < 1 ? <div className="lr-zone lr-zone-unstable" style={{ left: split <= 0 ? 0 : splitCss, right: 0 }} /> : null}
      </div>
      {onTrack(opt) ? (
        <div className="lr-tick lr-tick-opt" style={{ left: thumbCenterCss(opt) }} data-alpha={bound.optimal ?? undefined} aria-hidden="true" />
      ) : null}
      {onTrack(p) ? (
        <div
          className={`lr-tick lr-tick-bound${p > 0.8 ? ' lr-tick-right' : p < 0.2 ? ' lr-tick-left' : ''}`}
          style={{ left: thumbCenterCss(p) }}
          data-testid="boundary-tick"
          data-alpha={bound.alpha}
          aria-hidden="true"
        >
          <span className="lr-tick-text">{bound.formula}</span>
        </div>
      ) : null}
    </>
  );
}

/** Words for the zones (colour is never the only cue) and where the ticks are. */
function Legend({ id, bound, optimizerName }: { id: string; bound: LrBound; optimizerName: string }) {
  if (bound.kind === 'adaptive') {
    return <p id={id} className="lr-legend">{optimizerName} adapts its step: no closed-form bound to mark.</p>;
  }
  if (bound.kind !== 'bound') {
    const why = bound.kind === 'none' ? `dampening ${fmtPlain(bound.dampening, 4)} ≥ 1` : `λmax = ${fmtPlain(bound.lambdaMax, 4)} is not positive`;
    return <p id={id} className="lr-legend">No stability bound: {why}.</p>;
  }
  const b = lrText(bound.alpha);
  const p = lrFraction(bound.alpha);
  const off = p === null ? '' : p > 1 ? ' (beyond the scale →)' : p < 0 ? ' (← below the scale)' : '';
  return (
    <p id={id} className="lr-legend">
      <span className="lr-key lr-key-stable"><span className="lr-swatch" aria-hidden="true" />stable: α &lt; {bound.formula} = {b}{off}</span>
      <span className="lr-key lr-key-unstable"><span className="lr-swatch" aria-hidden="true" />unstable above</span>
      {bound.optimal !== null ? (
        <span className="lr-key"><span aria-hidden="true">▲</span> fastest α* = {lrText(bound.optimal)}{bound.optimalBeta !== null ? ` with β* = ${fmtPlain(bound.optimalBeta, 3)}` : ''}</span>
      ) : null}
    </p>
  );
}
