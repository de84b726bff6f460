export interface ErrorAlertProps {
  message: string;
  testId?: string;
}

/** A problem the user should see, announced by screen readers as soon as it appears. */
export function ErrorAlert({ message, testId = 'error' }: ErrorAlertProps) {
  return (
    <p className="error-alert" role="alert" data-testid={testId}>
      {message}
    </p>
  );
}
