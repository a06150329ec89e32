import { useId } from 'react';
import { fmtPlain } from './format';
import { NumberField } from './NumberField';
import type { NumberRule } from './parse-number';
import { Slider } from './Slider';
import { fromSlider, toSlider, type RangeScale } from './range-scale';
import './controls.css';

export interface RangeFieldProps {
  /** Visible label; also names the field in messages ("λ1", "θ"). */
  label: string;
  /** The field's name in messages (default: the label): "momentum (run 2)". */
  name?: string;
  /** Spoken name when the label is a symbol: "λ1, curvature along the first axis". */
  spoken?: string;
  value: number;
  onChange(value: number): void;
  /** The slider's range and scale; the number box takes anything `rule` allows. */
  scale: RangeScale;
  rule: NumberRule;
  /** Shown after the value: "°". */
  unit?: string;
  disabled?: boolean;
  hint?: string;
  testId?: string;
}

/**
 * One quantity with a slider where the range is natural (linear or log) and a box for the exact
 * value. Both are labelled by the one visible label. A value outside the slider's range (typed)
 * pins the thumb at the end and the slider says so.
 */
export function RangeField(props: RangeFieldProps) {
  const { label, value, onChange, scale, rule, unit = '', disabled } = props;
  const id = useId();
  const labelId = `${id}-label`;
  const exactId = `${id}-exact`;
  const inRange = value >= scale.min && value <= scale.max;
  const valueText = `${props.spoken ?? label} = ${fmtPlain(value, 4)}${unit}${inRange ? '' : ' (beyond the slider’s range)'}`;
  return (
    <div className="range-field">
      <span id={labelId} className="field-label range-label">{label}{unit ? ` (${unit})` : ''}</span>
      <Slider
        labelledBy={labelId}
        min={scale.log ? Math.log10(scale.min) : scale.min}
        max={scale.log ? Math.log10(scale.max) : scale.max}
        step={scale.step}
        value={toSlider(value, scale)}
        valueText={valueText}
        disabled={disabled}
        testId={props.testId ? `${props.testId}-slider` : undefined}
        onChange={(v) => {
          const next = fromSlider(v, scale);
          if (next !== value) onChange(next);
        }}
      />
      <span id={exactId} className="visually-hidden">exact value{unit === '°' ? ' in degrees' : ''}</span>
      <NumberField
        label={label}
        name={props.name ?? label}
        hideLabel
        labelledBy={`${labelId} ${exactId}`}
        value={value}
        rule={rule}
        disabled={disabled}
        onCommit={onChange}
        className="range-number"
        hint={props.hint}
        testId={props.testId}
      />
    </div>
  );
}
