import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { fmtInput } from './format';
import { keptText, parseNumberInput, type NumberRule } from './parse-number';
import './controls.css';

export interface NumberFieldProps {
  /** Visible label. */
  label: ReactNode;
  /** The field's name in messages ("λ1"); defaults to the label when that is a string. */
  name?: string;
  value: number;
  /** Called with a valid number on Enter or when the field loses focus. */
  onCommit(value: number): void;
  rule?: NumberRule;
  /** How the value is shown in the box (default: shortest form, ≤ 6 significant digits). */
  format?: (v: number) => string;
  disabled?: boolean;
  /** A note under the field (e.g. why it is disabled), linked with aria-describedby. */
  hint?: ReactNode;
  /** The label is read but not shown (only where the same words are visible next to it). */
  hideLabel?: boolean;
  /** Ids of visible elements that label the box instead of `label` (e.g. a shared row label). */
  labelledBy?: string;
  className?: string;
  testId?: string;
}

/**
 * A typed number. The text is free while editing; on Enter or blur it is parsed and checked,
 * and a bad entry ("abc", "1e999", a negative where none is allowed) shows an inline message
 * naming the field while the lab keeps the last good value. Escape puts the good value back.
 */
export function NumberField(props: NumberFieldProps) {
  const { label, value, onCommit, rule = {}, format = fmtInput, disabled, hint, hideLabel, labelledBy } = props;
  const name = props.name ?? (typeof label === 'string' ? label : 'value');
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [focused, setFocused] = useState(false);
  const [seen, setSeen] = useState(value);

  // The value changed elsewhere (a slider, a preset): show it, unless the person is mid-edit here.
  if (!Object.is(seen, value)) {
    setSeen(value);
    if (!focused || draft === null) {
      setDraft(null);
      setError(null);
    }
  }

  const commit = () => {
    if (draft === null) return;
    const parsed = parseNumberInput(draft, name, rule);
    if (!parsed.ok) {
      setError(`${parsed.message} ${keptText(value)}`);
      return;
    }
    setError(null);
    setDraft(null);
    if (!Object.is(parsed.value, value)) onCommit(parsed.value);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commit();
    } else if (e.key === 'Escape' && (draft !== null || error)) {
      e.preventDefault();
      e.stopPropagation();
      setDraft(null);
      setError(null);
    }
  };
  const allowsNegative = rule.min === undefined || rule.min < 0;
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${props.className ? ` ${props.className}` : ''}${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'field-label'}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode={allowsNegative ? 'text' : 'decimal'}
        autoComplete="off"
        spellCheck={false}
        className="field-input"
        value={draft ?? format(value)}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        aria-labelledby={labelledBy}
        data-testid={props.testId}
        onChange={(e) => setDraft(e.target.value)}
        onFocus={() => setFocused(true)}
        onBlur={() => {
          setFocused(false);
          commit();
        }}
        onKeyDown={onKeyDown}
      />
      {hint ? <span id={`${id}-hint`} className="field-hint">{hint}</span> : null}
      <span id={`${id}-err`} className="field-error" aria-live="polite">
        {error ? <><span aria-hidden="true">⚠ </span>{error}</> : null}
      </span>
    </div>
  );
}
