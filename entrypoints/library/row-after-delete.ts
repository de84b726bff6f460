/**
 * The row that takes the keyboard focus after rows are deleted: the first row left below the
 * first deleted one, as in a mail client; the last row left when nothing is left below; null when
 * nothing is left at all or nothing shown was deleted.
 */
export function rowAfterDelete(shown: readonly number[], deleted: ReadonlySet<number>): number | null {
  const first = shown.findIndex((id) => deleted.has(id));
  if (first === -1) return null;
  const below = shown.slice(first).find((id) => !deleted.has(id));
  return below ?? shown.slice(0, first).findLast((id) => !deleted.has(id)) ?? null;
}
