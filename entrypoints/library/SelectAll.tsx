import { useEffect, useRef } from 'react';

export interface SelectAllProps {
  shown: readonly number[];
  selected: ReadonlySet<number>;
  onToggle(): void;
}

/** A checkbox for every shown row at once: checked when all are, mixed when some are. */
export function SelectAll({ shown, selected, onToggle }: SelectAllProps) {
  const box = useRef<HTMLInputElement>(null);
  let count = 0;
  for (const id of shown) if (selected.has(id)) count += 1;
  const all = shown.length > 0 && count === shown.length;
  const some = count > 0 && !all;

  useEffect(() => {
    if (box.current) box.current.indeterminate = some;
  }, [some]);

  return (
    <label className="select-all">
      <input ref={box} type="checkbox" data-testid="select-all" checked={all} disabled={shown.length === 0} onChange={onToggle} />
      <span>Select all shown</span>
    </label>
  );
}
