/** What a click on a row's checkbox asks for. */
export interface SelectClick {
  id: number;
  /** The checkbox's new state. */
  checked: boolean;
  /** Shift was held: the whole range from the anchor to `id` takes the new state. */
  range: boolean;
}

export interface Selection {
  ids: ReadonlySet<number>;
  /** The row last clicked without Shift: where a Shift-click range starts. */
  anchor: number | null;
}

export const NO_SELECTION: Selection = { ids: new Set(), anchor: null };

/**
 * The selection after a click on a checkbox, over the rows as shown (`shown`, in order). A
 * Shift-click sets every row between the anchor and the clicked row, as in a file manager; when
 * the anchor is no longer shown, it acts on the clicked row alone.
 */
export function selectArticles(selection: Selection, shown: readonly number[], { id, checked, range }: SelectClick): Selection {
  const ids = new Set(selection.ids);
  const from = range && selection.anchor !== null ? shown.indexOf(selection.anchor) : -1;
  const to = shown.indexOf(id);
  const span = from >= 0 && to >= 0 ? shown.slice(Math.min(from, to), Math.max(from, to) + 1) : [id];
  for (const each of span) {
    if (checked) ids.add(each);
    else ids.delete(each);
  }
  return { ids, anchor: range && from >= 0 ? selection.anchor : id };
}

/** Selects every shown row, or clears them all when all of them already were. */
export function toggleAllShown(selection: Selection, shown: readonly number[]): Selection {
  const all = shown.length > 0 && shown.every((id) => selection.ids.has(id));
  const ids = new Set(selection.ids);
  for (const id of shown) {
    if (all) ids.delete(id);
    else ids.add(id);
  }
  return { ids, anchor: selection.anchor };
}

/** The selection without ids no longer in the collection (deleted here or elsewhere). */
export function keepExisting(selection: Selection, exists: (id: number) => boolean): Selection {
  const ids = [...selection.ids].filter(exists);
  if (ids.length === selection.ids.size) return selection;
  return { ids: new Set(ids), anchor: selection.anchor !== null && exists(selection.anchor) ? selection.anchor : null };
}
