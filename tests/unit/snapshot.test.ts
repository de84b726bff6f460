import { describe, expect, it } from 'vitest';
import { createIndex, restoreSnapshot, takeSnapshot } from '../../lib/background/search/snapshot.ts';
import { planQuery } from '../../lib/shared/search/query-plan.ts';

function sampleIndex() {
  const index = createIndex();
  index.addAll([
    { id: 1, title: 'Submarine cables', body: 'Cables under the sea carry data.' },
    { id: 2, title: 'Wuzhen summit', body: 'The World Internet Conference met in Wuzhen.' },
  ]);
  return index;
}

describe('takeSnapshot / restoreSnapshot', () => {
  it('restores an index that answers exactly like the original', () => {
    const snapshot = takeSnapshot(sampleIndex(), 7, 1000);

    const restored = restoreSnapshot(snapshot, { revision: 7, documentCount: 2 });

    expect(restored.reason).toBe('restored');
    const plan = planQuery('wuzhen');
    expect(restored.index?.search('wuzhen', plan.options).map((r) => r.id)).toEqual([2]);
  });

  it('refuses a snapshot of another revision of the collection', () => {
    const snapshot = takeSnapshot(sampleIndex(), 7, 1000);

    expect(restoreSnapshot(snapshot, { revision: 8, documentCount: 2 })).toEqual({ index: null, reason: 'stale' });
  });

  it('refuses a snapshot whose article count differs from the collection', () => {
    const snapshot = takeSnapshot(sampleIndex(), 7, 1000);

    expect(restoreSnapshot(snapshot, { revision: 7, documentCount: 3 })).toEqual({ index: null, reason: 'stale' });
  });

  it('refuses a snapshot built with other index options', () => {
    const snapshot = takeSnapshot(sampleIndex(), 7, 1000);
    snapshot.stamp.options = 'v0:title';

    expect(restoreSnapshot(snapshot, { revision: 7, documentCount: 2 }).reason).toBe('stale');
  });

  it('reports unreadable snapshot data as corrupt instead of throwing', () => {
    const snapshot = takeSnapshot(sampleIndex(), 7, 1000);

    const truncated = { ...snapshot, json: snapshot.json.slice(0, snapshot.json.length / 2) };
    const wrongShape = { ...snapshot, json: '{"documentCount":2}' };

    expect(restoreSnapshot(truncated, { revision: 7, documentCount: 2 })).toEqual({ index: null, reason: 'corrupt' });
    expect(restoreSnapshot(wrongShape, { revision: 7, documentCount: 2 })).toEqual({ index: null, reason: 'corrupt' });
  });

  it('reports a missing snapshot', () => {
    expect(restoreSnapshot(undefined, { revision: 0, documentCount: 0 })).toEqual({ index: null, reason: 'missing' });
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
