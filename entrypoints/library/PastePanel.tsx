import { useId, useState, type FormEvent } from 'react';
import { parsePastedText } from '../../lib/shared/import/parse-pasted-text.ts';
import { request } from '../../lib/platform/messaging.ts';
import { describeError } from '../../lib/shared/text/describe-error.ts';

type PasteOutcome =
  | { kind: 'added'; id: number; title: string; notes: string[] }
  | { kind: 'duplicate'; id: number | undefined }
  | { kind: 'failed'; reason: string };

/**
 * Paste text, give it a title if you like, and add it as one article. The text stays in the box
 * until it is safely stored, so a failure loses nothing.
 */
export function PastePanel({ onAdded }: { onAdded(): void }) {
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<PasteOutcome | null>(null);
  const id = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = parsePastedText(text, title.trim() || undefined);
    if (parsed.kind === 'failed') {
      setOutcome({ kind: 'failed', reason: parsed.reason });
      return;
    }
    setBusy(true);
    try {
      const result = await request('importArticles', { batchId: crypto.randomUUID(), origin: 'paste', articles: [parsed.article] });
      const added = result.added[0];
      if (added !== undefined) {
        setOutcome({ kind: 'added', id: added, title: parsed.article.title, notes: parsed.notes });
        setTitle('');
        setText('');
      } else {
        setOutcome({ kind: 'duplicate', id: result.duplicateOf[0] });
      }
      onAdded();
    } catch (error) {
      setOutcome({ kind: 'failed', reason: describeError(error, 'Cairn could not add this text.') });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Paste text</h2>
      <form className="paste-form" onSubmit={submit}>
        <label htmlFor={`${id}-title`}>
          Title <span className="optional">(optional)</span>
        </label>
        <input id={`${id}-title`} data-testid="paste-title" value={title} onChange={(e) => setTitle(e.target.value)} />
        <label htmlFor={`${id}-text`}>Text</label>
        <textarea id={`${id}-text`} data-testid="paste-text" rows={6} value={text} onChange={(e) => setText(e.target.value)} />
        <div className="button-row">
          <button type="submit" className="button button-primary" data-testid="paste-submit" disabled={busy || text.trim() === ''}>
            {busy ? 'Adding…' : 'Add to collection'}
          </button>
        </div>
      </form>
      <div role="status" data-testid="paste-result" data-outcome={outcome?.kind} className={outcome?.kind === 'failed' ? 'paste-result is-failed' : 'paste-result'}>
        {outcome && <PasteMessage outcome={outcome} />}
      </div>
    </section>
  );
}

function PasteMessage({ outcome }: { outcome: PasteOutcome }) {
  switch (outcome.kind) {
    case 'added':
      return (
        <>
          Added “
          <a href={`reader.html?id=${outcome.id}`} target="_blank" rel="noopener">
            {outcome.title}
          </a>
          ” to your collection.{outcome.notes.length > 0 && ` ${outcome.notes.join(' ')}`}
        </>
      );
    case 'duplicate':
      return outcome.id === undefined ? (
        <>This text is already in your collection.</>
      ) : (
        <>
          This text is already in your collection:{' '}
          <a href={`reader.html?id=${outcome.id}`} target="_blank" rel="noopener">
            open it
          </a>
          .
        </>
      );
    case 'failed':
      return <>{outcome.reason}</>;
  }
}
