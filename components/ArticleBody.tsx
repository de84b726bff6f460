import { useMemo } from 'react';
import { markQuery } from '../lib/shared/search/mark-query.ts';
import { isHeading } from '../lib/shared/text/is-heading.ts';
import { MarkedText } from './MarkedText.tsx';

export interface ArticleBodyProps {
  /** Plain text, paragraphs separated by blank lines. */
  body: string;
  /** The query's index terms (`markedTerms(q)`): words starting with one of them are marked. */
  terms?: readonly string[];
  testId?: string;
}

/** An article's text as paragraphs and section headings, with the words of a search marked. */
export function ArticleBody({ body, terms = [], testId }: ArticleBodyProps) {
  const paragraphs = useMemo(
    () =>
      body
        .split(/\n[^\S\n]*\n\s*/)
        .map((paragraph) => paragraph.trim())
        .filter(Boolean)
        .map((text, i) => ({ text, heading: i > 0 && isHeading(text), marks: markQuery(text, terms) })),
    [body, terms],
  );
  return (
    <div className="article-body" data-testid={testId}>
      {paragraphs.map(({ text, heading, marks }, i) =>
        heading ? (
          <h2 key={i}>
            <MarkedText text={text} ranges={marks} />
          </h2>
        ) : (
          <p key={i}>
            <MarkedText text={text} ranges={marks} />
          </p>
        ),
      )}
    </div>
  );
}
