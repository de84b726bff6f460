import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import type { ArticleChanges, ArticleListing } from '../../lib/protocol.ts';
import { describeError } from '../../lib/shared/text/describe-error.ts';
import { articleChanges, formOf, type ArticleForm } from './article-changes.ts';

export interface ArticleEditorProps {
  article: ArticleListing;
  /** Saves the changes; a rejection (the background's validation) is shown in the dialog. */
  onSave(id: number, changes: ArticleChanges): Promise<void>;
  onClose(): void;
}

const FIELDS: { name: keyof ArticleForm; label: string; hint?: string; testId?: string }[] = [
  { name: 'title', label: 'Title', testId: 'edit-title' },
  { name: 'source', label: 'Source' },
  { name: 'author', label: 'Author' },
  { name: 'publishedAt', label: 'Date', hint: 'As 2024-04-03, or 2024-04-03T15:30 with a time; empty for none.' },
  { name: 'tags', label: 'Tags', hint: 'Separated by commas.' },
];

/**
 * A modal dialog to change an article's title, source, author, date and tags. Escape or Cancel
 * closes it without saving; the focus goes back where it was.
 */
export function ArticleEditor({ article, onSave, onClose }: ArticleEditorProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [form, setForm] = useState<ArticleForm>(() => formOf(article));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const id = useId();

  useEffect(() => {
    const element = dialog.current;
    const before = document.activeElement as HTMLElement | null;
    if (element && !element.open) element.showModal();
    return () => {
      if (element?.open) element.close();
      before?.focus();
    };
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const changes = articleChanges(article, form);
    if (Object.keys(changes).length === 0) return onClose();
    setSaving(true);
    setError(null);
    try {
      await onSave(article.id, changes);
      onClose();
    } catch (failure) {
      setError(describeError(failure, 'Cairn could not save these changes.'));
      setSaving(false);
    }
  }

  return (
    <dialog
      ref={dialog}
      className="editor"
      aria-labelledby={`${id}-heading`}
      data-testid="article-editor"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form onSubmit={submit} noValidate>
        <h2 id={`${id}-heading`}>Edit article</h2>
        {FIELDS.map(({ name, label, hint, testId }) => (
          <div className="editor-field" key={name}>
            <label htmlFor={`${id}-${name}`}>{label}</label>
            <input
              id={`${id}-${name}`}
              value={form[name]}
              required={name === 'title'}
              aria-describedby={hint ? `${id}-${name}-hint` : undefined}
              data-testid={testId}
              onChange={(event) => setForm({ ...form, [name]: event.target.value })}
            />
            {hint && (
              <span id={`${id}-${name}-hint`} className="editor-hint">
                {hint}
              </span>
            )}
          </div>
        ))}
        {error && <ErrorAlert message={error} testId="edit-error" />}
        <div className="editor-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" data-testid="edit-save" disabled={saving}>
            {saving ? 'Saving…' : 'Save'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
