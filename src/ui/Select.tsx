import { memo, useId, type ReactNode } from 'react';
import './controls.css';

export interface SelectOption<T extends string> {
  value: T;
  label: string;
}

export interface SelectProps<T extends string> {
  label: ReactNode;
  value: T;
  options: readonly SelectOption<T>[];
  onChange(value: T): void;
  disabled?: boolean;
  hint?: ReactNode;
  className?: string;
  testId?: string;
}

/** A labelled native select (memoised: with a stable onChange it skips its parent's re-renders). */
export const Select = memo(function Select<T extends string>(props: SelectProps<T>) {
  const id = useId();
  const { label, value, options, onChange, disabled, hint } = props;
  return (
    <div className={`field${props.className ? ` ${props.className}` : ''}`}>
      <label htmlFor={id} className="field-label">{label}</label>
      <select
        id={id}
        className="field-select"
        value={value}
        disabled={disabled}
        aria-describedby={hint ? `${id}-hint` : undefined}
        data-testid={props.testId}
        onChange={(e) => onChange(e.target.value as T)}
      >
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
      {hint ? <span id={`${id}-hint`} className="field-hint">{hint}</span> : null}
    </div>
  );
}) as <T extends string>(props: SelectProps<T>) => ReactNode;
