import { looksLikePublication } from './looks-like-publication.ts';

/** Where a notice names the publication, captured as `name`. */
const NAMING_NOTICES = [
  /^source\s*[:：]\s*(?<name>[^|,;]+?)\s*[.。]?$/iu,
  /\b(?:reflect|represent)\s+(?:the\s+)?(?:views?|opinions?|positions?|policy|those)\s+of\s+(?<name>.+?)\s*[.。]?$/iu,
  /(?:©|\(c\)|\bcopyright\b)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*(?<name>[^.,|©]+?)\s*(?:[.,|]|\ball rights reserved\b|$)/iu,
];

/**
 * The publication a copyright line, "Source:" line or disclaimer names: "© 2024 The Harbour
 * Gazette. All rights reserved." → "The Harbour Gazette"; "The views don't necessarily reflect
 * those of Qiushi Journal." → "Qiushi Journal". Undefined when the name is not a publication's
 * ("… those of the author", a URL).
 */
export function noticeSource(line: string): string | undefined {
  for (const pattern of NAMING_NOTICES) {
    const name = pattern.exec(line)?.groups?.name?.trim();
    if (name !== undefined && looksLikePublication(name)) return name;
  }
  return undefined;
}
