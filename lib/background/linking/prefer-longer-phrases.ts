import type { Candidate } from './score-phrases.ts';
import type { TermTable } from './term-table.ts';

/** A part occurring this share of its times inside a longer phrase is only part of it. */
const INSIDE_SHARE = 0.75;
/** A phrase wrapped around another must recur this often to be more than it in a sentence. */
const MIN_WRAPPED_OCCURRENCES = 2;

/**
 * Keeps the longer phrase where a shorter one is mostly part of it ("submarine cables" over
 * "submarine"), while a part with a life of its own stays ("Wuzhen" besides "Wuzhen Summit").
 * Conversely an n-gram that only puts ordinary words before a name ("President Xi Jinping",
 * "along the Belt and Road") gives way to the name; so does, where the part is seen more often
 * than the whole, one that wraps ordinary words around a name or is seen only once ("cyberspace
 * aligns"). A name followed by a noun can be a term of its own ("Maillard reaction").
 * Linear in the candidates: each looks up only its own sub-phrases.
 */
export function preferLongerPhrases(candidates: Candidate[], terms: TermTable): Candidate[] {
  const byKey = new Map(candidates.map((candidate) => [candidate.stats.key, candidate]));
  const wrappers = candidates.filter((candidate) => wrapsName(candidate, byKey, terms));
  for (const wrapper of wrappers) byKey.delete(wrapper.stats.key);

  const outer = new Map<string, number>();
  for (const candidate of byKey.values()) {
    for (const part of subPhrases(candidate.words)) {
      if (!byKey.has(part.key)) continue;
      outer.set(part.key, Math.max(outer.get(part.key) ?? 0, candidate.stats.occurrences));
    }
  }
  return [...byKey.values()].filter(
    (candidate) => (outer.get(candidate.stats.key) ?? 0) < INSIDE_SHARE * candidate.stats.occurrences,
  );
}

function wrapsName(candidate: Candidate, byKey: Map<string, Candidate>, terms: TermTable): boolean {
  if (candidate.kind === 'entity') return false;
  const ordinary = (words: string[]) => words.every((word) => terms.info(word).edge || terms.info(word).common);
  for (const part of subPhrases(candidate.words)) {
    const inner = byKey.get(part.key);
    if (inner === undefined) continue;
    const before = candidate.words.slice(0, part.from);
    const after = candidate.words.slice(part.to);
    // Ordinary words before a name only describe it ("President Xi Jinping").
    if (inner.kind === 'entity' && after.length === 0 && ordinary(before)) return true;
    // Otherwise only a part with a life of its own can be what the longer phrase is about.
    if (inner.stats.occurrences <= candidate.stats.occurrences) continue;
    if (candidate.stats.occurrences < MIN_WRAPPED_OCCURRENCES) return true;
    if (inner.kind === 'entity' && ordinary([...before, ...after])) return true;
  }
  return false;
}

/** Every run of consecutive words shorter than the whole. */
function* subPhrases(words: string[]): Generator<{ key: string; from: number; to: number }> {
  for (let from = 0; from < words.length; from++) {
    for (let to = from + 1; to <= words.length; to++) {
      if (to - from === words.length) continue;
      yield { key: words.slice(from, to).join(' '), from, to };
    }
  }
}
