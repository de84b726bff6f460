import { lineShape } from './line-shape.ts';
import { FILLER_WORDS, UI_WORDS } from './vocabulary.ts';

/**
 * The kinds of page furniture a scraped line can be:
 * - `navigation`: a button, link or widget label ("Read More", "Scroll to Top", "Share");
 * - `reading-time`: a reading-time widget ("6 Minute", "5 min read");
 * - `cross-reference`: a link to another article set in the text ("(Also Read: …)");
 * - `notice`: a copyright, reprint, disclaimer or credit line ("© 2024 …", "Editor: …");
 * - `tag-list`: the page's tags or keywords ("Tags: energy, rail").
 */
export type BoilerplateKind = 'navigation' | 'reading-time' | 'cross-reference' | 'notice' | 'tag-list';

/** What kind of boilerplate a (trimmed) line is, or undefined when it may be article text. */
export function classifyBoilerplate(line: string): BoilerplateKind | undefined {
  const { words } = lineShape(line);
  if (words <= 8 && READING_TIME.some((pattern) => pattern.test(line))) return 'reading-time';
  if (isCrossReference(line, words)) return 'cross-reference';
  if (NOTICES.some(([pattern, maxWords]) => words <= maxWords && pattern.test(line))) return 'notice';
  if (words <= 40 && TAG_LIST.test(line)) return 'tag-list';
  if (isNavigation(line, words)) return 'navigation';
  return undefined;
}

const READING_TIME = [
  /^(?:estimated\s+)?(?:reading|read)\s+time\b/i,
  /^reading\s+this\s+(?:article|story|post|piece)\s+(?:requires|takes)\b/i,
  /^(?:about\s+|approx\.?\s+|~\s*)?\d+(?:\s*[-–]\s*\d+)?[\s-]*(?:mins?|minutes?)\.?(?:\s+(?:read|reading|to read|listen))?$/i,
  /^(?:read|reading|listen)\s+in\s+\d+\s*(?:mins?|minutes?)$/i,
  /^阅读(?:本文|全文)?(?:需要|大约|约)/,
];

/** A whole line in brackets that starts with a short label and a colon: "(Also Read: …)". */
const BRACKETED_REFERENCE = /^[([（【]\s*[^()[\]（）【】:：]{1,30}?\s*[:：]\s*\S.*[)\]）】]$/u;
/** The same without brackets, when the label is a link phrase: "Read more: …". */
const LABELLED_REFERENCE =
  /^(?:also\s+read|read\s+also|read\s+more|more\s+reading|see\s+also|related(?:\s+(?:story|article|post|coverage|reading))?|recommended|watch|listen|read)\s*[:：]\s*\S/i;

function isCrossReference(line: string, words: number): boolean {
  if (BRACKETED_REFERENCE.test(line)) {
    const label = line.slice(1, line.search(/[:：]/));
    return label.trim().split(/\s+/).length <= 4;
  }
  return words <= 30 && LABELLED_REFERENCE.test(line);
}

/** Each notice with the most words a line may have and still be one (a longer line is text). */
const NOTICES: [RegExp, number][] = [
  [/©|\(c\)\s*\d{4}/i, 40],
  [/^copyright\b\s*(?:©|\(c\)|\d{4}|by\b|notice\b|[:：])/i, 40],
  [/\ball rights reserved\b/i, 40],
  // Reprint notices forbid; a sentence reporting that something was copied does not.
  [/\b(?:reprint|reproduc|republish|redistribut|copy|copie)\w*[^.]{0,40}?\bwithout\b[^.]{0,30}?\b(?:permission|authori[sz]ation|consent)\b[^.]{0,15}?\b(?:is|are)\s+(?:not\s+(?:allowed|permitted)|prohibited|forbidden|strictly)/i, 60],
  [/\b(?:may|must|shall|can)(?:\s*not|n['’]t)\s+be\s+(?:reprinted|reproduced|republished|redistributed|copied)\b/i, 60],
  [/未经.{0,10}(?:许可|授权|同意).{0,4}不得(?:转载|复制)/u, 60],
  [/^(?:the\s+)?(?:views?|opinions?)\b.{0,160}?\b(?:do|does|did)(?:\s+not|n['’]t)\s+necessarily\s+(?:reflect|represent)\b/i, 60],
  [/^disclaimer\b/i, 80],
  [/^(?:source|editor|editors|edited\s+by|editing\s+by|responsible\s+editor|editor\s+in\s+charge|translated\s+by|translator)\s*[:：]/i, 25],
  [/^[([（]?\s*(?:additional\s+)?(?:reporting|writing|editing)\s+by\b/i, 40],
  [/^this\s+(?:article|story|piece)\s+(?:was\s+)?(?:originally|first)\s+(?:published|appeared)\b/i, 30],
  [/^[([（]?\s*(?:责任编辑|编辑|来源|原标题)\s*[:：]/, 40],
];

const TAG_LIST = /^(?:tags?|keywords?|topics?|categories|category|filed\s+under)\s*[:：]/i;

/** Arrows and ellipses that decorate a link ("Read more »") without making it a sentence. */
const LINK_DECORATION = /^[\s«‹←<]+|[\s»›→>…]+$|\.{3}$/gu;
const MAX_NAVIGATION_WORDS = 6;
const CJK_NAVIGATION = /^(?:返回顶部|阅读全文|阅读原文|分享到?|点击查看|打印本页|收藏|评论|上一篇|下一篇)/;

function isNavigation(line: string, words: number): boolean {
  if (words > MAX_NAVIGATION_WORDS) return false;
  if (CJK_NAVIGATION.test(line)) return true;
  const label = line.replace(LINK_DECORATION, '');
  if (lineShape(label).endsSentence) return false;
  const tokens = label.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'’/-]*/gu) ?? [];
  const isFiller = (token: string) => FILLER_WORDS.has(token) || /^\d+$/.test(token);
  return tokens.some((token) => UI_WORDS.has(token)) &&
    tokens.every((token) => UI_WORDS.has(token) || isFiller(token));
}
