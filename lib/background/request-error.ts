/** A request that was refused: malformed, from a sender that may not send it, or out of date. */
export class RequestError extends Error {
  override name = 'RequestError';
}
