/** The keys of a shortcut, one `<kbd>` each, or "not set". */
export function ShortcutKeys({ keys }: { keys: string[] | null }) {
  if (!keys) return <span className="shortcut-unset">not set</span>;
  return (
    <span className="shortcut-keys">
      {keys.map((key, i) => (
        <span key={i}>
          {i > 0 && '+'}
          <kbd>{key}</kbd>
        </span>
      ))}
    </span>
  );
}
