import { Listbox } from './Listbox.tsx';
import { ResultItem, type ResultItemData } from './ResultItem.tsx';

export { optionId } from './Listbox.tsx';

export interface ResultListProps {
  id: string;
  /** What the list is, for screen readers ("Search results"). */
  label: string;
  items: readonly ResultItemData[];
  activeIndex: number;
  locale: string;
  /** The list is waiting for newer results than it shows. */
  busy?: boolean;
  onOpen(index: number): void;
  onPoint(index: number): void;
}

/** Search results or recent articles, driven by the search box. */
export function ResultList({ locale, ...props }: ResultListProps) {
  return (
    <Listbox {...props} className="result-list" testId="result-list" optionTestId="result-item">
      {(item) => <ResultItem item={item} locale={locale} />}
    </Listbox>
  );
}
