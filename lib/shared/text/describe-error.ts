/** What to tell the user about a failure: the error's own message when it has one, else `fallback`. */
export function describeError(error: unknown, fallback: string): string {
  return error instanceof Error && error.message ? error.message : fallback;
}
