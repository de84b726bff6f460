import * as v from 'valibot';
import type { CairnDb } from './db/cairn-db.ts';
import { loadOrRebuild, type SnapshotKind } from './db/load-or-rebuild.ts';
import { idsChecksum } from './db/stored-snapshot.ts';
import { buildVocabularyInSlices } from './linking/build-vocabulary.ts';
import { compileMatcher, type CompiledMatcher } from '../shared/linking/compile-matcher.ts';
import type { Vocabulary } from '../shared/linking/types.ts';

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

/**
 * Keeps the linking vocabulary and its compiled matcher in step with the collection. Mining runs
 * over every article, so its result is saved beside the search index with the same kind of stamp
 * and the same load-or-rebuild, and reused across service-worker restarts while it matches.
 */
export function createLinkingEngine({ db, now = Date.now }: { db: CairnDb; now?: () => number }): LinkingEngine {
  let loading: Promise<LinkingState> | null = null;
  // A build of a large collection takes seconds; a change during it starts the next build only
  // once it has finished, so imports never pile up several builds in memory at once.
  let previous: Promise<unknown> = Promise.resolve();
  return {
    load() {
      if (!loading) {
        const attempt = previous.catch(() => undefined).then(() => loadOrRebuild(db, linkingSnapshot, now));
        previous = attempt;
        loading = attempt.then(
          ({ value: { vocabulary, matcher }, revision }) => ({ vocabulary, matcher, revision, version: versionOf(revision) }),
          (error: unknown) => {
            if (loading === guarded) loading = null;
            throw error;
          },
        );
        const guarded = loading;
      }
      return loading;
    },
    invalidate() {
      loading = null;
    },
  };
}

/** What is saved: the vocabulary, its matcher, and the ids of the articles it was mined from. */
interface SavedLinking {
  vocabulary: Vocabulary;
  matcher: CompiledMatcher;
  articleIds: number[];
}

// The vocabulary can hold hundreds of thousands of phrases: its long arrays are checked by plain
// loops inside the schema (valibot's per-element objects made the check cost as much as JSON.parse).
const KINDS = new Set(['title', 'entity', 'ngram']);

function isPhrase(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { key, label, kind, score, links } = value as Record<string, unknown>;
  return (
    typeof key === 'string' && key !== '' && typeof label === 'string' && label !== '' && KINDS.has(kind as string) &&
    typeof score === 'number' && Array.isArray(links) && links.length > 0 && links.every(isLink)
  );
}

function isLink(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { articleId, weight } = value as Record<string, unknown>;
  return Number.isInteger(articleId) && (articleId as number) >= 1 && typeof weight === 'number';
}

/** An array of integers no smaller than `min`. */
const integers = (min: number) =>
  v.custom<number[]>((value) => Array.isArray(value) && value.every((x) => Number.isInteger(x) && x >= min), `expected integers from ${min}`);

const savedLinkingSchema = v.object({
  vocabulary: v.object({
    phrases: v.custom<Vocabulary['phrases']>((value) => Array.isArray(value) && value.every(isPhrase), 'a phrase is malformed'),
  }),
  matcher: v.object({
    format: v.literal(2),
    terms: v.custom<string[]>((value) => Array.isArray(value) && value.every((term) => typeof term === 'string'), 'expected strings'),
    termSlots: integers(0),
    rootCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
    firstChild: integers(0),
    edgeTerms: integers(0),
    phraseAt: integers(-1),
  }),
  articleIds: integers(1),
});

/**
 * Checks that go beyond shape: a collection with articles has phrases (an empty list would turn
 * linking off without a word), the matcher indexes that list and its own terms, and every phrase
 * links to an article the vocabulary was mined from.
 */
function holdsTogether({ vocabulary: { phrases }, matcher, articleIds }: SavedLinking): boolean {
  if (articleIds.length > 0 && phrases.length === 0) return false;
  const nodes = matcher.phraseAt.length;
  if (matcher.firstChild.length !== nodes + 1 || matcher.rootCount > matcher.terms.length) return false;
  if (matcher.phraseAt.some((p) => p >= phrases.length) || matcher.edgeTerms.some((t) => t >= matcher.terms.length)) return false;
  if (matcher.termSlots.some((slot) => slot > matcher.terms.length)) return false;
  const known = new Set(articleIds);
  return phrases.every((phrase) => phrase.links.every((link) => known.has(link.articleId)));
}

const linkingSnapshot: SnapshotKind<SavedLinking> = {
  key: 'linking',
  options: `linking-v${LINKING_FORMAT_VERSION}`,
  restore(json, stamp) {
    try {
      const parsed = v.safeParse(savedLinkingSchema, JSON.parse(json));
      if (!parsed.success) return null;
      const saved = parsed.output as SavedLinking;
      if (saved.articleIds.length !== stamp.documentCount || idsChecksum(saved.articleIds) !== stamp.ids) return null;
      if (!holdsTogether(saved)) return null;
      return saved;
    } catch {
      return null;
    }
  },
  async build(articles) {
    const vocabulary = await buildVocabularyInSlices(articles.map(({ id, title, body }) => ({ id, title, body })));
    const matcher = compileMatcher(vocabulary.phrases.map((phrase) => phrase.key));
    return { vocabulary, matcher, articleIds: articles.map((a) => a.id) };
  },
  save(saved) {
    return { json: JSON.stringify(saved), ids: saved.articleIds };
  },
};

function versionOf(revision: number): string {
  return `${LINKING_FORMAT_VERSION}.${revision}`;
}
