import type { Article, BackupArticle } from '../../protocol.ts';

/** An article as a backup or an undo carries it: everything but the hash, which is worked out again. */
export function backupOf({ contentHash: _hash, ...article }: Article): BackupArticle {
  return article;
}
