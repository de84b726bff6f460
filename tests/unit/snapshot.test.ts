import { describe, expect, it } from 'vitest';
import { snapshotOf } from '../../lib/background/db/load-or-rebuild.ts';
import { idsChecksum } from '../../lib/background/db/stored-snapshot.ts';
import { createIndex, searchSnapshot } from '../../lib/background/search/snapshot.ts';
import { planQuery } from '../../lib/shared/search/query-plan.ts';

function sampleIndex() {
  const index = createIndex();
  index.addAll([
    { id: 1, title: 'Submarine cables', body: 'Cables under the sea carry data.' },
    { id: 2, title: 'Wuzhen summit', body: 'The World Internet Conference met in Wuzhen.' },
  ]);
  return index;
}

function snapshot(index = sampleIndex()) {
  return snapshotOf(searchSnapshot, index, { revision: 7, documentCount: index.documentCount, damaged: [] }, 1000);
}

describe('searchSnapshot', () => {
  it('restores an index that answers exactly like the original', () => {
    const { json, stamp } = snapshot();

    const restored = searchSnapshot.restore(json, stamp);

    const plan = planQuery('wuzhen');
    expect(restored?.search('wuzhen', plan.options).map((r) => r.id)).toEqual([2]);
  });

  it('refuses an index that claims its articles but lists none', () => {
    const { json, stamp } = snapshot();
    const plain = JSON.parse(json);
    const emptied = JSON.stringify({ ...plain, documentIds: {}, fieldLength: {}, storedFields: {}, index: [] });

    expect(searchSnapshot.restore(emptied, stamp)).toBeNull();
  });

  it('refuses an index listing other articles than its stamp names', () => {
    const { json, stamp } = snapshot();
    const plain = JSON.parse(json);
    const moved = JSON.stringify({ ...plain, documentIds: { 0: 1, 1: 3 } });

    expect(searchSnapshot.restore(moved, stamp)).toBeNull();
  });

  it('reports unreadable snapshot data instead of throwing', () => {
    const { json, stamp } = snapshot();

    expect(searchSnapshot.restore(json.slice(0, json.length / 2), stamp)).toBeNull();
    expect(searchSnapshot.restore('{"documentCount":2}', stamp)).toBeNull();
    expect(searchSnapshot.restore('null', stamp)).toBeNull();
  });
});

describe('idsChecksum', () => {
  it('does not depend on order but on every id', () => {
    expect(idsChecksum([1, 2, 3])).toBe(idsChecksum([3, 1, 2]));
    expect(idsChecksum([1, 2, 3])).not.toBe(idsChecksum([1, 2, 4]));
    expect(idsChecksum([])).not.toBe(idsChecksum([1]));
  });
});

describe('planQuery', () => {
  it('completes only the word being typed', () => {
    const index = sampleIndex();

    expect(index.search('wuzh', planQuery('wuzh').options).map((r) => r.id)).toEqual([2]);
    expect(index.search('wuzh ', planQuery('wuzh ').options)).toEqual([]);
  });

  it('tolerates one typo in a word of five letters or more, not two', () => {
    const index = sampleIndex();

    expect(index.search('wuzhem', planQuery('wuzhem ').options).map((r) => r.id)).toEqual([2]);
    expect(index.search('wazhem', planQuery('wazhem ').options)).toEqual([]);
  });

  it('completes a word from its third letter, not before', () => {
    const index = sampleIndex();

    expect(index.search('wuz', planQuery('wuz').options).map((r) => r.id)).toEqual([2]);
    expect(index.search('wu', planQuery('wu').options)).toEqual([]);
  });

  it('does not guess at typos in short words', () => {
    const index = sampleIndex();

    expect(index.search('sew', planQuery('sew ').options)).toEqual([]);
    expect(index.search('cata', planQuery('cata ').options)).toEqual([]);
  });

  it('has no terms for a query made only of stop words', () => {
    expect(planQuery('the of and').terms).toEqual([]);
  });
});
