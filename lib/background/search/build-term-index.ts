import type { CairnDb } from '../db/cairn-db.ts';
import type { CollectionRead } from '../db/read-articles.ts';
import { blockOf, type TermBucketRow } from '../db/stored-term-index.ts';
import type { Article } from '../../protocol.ts';
import { bucketOf, encodeBucket, type BucketTerms } from './bucket-rows.ts';
import { articlesIn } from './field-postings.ts';
import { lengthsRow, type FieldLengths } from './field-lengths.ts';
import { indexBatch } from './index-batch.ts';
import { withDelta } from './term-dictionary.ts';
import { toIndexed } from './snapshot.ts';
import { createMemory, dictionaryRow, FIELD_COUNT, stampOf, type TermIndexMemory } from './term-index-memory.ts';

/**
 * Builds the stored index from the valid articles, one block of ids at a time (one small
 * MiniSearch each, so memory stays bounded), and stamps it last: a worker stopped half way
 * leaves no stamp, and the next wake builds again.
 */
export async function buildTermIndex(db: CairnDb, { articles, damaged, revision }: CollectionRead): Promise<TermIndexMemory> {
  await db.transaction('rw', [db.termBuckets, db.fieldLengths, db.termIndex], () =>
    Promise.all([db.termIndex.clear(), db.termBuckets.clear(), db.fieldLengths.clear()]),
  );
  const counts = new Map<string, number>();
  const lengths: FieldLengths = new Map();
  for (const [block, documents] of byBlock(articles)) {
    const batch = indexBatch(documents.map(toIndexed));
    const buckets = new Map<string, BucketTerms>();
    for (const [term, postings] of batch.terms) {
      const bucket = bucketOf(term);
      let terms = buckets.get(bucket);
      if (!terms) buckets.set(bucket, (terms = new Map()));
      terms.set(term, postings);
      counts.set(term, (counts.get(term) ?? 0) + articlesIn(postings));
    }
    const rows = [...buckets].flatMap(([bucket, terms]) => encodeBucket(bucket, block, terms) ?? []) satisfies TermBucketRow[];
    for (const [id, fields] of batch.lengths) lengths.set(id, fields);
    await db.transaction('rw', [db.termBuckets, db.fieldLengths], async () => {
      await db.termBuckets.bulkPut(rows);
      await db.fieldLengths.put(lengthsRow(block, batch.lengths, FIELD_COUNT));
    });
  }
  const dictionary = withDelta({ terms: [], counts: [] }, counts);
  await db.transaction('rw', [db.termIndex, db.snapshots], async () => {
    await db.termIndex.bulkPut([dictionaryRow(dictionary), stampOf(lengths.keys(), lengths.size, revision, damaged)]);
    // The whole-index snapshot of the design before issue 10: never read again.
    await db.snapshots.delete('search');
  });
  return createMemory(dictionary, lengths, revision, damaged);
}

function byBlock(articles: readonly Article[]): Map<number, Article[]> {
  const blocks = new Map<number, Article[]>();
  for (const article of articles) {
    const block = blockOf(article.id);
    let list = blocks.get(block);
    if (!list) blocks.set(block, (list = []));
    list.push(article);
  }
  return blocks;
}
