export interface PhraseChipsProps {
  /** The phrases, as labels ("World Internet Conference"), strongest first. */
  phrases: readonly string[];
  /** Most chips shown; the rest are counted ("+2 more"). Default 4. */
  max?: number;
  testId?: string;
}

/** The phrases that linked an article to a page, as small chips; read out as a list. */
export function PhraseChips({ phrases, max = 4, testId }: PhraseChipsProps) {
  if (phrases.length === 0) return null;
  const shown = phrases.slice(0, max);
  const more = phrases.length - shown.length;
  return (
    <span className="phrase-chips" data-testid={testId} title={more > 0 ? phrases.join(', ') : undefined}>
      <span className="visually-hidden">Linked by: </span>
      {shown.map((phrase, i) => (
        <span key={phrase} className="phrase-chip">
          {phrase}
          {i < shown.length - 1 && <span className="visually-hidden">, </span>}
        </span>
      ))}
      {more > 0 && <span className="phrase-chip phrase-chip-more">+{more} more</span>}
    </span>
  );
}
