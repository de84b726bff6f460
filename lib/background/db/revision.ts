import type { CairnDb } from './cairn-db.ts';

const KEY = 'revision';

/** The collection revision: bumped in the same transaction as every change to `articles`. */
export async function readRevision(db: CairnDb): Promise<number> {
  const record = await db.meta.get(KEY);
  return typeof record?.value === 'number' ? record.value : 0;
}

/** Call inside a read-write transaction that includes `meta`. */
export async function bumpRevision(db: CairnDb): Promise<number> {
  const next = (await readRevision(db)) + 1;
  await db.meta.put({ key: KEY, value: next });
  return next;
}
