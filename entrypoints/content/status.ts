/** What the content script shows on this page, for its own world only. */
export interface LinkerStatus {
  /** Which painter shows the highlights. */
  painter(): 'overlay' | 'highlight-api';
  /** Copies of the painted ranges, in page order. */
  ranges(): Range[];
  /** The open hover card's (closed) shadow root, or null when no card shows. */
  card(): ShadowRoot | null;
  /** The index in `ranges()` of the highlight whose card shows, or -1. */
  cardIndex(): number;
  /** How many times the page was read and answered (or found switched off) since it loaded. */
  runs(): number;
  /** How many pointer, key and focus events were ignored as not the user's own. */
  ignoredEvents(): number;
  /** The overlay's boxes in viewport coordinates (none with the Highlight API painter). */
  boxes(): { x: number; y: number; width: number; height: number }[];
}

/**
 * Puts a read-only status object on the content script's own global, `cairnStatus`. Content
 * scripts run in an isolated world: the page's scripts have a different global object and never
 * see it, while the end-to-end tests reach it through the DevTools protocol in that world (the
 * page cannot read the highlights any more, so tests cannot either, from the page).
 */
export function exposeStatus(status: LinkerStatus): void {
  Object.defineProperty(globalThis, 'cairnStatus', { value: Object.freeze({ ...status }), configurable: true });
}
