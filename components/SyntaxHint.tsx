/** The search syntax, as one line of examples under "no articles match". */
const EXAMPLES = ['"exact phrase"', '-exclude', 'source:', 'tag:', 'before:2024', 'after:2023-06'];

export function SyntaxHint() {
  return (
    <span className="syntax-hint" data-testid="syntax-hint">
      <span className="visually-hidden">Search syntax: </span>
      {EXAMPLES.map((example) => (
        <code key={example}>{example}</code>
      ))}
    </span>
  );
}
