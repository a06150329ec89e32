import { useId, type ReactNode } from 'react';
import './controls.css';

export interface SegmentedProps<T extends string> {
  legend: ReactNode;
  value: T;
  options: readonly { value: T; label: ReactNode; disabled?: boolean }[];
  onChange(value: T): void;
  hint?: ReactNode;
}

/** A small radio group drawn as joined buttons (arrow keys move between options, as radios do). */
export function Segmented<T extends string>({ legend, value, options, onChange, hint }: SegmentedProps<T>) {
  const name = useId();
  return (
    <fieldset className="segmented" aria-describedby={hint ? `${name}-hint` : undefined}>
      <legend className="field-label">{legend}</legend>
      <div className="segmented-options">
        {options.map((o) => (
          <label key={o.value} className={`segmented-option${o.value === value ? ' is-checked' : ''}${o.disabled ? ' is-disabled' : ''}`}>
            <input type="radio" name={name} value={o.value} checked={o.value === value} disabled={o.disabled} onChange={() => onChange(o.value)} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {hint ? <span id={`${name}-hint`} className="field-hint">{hint}</span> : null}
    </fieldset>
  );
}
