/**
 * A search for text from outside the search box (a selection, the address bar): whitespace
 * collapsed, and cut at a word boundary to `maxLength` characters (the background's limit on
 * queries), so a long selection searches by its first words instead of failing. '' when there
 * is nothing but whitespace.
 */
export function queryOf(text: string, maxLength: number): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  if (oneLine.length <= maxLength) return oneLine;
  const cut = oneLine.slice(0, maxLength + 1);
  const space = cut.lastIndexOf(' ');
  return (space > 0 ? cut.slice(0, space) : cut.slice(0, maxLength)).trim();
}
