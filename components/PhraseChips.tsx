export interface PhraseChipsProps {
  /** The phrases, as labels ("World Internet Conference"). */
  phrases: readonly string[];
  testId?: string;
}

/** The phrases that linked an article to a page, as small chips; read out as a list. */
export function PhraseChips({ phrases, testId }: PhraseChipsProps) {
  if (phrases.length === 0) return null;
  return (
    <span className="phrase-chips" data-testid={testId}>
      <span className="visually-hidden">Linked by: </span>
      {phrases.map((phrase, i) => (
        <span key={phrase} className="phrase-chip">
          {phrase}
          {i < phrases.length - 1 && <span className="visually-hidden">, </span>}
        </span>
      ))}
    </span>
  );
}
