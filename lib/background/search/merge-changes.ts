import type { TermChange } from './write-term-change.ts';

/**
 * One change that does what `first` then `next` do, so a burst of writes is saved in one
 * transaction. An article added and then removed is not added (its removal is a no-op for an
 * index that never held it); one removed and then added again is replaced.
 */
export function mergeChanges(first: TermChange, next: TermChange): TermChange {
  const added = new Map(first.added.map((document) => [document.id, document]));
  const removedIds = new Set(first.removedIds);
  for (const id of next.removedIds) {
    added.delete(id);
    removedIds.add(id);
  }
  for (const document of next.added) added.set(document.id, document);
  // The version the index holds is the one the first change removed: the next one's (when the
  // first added it) was never saved.
  const removed = new Map((next.removed ?? []).map((document) => [document.id, document]));
  for (const document of first.removed ?? []) removed.set(document.id, document);
  return {
    added: [...added.values()],
    removedIds: [...removedIds],
    ...(removed.size > 0 && { removed: [...removed.values()] }),
    revision: next.revision,
    damaged: next.damaged,
  };
}
