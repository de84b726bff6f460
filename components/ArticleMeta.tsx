import type { Article, ArticleOrigin } from '../lib/protocol.ts';
import { formatDate } from '../lib/shared/text/format-date.ts';

export interface ArticleMetaProps {
  /** The fields to show; whatever is missing is left out. */
  article: Partial<Pick<Article, 'source' | 'author' | 'publishedAt' | 'origin' | 'url' | 'fileName'>>;
  /** BCP 47 tag the date is written for. */
  locale: string;
  className?: string;
  testId?: string;
}

/** "Source · Author · 3 Apr 2024 · Default collection · example.com", skipping what is unknown. */
export function ArticleMeta({ article, locale, className, testId }: ArticleMetaProps) {
  const date = formatDate(article.publishedAt, locale);
  const link = webLink(article.url);
  const parts = [
    article.source && <span key="source">{article.source}</span>,
    article.author && <span key="author">{article.author}</span>,
    date && (
      <time key="date" dateTime={article.publishedAt}>
        {date}
      </time>
    ),
    article.origin && <span key="origin">{originLabel(article.origin, article.fileName)}</span>,
    link && (
      <a key="url" href={link.href} title={link.href} target="_blank" rel="noreferrer noopener">
        {link.host}
      </a>
    ),
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return (
    <p className={className} data-testid={testId}>
      {parts.flatMap((part, i) => (i === 0 ? [part] : [<span key={`sep${i}`} aria-hidden="true">{' · '}</span>, part]))}
    </p>
  );
}

function originLabel(origin: ArticleOrigin, fileName: string | undefined): string {
  switch (origin) {
    case 'seed':
      return 'Default collection';
    case 'file':
      return fileName ? `Imported from ${fileName}` : 'Imported file';
    case 'page':
      return 'Saved from the web';
    case 'paste':
      return 'Pasted text';
  }
}

/** The URL as a link target, only when it is a web address: never `javascript:` or `data:`. */
function webLink(url: string | undefined): { href: string; host: string } | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    return { href: parsed.href, host: parsed.host.replace(/^www\./, '') };
  } catch {
    return null;
  }
}
