import { useEffect, useState } from 'react';
import { useLatest } from '../../lib/ui/use-latest.ts';

export interface UndoToastProps {
  message: string;
  /** Offered while the toast shows; null for a plain notice. */
  onUndo: (() => void) | null;
  onDismiss(): void;
  /** How long the toast stays, in milliseconds, while the pointer and the focus are elsewhere. */
  timeout?: number;
}

/**
 * A notice at the bottom of the page ("Deleted 3 articles · Undo") that goes away by itself
 * after `timeout`, but not while the user points at it or has the focus in it.
 */
export function UndoToast({ message, onUndo, onDismiss, timeout = 10_000 }: UndoToastProps) {
  const [held, setHeld] = useState(false);
  const dismiss = useLatest(onDismiss);

  useEffect(() => {
    if (held) return;
    const timer = setTimeout(() => dismiss.current(), timeout);
    return () => clearTimeout(timer);
  }, [held, timeout, message, dismiss]);

  return (
    <div
      className="toast"
      data-testid="toast"
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      <span className="toast-message">{message}</span>
      {onUndo && (
        <button type="button" className="toast-action" data-testid="undo-delete" onClick={onUndo}>
          Undo
        </button>
      )}
      <button type="button" className="toast-close" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
