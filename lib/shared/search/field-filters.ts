import { fold } from '../text/fold.ts';
import { tokenize } from '../text/tokenize.ts';
import { isOnOrAfter, isBefore, type DateBound } from './date-bound.ts';

/** The filters of a query (`source:`, `tag:`, `before:`, `after:`) on an article's own fields. */
export interface FieldFilters {
  /** The article's source holds one of these, as whole words (`hindu` is in "The Hindu"). */
  sources: string[];
  /** The article carries every one of these tags, ignoring case and accents. */
  tags: string[];
  /** Published before this year, month or day began; articles without a date are left out. */
  before: DateBound | null;
  /** Published in or after this year, month or day; articles without a date are left out. */
  after: DateBound | null;
}

export const NO_FIELD_FILTERS: Readonly<FieldFilters> = Object.freeze({ sources: [], tags: [], before: null, after: null });

/** The fields of an article the filters look at (a library row, or a stored article). */
export interface FilteredFields {
  source?: string;
  tags?: readonly string[];
  publishedAt?: string;
}

export function hasFieldFilters({ sources, tags, before, after }: FieldFilters): boolean {
  return sources.length > 0 || tags.length > 0 || before !== null || after !== null;
}

/** Whether an article passes every filter. */
export function matchesFieldFilters(article: FilteredFields, { sources, tags, before, after }: FieldFilters): boolean {
  if (sources.length > 0 && !sources.some((source) => containsWords(article.source ?? '', source))) return false;
  if (tags.length > 0) {
    const own = new Set((article.tags ?? []).map(fold));
    if (!tags.every((tag) => own.has(fold(tag)))) return false;
  }
  if (before !== null && !(article.publishedAt !== undefined && isBefore(article.publishedAt, before))) return false;
  if (after !== null && !(article.publishedAt !== undefined && isOnOrAfter(article.publishedAt, after))) return false;
  return true;
}

/** Whether the words of `part` occur in `text`, together and in order (case and accents ignored). */
function containsWords(text: string, part: string): boolean {
  const words = tokenize(part).map((token) => token.term);
  if (words.length === 0) return false;
  const own = tokenize(text).map((token) => token.term);
  return own.some((_, i) => words.every((word, j) => own[i + j] === word));
}
