/**
 * How the content script shows the ranges it links. Two ways exist: an overlay of boxes inside a
 * closed shadow root (the default: nothing of it is readable from the page's own scripts) and the
 * CSS Custom Highlight API (an opt-in: its registry, `CSS.highlights`, is readable by the page).
 * The linker talks to either through this interface, and the benchmark measures both through it.
 */
export interface Painter {
  /** Shows exactly these ranges, replacing whatever was shown before. */
  paint(ranges: readonly Range[]): void;
  /** Marks one of the shown ranges as the one whose card is open, or none (`null`). */
  setActive(range: Range | null): void;
  /** Removes every mark; the painter can paint again afterwards. */
  clear(): void;
  /** Removes every mark and everything the painter added to the page, for good. */
  destroy(): void;
}
