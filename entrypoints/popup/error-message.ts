/** What to tell the user about a failure: the background's own message when there is one. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong in Cairn. Try closing and reopening the popup.';
}
