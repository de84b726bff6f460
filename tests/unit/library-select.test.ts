import { describe, expect, it } from 'vitest';
import { keepExisting, NO_SELECTION, selectArticles, toggleAllShown, type Selection } from '../../entrypoints/library/select-articles.ts';

const shown = [10, 20, 30, 40, 50];
const sorted = (selection: Selection) => [...selection.ids].sort((a, b) => a - b);

describe('selectArticles', () => {
  it('checks and unchecks one row and remembers it as the anchor', () => {
    const one = selectArticles(NO_SELECTION, shown, { id: 20, checked: true, range: false });
    const none = selectArticles(one, shown, { id: 20, checked: false, range: false });

    expect(sorted(one)).toEqual([20]);
    expect(one.anchor).toBe(20);
    expect(sorted(none)).toEqual([]);
  });

  it('sets the whole range from the anchor on a Shift-click, either way up', () => {
    const anchored = selectArticles(NO_SELECTION, shown, { id: 40, checked: true, range: false });

    const range = selectArticles(anchored, shown, { id: 20, checked: true, range: true });

    expect(sorted(range)).toEqual([20, 30, 40]);
    expect(range.anchor).toBe(40);
  });

  it('clears a range when the Shift-clicked box is being unchecked', () => {
    const all = { ids: new Set(shown), anchor: 10 };

    expect(sorted(selectArticles(all, shown, { id: 30, checked: false, range: true }))).toEqual([40, 50]);
  });

  it('acts on the clicked row alone when the anchor is no longer shown', () => {
    const selection = { ids: new Set([99]), anchor: 99 };

    const next = selectArticles(selection, shown, { id: 30, checked: true, range: true });

    expect(sorted(next)).toEqual([30, 99]);
    expect(next.anchor).toBe(30);
  });
});

describe('toggleAllShown', () => {
  it('selects every shown row, keeping rows selected elsewhere, then clears the shown ones', () => {
    const start = { ids: new Set([99, 20]), anchor: null };

    const all = toggleAllShown(start, shown);
    const cleared = toggleAllShown(all, shown);

    expect(sorted(all)).toEqual([10, 20, 30, 40, 50, 99]);
    expect(sorted(cleared)).toEqual([99]);
  });
});

describe('keepExisting', () => {
  it('drops ids that left the collection and keeps the same object when none did', () => {
    const selection = { ids: new Set([1, 2, 3]), anchor: 2 };

    expect(keepExisting(selection, () => true)).toBe(selection);
    const kept = keepExisting(selection, (id) => id !== 2);
    expect(sorted(kept)).toEqual([1, 3]);
    expect(kept.anchor).toBeNull();
  });
});
