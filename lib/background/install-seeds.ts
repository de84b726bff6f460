import type { CairnDb } from './db/cairn-db.ts';
import type { ParsedArticle } from '../protocol.ts';
import { prepareArticles, storeArticles, type NewArticle, type StoreResult } from './store-articles.ts';

/** A default article as shipped in `seeds/`. */
export interface SeedFile {
  fileName: string;
  text: string;
}

const FLAG = 'seedsInstalled';

/**
 * Puts the default collection in place the first time Cairn runs, and never again: a user who
 * deleted a seed does not see it come back on the next update or browser start. The flag and the
 * articles are written in one transaction, so a worker stopped half-way leaves neither.
 * Returns null when the seeds were installed before.
 */
export async function installSeedsOnce(
  db: CairnDb,
  seeds: SeedFile[],
  parse: (text: string) => ParsedArticle,
  now: number,
): Promise<StoreResult | null> {
  if (await db.meta.get(FLAG)) return null;
  const prepared = await prepareArticles(parseSeeds(seeds, parse), now);
  return db.transaction('rw', db.articles, db.listing, db.meta, async () => {
    if (await db.meta.get(FLAG)) return null;
    const result = await storeArticles(db, prepared);
    await db.meta.put({ key: FLAG, value: now });
    return result;
  });
}

/** The default articles, ready to store; a broken seed is logged and left out, never fatal. */
export function parseSeeds(seeds: SeedFile[], parse: (text: string) => ParsedArticle): NewArticle[] {
  return seeds.flatMap((seed) => {
    try {
      return [{ ...parse(seed.text), origin: 'seed' as const, fileName: seed.fileName }];
    } catch (error) {
      console.error(`install-seeds: ${seed.fileName} could not be read:`, error);
      return [];
    }
  });
}
