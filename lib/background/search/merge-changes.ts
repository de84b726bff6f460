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
  return { added: [...added.values()], removedIds: [...removedIds], revision: next.revision, damaged: next.damaged };
}
