import { useId } from 'react';

export interface ToggleProps {
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  disabled?: boolean;
  /** Shown under the switch, e.g. why it is disabled. */
  hint?: string;
  /** Shown on hover: what exactly the switch acts on. */
  title?: string;
  testId?: string;
}

/** An on/off switch: a button with `role="switch"`, so screen readers announce it as one. */
export function Toggle({ label, checked, onChange, disabled, hint, title, testId }: ToggleProps) {
  const hintId = useId();
  return (
    <span className="toggle-field">
      <button
        type="button"
        role="switch"
        aria-checked={checked}
        aria-describedby={hint ? hintId : undefined}
        disabled={disabled}
        title={title}
        className="toggle"
        data-testid={testId}
        onClick={() => onChange(!checked)}
      >
        <span className="toggle-track" aria-hidden="true">
          <span className="toggle-thumb" />
        </span>
        <span className="toggle-label">{label}</span>
      </button>
      {hint && (
        <span id={hintId} className="toggle-hint">
          {hint}
        </span>
      )}
    </span>
  );
}
