/**
 * Which painted highlight (an index in page order) the next or previous highlight command goes
 * to. From the one the user is on (`current`), the neighbour, wrapping around at either end.
 * From none, the first highlight that ends below the top of the viewport (`firstInView`, the
 * count when none does) going forward, or the one just before it going back. Null when the page
 * has no highlights.
 */
export function stepHighlight(count: number, current: number | null, direction: 1 | -1, firstInView: () => number): number | null {
  if (count === 0) return null;
  if (current !== null && current >= 0 && current < count) return (current + direction + count) % count;
  const first = firstInView();
  if (direction === 1) return first < count ? first : 0;
  return first > 0 ? first - 1 : count - 1;
}
