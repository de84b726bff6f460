import { useId } from 'react';
import type { QuietReason, RelatedArticle, TabLinks } from '../lib/protocol.ts';
import { EmptyState } from './EmptyState.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';
import { QuietNotice } from './QuietNotice.tsx';
import { RelatedList } from './RelatedList.tsx';

export interface RelatedSectionProps {
  /** What the background knows about the tab; null while it is being asked. */
  links: TabLinks | null;
  /** Why Cairn is quiet on the tab (see `tabStatus`), which wins over the list. */
  quiet?: QuietReason;
  /**
   * The tab shows a browser or extension page, where no content script runs (see `pageKind`):
   * said instead of waiting for a report that never comes.
   */
  browserPage?: boolean;
  error: string | null;
  listId: string;
  activeIndex: number;
  locale: string;
  testId: string;
  onOpen(article: RelatedArticle): void;
  onPoint(index: number): void;
  /** Lets the list take the keyboard itself (see `RelatedList`). */
  onMove?(step: -1 | 1): void;
  onFocusChange?(focused: boolean): void;
  onTurnOn?(reason: QuietReason): void;
  busy?: boolean;
}

/** "Related to this page": the related articles of a tab, or why there are none. */
export function RelatedSection(props: RelatedSectionProps) {
  const { links, quiet, browserPage, error, listId, activeIndex, locale, testId, onOpen, onPoint, onMove, onFocusChange, onTurnOn, busy } = props;
  const headingId = useId();
  const related = links?.related ?? [];
  return (
    <section className="related-section" aria-labelledby={headingId} data-testid={testId}>
      <h2 id={headingId} className="related-heading">
        Related to this page
      </h2>
      {error && <ErrorAlert message={error} testId="related-error" />}
      {browserPage ? (
        <EmptyState
          testId="browser-page"
          message="Cairn doesn't run on browser pages."
          hint="Settings, extension and new-tab pages, the web store and local files are left alone. Open a web page to see what relates to it."
        />
      ) : quiet ? (
        <QuietNotice reason={quiet} site={links?.site} busy={busy} onTurnOn={onTurnOn && (() => onTurnOn(quiet))} />
      ) : links === null ? (
        !error && <p className="related-status">Looking for related articles…</p>
      ) : related.length === 0 ? (
        <EmptyState
          testId="related-empty"
          message={links.saved ? 'Nothing else in your collection relates to this page.' : 'Nothing in your collection relates to this page.'}
          hint={links.site ? undefined : 'Cairn links web pages once they have loaded.'}
        />
      ) : (
        <RelatedList
          id={listId}
          items={related}
          activeIndex={activeIndex}
          locale={locale}
          onOpen={(index) => onOpen(related[index]!)}
          onPoint={onPoint}
          onMove={onMove}
          onFocusChange={onFocusChange}
        />
      )}
      {!browserPage && !quiet && links?.readInPart && (
        <p className="related-status" data-testid="read-in-part">
          {links.partsRead ? 'Cairn read the parts of this long page you scrolled to.' : 'Cairn read the first part of this long page.'}
        </p>
      )}
    </section>
  );
}
