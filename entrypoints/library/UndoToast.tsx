import { useEffect, useRef, useState, type FocusEvent } from 'react';
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
 * after `timeout`, but not while the pointer is over it or the focus is in it: each holds it on
 * its own, so leaving with the pointer does not start the clock while a key press is on its way
 * (issue 11). It is drawn inside the page's `role=status` region, which announces it.
 */
export function UndoToast({ message, onUndo, onDismiss, timeout = 10_000 }: UndoToastProps) {
  const [pointed, setPointed] = useState(false);
  const [focused, setFocused] = useState(false);
  const close = useRef<HTMLButtonElement>(null);
  const toast = useRef<HTMLDivElement>(null);
  const dismiss = useLatest(onDismiss);

  useEffect(() => {
    if (pointed || focused) return;
    const timer = setTimeout(() => dismiss.current(), timeout);
    return () => clearTimeout(timer);
  }, [pointed, focused, timeout, message, dismiss]);

  // Undo takes its button away: the focus it had stays in the toast, on Dismiss, rather than
  // falling to the page (and the toast, still held, would never go).
  const undoable = onUndo !== null;
  useEffect(() => {
    if (!undoable && focused && !toast.current?.contains(document.activeElement)) close.current?.focus();
  }, [undoable, focused]);

  function blurred(event: FocusEvent<HTMLDivElement>) {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocused(false);
  }

  return (
    <div
      ref={toast}
      className="toast"
      data-testid="toast"
      onMouseEnter={() => setPointed(true)}
      onMouseLeave={() => setPointed(false)}
      onFocus={() => setFocused(true)}
      onBlur={blurred}
    >
      <span className="toast-message">{message}</span>
      {onUndo && (
        <button type="button" className="toast-action" data-testid="undo-delete" onClick={onUndo}>
          Undo
        </button>
      )}
      <button type="button" ref={close} className="toast-close" data-testid="toast-dismiss" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
