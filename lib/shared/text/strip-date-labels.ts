/** Labels that introduce a date in a page header ("Published:", "Last updated on", "发布时间："). */
const LABELS = new Set([
  'date', 'dated', 'time', 'published', 'posted', 'updated', 'modified', 'released', 'issued',
  'created', 'last', 'first', 'on', 'at', 'publication', 'pub', '日期', '时间', '发布时间', '发布日期',
  '发布', '更新',
]);
const WEEKDAY = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?$/i;
const SEPARATORS = /^[|·•—–\-/,:：;()[\]（）]+$/u;
const EDGE_PUNCTUATION = /^[|·•—–\-/,:：;()[\]（）]+|[|·•—–\-/,:：;()[\]（）]+$/gu;

/**
 * What is left of a header line once its date is cut out and the labels and separators around the
 * date are stripped from both ends: "Published: | The Harbour Gazette" → "The Harbour Gazette",
 * "date" → "". Words in the middle are kept, so a name that contains "on" is not broken.
 */
export function stripDateLabels(text: string): string {
  const words = text.split(/\s+/).filter(Boolean);
  const isLabel = (word: string) => {
    const bare = word.replace(EDGE_PUNCTUATION, '');
    return bare === '' || SEPARATORS.test(word) || LABELS.has(bare.toLowerCase()) || WEEKDAY.test(bare);
  };
  while (words.length > 0 && isLabel(words[0] ?? '')) words.shift();
  while (words.length > 0 && isLabel(words.at(-1) ?? '')) words.pop();
  return words.join(' ').replace(EDGE_PUNCTUATION, '').trim();
}
