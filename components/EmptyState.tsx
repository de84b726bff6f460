import type { ReactNode } from 'react';

export interface EmptyStateProps {
  message: ReactNode;
  hint?: ReactNode;
  testId?: string;
}

/** A plain sentence where a list would be, with an optional hint on what to do next. */
export function EmptyState({ message, hint, testId }: EmptyStateProps) {
  return (
    <div className="empty-state" data-testid={testId}>
      <p className="empty-state-message">{message}</p>
      {hint && <p className="empty-state-hint">{hint}</p>}
    </div>
  );
}
