import { classifyBoilerplate } from './classify-boilerplate.ts';
import { lineShape } from './line-shape.ts';

const RELATED_HEADINGS = [
  /^(?:related|recommended|suggested|similar|popular|trending|latest)(?:\s+\S+){0,3}$/iu,
  /^(?:more|other)\s+(?:stories|articles|news|posts|reads|reading|coverage|from|on|in|like this)\b/iu,
  /^you\s+(?:may|might|could)\s+(?:also\s+)?(?:like|enjoy|be\s+interested)/iu,
  /^(?:read|watch|up)\s+next$/iu,
  /^most\s+(?:read|popular|viewed|shared|commented)\b/iu,
  /^(?:further|recommended|suggested)\s+reading$/iu,
  /^editor['’]?s['’]?\s+picks?$/iu,
  /^(?:in\s+case\s+you\s+missed\s+it|don['’]t\s+miss)\b/iu,
  /^(?:相关|推荐|热门|延伸)(?:阅读|文章|新闻|推荐)$/u,
];
const MAX_HEADING_WORDS = 6;
/** Link titles are headlines: short, and not closed with a full stop. */
const MAX_LINK_WORDS = 25;
const FULL_STOP = /[.。]["'”’)]*$/u;

/**
 * Where a "Related articles" / "You may also like" / "Most read" section starts: a heading
 * followed only by link titles (short lines without a full stop) and other page furniture, up to
 * the end. Undefined when there is none; a heading followed by real paragraphs is part of the
 * article ("Latest figures" above a paragraph of them).
 */
export function findRelatedSection(lines: readonly string[]): number | undefined {
  const index = lines.findIndex(
    (line, at) => isRelatedHeading(line) && lines.slice(at + 1).every(isLinkOrFurniture),
  );
  return index === -1 ? undefined : index;
}

function isRelatedHeading(line: string): boolean {
  const heading = line.replace(/\s*[:：]$/u, '');
  const shape = lineShape(heading);
  return shape.words <= MAX_HEADING_WORDS && !shape.endsSentence && RELATED_HEADINGS.some((pattern) => pattern.test(heading));
}

function isLinkOrFurniture(line: string): boolean {
  if (classifyBoilerplate(line) !== undefined) return true;
  return lineShape(line).words <= MAX_LINK_WORDS && !FULL_STOP.test(line);
}
