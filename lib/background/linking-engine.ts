import type { CairnDb } from './db/cairn-db.ts';
import { readRevision } from './db/revision.ts';
import { buildVocabularyInSlices } from './linking/build-vocabulary.ts';
import { compileMatcher, type CompiledMatcher } from '../shared/linking/compile-matcher.ts';
import type { Vocabulary } from '../shared/linking/types.ts';
import type { StoredSnapshot } from './search/snapshot.ts';

/** Bump when vocabulary mining or the matcher format changes: saved vocabularies are rebuilt. */
export const LINKING_FORMAT_VERSION = 2;

export interface LinkingState {
  /** Identifies this vocabulary; content scripts send it back with their reports. */
  version: string;
  vocabulary: Vocabulary;
  matcher: CompiledMatcher;
  revision: number;
}

export interface LinkingEngine {
  /** The vocabulary for the collection as it is now: from the saved copy, or mined afresh. */
  load(): Promise<LinkingState>;
  /** The collection changed: mine the vocabulary again on next use. */
  invalidate(): void;
}

interface SavedLinking {
  vocabulary: Vocabulary;
  matcher: CompiledMatcher;
}

/**
 * Keeps the linking vocabulary and its compiled matcher in step with the collection. Mining runs
 * over every article, so its result is saved beside the search index with the same kind of stamp
 * (format, revision, article count) and reused across service-worker restarts while it matches.
 */
export function createLinkingEngine({ db, now = Date.now }: { db: CairnDb; now?: () => number }): LinkingEngine {
  let loading: Promise<LinkingState> | null = null;
  // A build of a large collection takes seconds; a change during it starts the next build only
  // once it has finished, so imports never pile up several builds in memory at once.
  let previous: Promise<unknown> = Promise.resolve();
  return {
    load() {
      if (!loading) {
        const attempt = previous.catch(() => undefined).then(() => loadOrBuild(db, now));
        previous = attempt;
        loading = attempt.catch((error: unknown) => {
          if (loading === guarded) loading = null;
          throw error;
        });
        const guarded = loading;
      }
      return loading;
    },
    invalidate() {
      loading = null;
    },
  };
}

const OPTIONS_ID = `linking-v${LINKING_FORMAT_VERSION}`;

async function loadOrBuild(db: CairnDb, now: () => number): Promise<LinkingState> {
  const [revision, documentCount, snapshot] = await db.transaction('r', db.meta, db.articles, db.snapshots, () =>
    Promise.all([readRevision(db), db.articles.count(), db.snapshots.get('linking')]),
  );
  const saved = readSaved(snapshot, revision, documentCount);
  if (saved) return { ...saved, revision, version: versionOf(revision) };

  const { articles, revision: builtAt } = await db.transaction('r', db.meta, db.articles, async () => ({
    articles: await db.articles.toArray(),
    revision: await readRevision(db),
  }));
  const vocabulary = await buildVocabularyInSlices(articles.map(({ id, title, body }) => ({ id, title, body })));
  const matcher = compileMatcher(vocabulary.phrases.map((phrase) => phrase.key));
  const record: StoredSnapshot = {
    key: 'linking',
    stamp: { options: OPTIONS_ID, revision: builtAt, documentCount: articles.length },
    json: JSON.stringify({ vocabulary, matcher } satisfies SavedLinking),
    savedAt: now(),
  };
  await db.snapshots.put(record);
  return { vocabulary, matcher, revision: builtAt, version: versionOf(builtAt) };
}

function readSaved(snapshot: StoredSnapshot | undefined, revision: number, documentCount: number): SavedLinking | null {
  const stamp = snapshot?.stamp;
  if (!snapshot || stamp?.options !== OPTIONS_ID || stamp.revision !== revision || stamp.documentCount !== documentCount) {
    return null;
  }
  try {
    const saved = JSON.parse(snapshot.json) as Partial<SavedLinking>;
    return Array.isArray(saved.vocabulary?.phrases) && saved.matcher ? (saved as SavedLinking) : null;
  } catch {
    return null;
  }
}

function versionOf(revision: number): string {
  return `${LINKING_FORMAT_VERSION}.${revision}`;
}
