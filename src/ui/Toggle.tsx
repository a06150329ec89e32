import { useId, type ReactNode } from 'react';
import './controls.css';

export interface ToggleProps {
  label: ReactNode;
  checked: boolean;
  onChange(checked: boolean): void;
  disabled?: boolean;
  /** Shown next to the box and read with it: e.g. why it is disabled. */
  hint?: ReactNode;
  className?: string;
  testId?: string;
}

/** A labelled checkbox; a disabled one says why next to it (never by colour alone). */
export function Toggle(props: ToggleProps) {
  const id = useId();
  const { label, checked, onChange, disabled, hint } = props;
  return (
    <div className={`toggle${disabled ? ' toggle-disabled' : ''}${props.className ? ` ${props.className}` : ''}`}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        aria-describedby={hint ? `${id}-hint` : undefined}
        data-testid={props.testId}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      {hint ? <span id={`${id}-hint`} className="field-hint">{hint}</span> : null}
    </div>
  );
}
