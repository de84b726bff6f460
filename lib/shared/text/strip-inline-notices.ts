import { classifyBoilerplate } from './classify-boilerplate.ts';
import { lineShape } from './line-shape.ts';

/** A bracketed passage at the end of a paragraph, perhaps followed by a few words of credit. */
const TRAILING_BRACKETS = /\s*[(（](?<inside>[^()（）]{10,})[)）](?<after>[^()（）]*)$/u;
/** Most words a credit after a notice may have ("Column editor/Zhou Yingwen"). */
const MAX_CREDIT_WORDS = 8;
/** "Keywords: a, b, c." appended after the last sentence by a publishing system. */
const TRAILING_KEYWORDS = /(?<end>^|[.!?。！？]["'”’)]*\s+)(?:keywords?|tags?|topics?)\s*[:：]\s*(?<list>[^.!?。！？]+)[.。]?$/iu;
const MAX_KEYWORD_WORDS = 6;

/**
 * Removes notices that a site appended to the last paragraph instead of giving them a line of
 * their own: a bracketed reprint or copyright notice and the short credit after it ("(Reproduction
 * without permission is not allowed.) Column editor/Zhou"), and a trailing keyword list. Gives ""
 * when nothing else was left.
 */
export function stripInlineNotices(paragraph: string): string {
  let text = paragraph;
  const brackets = TRAILING_BRACKETS.exec(text);
  if (brackets?.groups !== undefined) {
    const { inside = '', after = '' } = brackets.groups;
    const credit = lineShape(after);
    if (classifyBoilerplate(inside.trim()) === 'notice' && credit.words <= MAX_CREDIT_WORDS && !credit.endsSentence) {
      text = text.slice(0, brackets.index).trimEnd();
    }
  }
  const keywords = TRAILING_KEYWORDS.exec(text);
  if (keywords?.groups !== undefined) {
    const items = (keywords.groups.list ?? '').split(/[,，、;；]/);
    if (items.every((item) => lineShape(item).words <= MAX_KEYWORD_WORDS)) {
      text = text.slice(0, keywords.index + (keywords.groups.end ?? '').length).trimEnd();
    }
  }
  return text;
}
