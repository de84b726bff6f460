/**
 * Whether a paragraph of plain text reads as a section heading: short, without closing
 * punctuation, and in title case ("China’s Role in Global Infrastructure Development"). A short
 * sentence-case lede ("This project will help promote…") is not one. Used only for display.
 */
export function isHeading(paragraph: string): boolean {
  const text = paragraph.trim();
  if (text.length === 0 || text.length > MAX_LENGTH || /[.!?:;,"”’)]$/.test(text)) return false;
  const words = text.split(/\s+/);
  if (words.length > MAX_WORDS) return false;
  const significant = words.filter((word) => word.replace(/\P{L}/gu, '').length >= 4);
  if (significant.length === 0) return false;
  const capitalised = significant.filter((word) => /^\P{L}*\p{Lu}/u.test(word));
  return capitalised.length / significant.length >= 0.75;
}

const MAX_LENGTH = 100;
const MAX_WORDS = 12;
