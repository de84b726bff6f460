import type { ArticleOrigin } from '../../lib/protocol.ts';

/** The short label of an article's origin in the list, and the filter's names for them. */
export const ORIGIN_LABELS: Record<ArticleOrigin, string> = {
  seed: 'Default',
  file: 'File',
  page: 'Web page',
  paste: 'Pasted',
};

export const ORIGINS = Object.keys(ORIGIN_LABELS) as ArticleOrigin[];
