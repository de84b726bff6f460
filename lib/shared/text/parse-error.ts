/**
 * Thrown when a document cannot be turned into an article (no title, no body). The message is
 * shown to the user as is, so it says what was wrong with the text and what to do about it.
 */
export class ParseError extends Error {
  override name = 'ParseError';
}
