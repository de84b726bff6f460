import { useId, useState, type FormEvent } from 'react';
import type { ReadOptions } from '../../lib/shared/import/types.ts';

export interface CsvColumnChooserProps {
  headers: readonly string[];
  disabled: boolean;
  onChoose(columns: NonNullable<ReadOptions['csvColumns']>): void;
}

const NO_TITLE = '';

/** A first guess at the columns: the usual names, else no title and the first column as text. */
function guess(headers: readonly string[]): { title: string; body: string } {
  const find = (pattern: RegExp) => headers.find((h) => pattern.test(h));
  const body = find(/^(text|body|content|article|full.?text)$/i) ?? find(/text|body|content/i) ?? headers[0] ?? '';
  const title = find(/^(title|headline|name|subject)$/i) ?? NO_TITLE;
  return { title: title === body ? NO_TITLE : title, body };
}

/** For a CSV Cairn could not make sense of alone: which column holds the text, and which the title. */
export function CsvColumnChooser({ headers, disabled, onChoose }: CsvColumnChooserProps) {
  const [choice, setChoice] = useState(() => guess(headers));
  const id = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!choice.body) return;
    onChoose(choice.title === NO_TITLE ? { body: choice.body } : { title: choice.title, body: choice.body });
  }

  return (
    <form className="csv-chooser" data-testid="csv-chooser" onSubmit={submit}>
      <label htmlFor={`${id}-body`}>Text column</label>
      <select id={`${id}-body`} value={choice.body} required data-testid="csv-body-column" onChange={(e) => setChoice({ ...choice, body: e.target.value })}>
        {headers.map((h) => (
          <option key={h} value={h}>
            {h}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-title`}>Title column</label>
      <select id={`${id}-title`} value={choice.title} data-testid="csv-title-column" onChange={(e) => setChoice({ ...choice, title: e.target.value })}>
        <option value={NO_TITLE}>None (from the text)</option>
        {headers.map((h) => (
          <option key={h} value={h}>
            {h}
          </option>
        ))}
      </select>
      <button type="submit" className="button" data-testid="csv-import" disabled={disabled || !choice.body}>
        Import with these columns
      </button>
    </form>
  );
}
