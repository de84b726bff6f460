import { formatNumber } from '../../lib/shared/text/format-number.ts';

export interface Counts {
  total: number;
  selected: number;
  /** Rows shown after search and filters; left out of the line when it equals `total`. */
  shown: number;
}

/** "1,234 articles · 3 selected · showing 12", saying only what adds something. */
export function countLine({ total, selected, shown }: Counts, locale: string): string {
  const parts = [`${formatNumber(total, locale)} ${total === 1 ? 'article' : 'articles'}`];
  if (selected > 0) parts.push(`${formatNumber(selected, locale)} selected`);
  if (shown !== total) parts.push(`showing ${formatNumber(shown, locale)}`);
  return parts.join(' · ');
}
