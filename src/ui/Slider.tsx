import { useId, type ReactNode } from 'react';
import './controls.css';

export interface SliderProps {
  /** Visible label (or use labelledBy to point at one shown elsewhere). */
  label?: ReactNode;
  labelledBy?: string;
  min: number;
  max: number;
  step: number;
  /** The slider's own value (for a log slider: log10 of the quantity). */
  value: number;
  onChange(value: number): void;
  /** What a screen reader hears instead of the raw number. */
  valueText?: string;
  disabled?: boolean;
  describedBy?: string;
  className?: string;
  testId?: string;
}

/** A native range input: keyboard, touch and assistive technology work as the platform does. */
export function Slider(props: SliderProps) {
  const id = useId();
  const { label, labelledBy, min, max, step, value, onChange, valueText, disabled } = props;
  return (
    <div className={`slider${props.className ? ` ${props.className}` : ''}`}>
      {label !== undefined && !labelledBy ? <label htmlFor={id} className="field-label">{label}</label> : null}
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={Math.min(max, Math.max(min, value))}
        disabled={disabled}
        aria-labelledby={labelledBy}
        aria-valuetext={valueText}
        aria-describedby={props.describedBy}
        data-testid={props.testId}
        onChange={(e) => onChange(Number(e.target.value))}
      />
    </div>
  );
}
