/**
 * The toolbar badge of a tab: how many articles relate to its page, after a check mark when the
 * page itself is in the collection (`✓`, `✓3`); empty when there is nothing to say.
 */
export function badgeText(related: number, saved: boolean): string {
  const count = related > 0 ? String(related) : '';
  return saved ? `✓${count}` : count;
}
