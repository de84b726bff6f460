import { isEdgeKey } from '../../shared/linking/key-hash.ts';
import { phraseKey } from '../../shared/linking/phrase-key.ts';

/**
 * Words and names that mean the same thing, so a page that says "undersea cables" or "One Belt One
 * Road" relates to an article that says "submarine cables" or "Belt and Road" (issue 9: pages that
 * use other words for the same subject stayed silent). Applied when an article is mined: each of
 * its phrases and signature words is also indexed under its equivalents, pointing to the same
 * article with the same weight, so the page side and its hashes do not change.
 *
 * Deliberately small and general: British and American spellings, a few plain synonyms, and the
 * short names and acronyms of international bodies and programmes that news uses interchangeably
 * with their full names. It does not pretend to be a thesaurus: a word with several senses
 * ("cell", "bank") is never here.
 */
const WORD_GROUPS: readonly string[] = [
  // spelling
  'fiber fibre', 'center centre', 'organization organisation', 'program programme', 'defense defence',
  'license licence', 'labor labour', 'color colour', 'catalog catalogue', 'modernize modernise',
  'modernization modernisation', 'digitalization digitalisation', 'digitization digitisation',
  'globalization globalisation', 'liberalization liberalisation', 'optimize optimise', 'prioritize prioritise',
  'analyze analyse',
  // plain synonyms
  'submarine undersea subsea', 'seabed seafloor', 'telecom telecommunication',
];

const PHRASE_GROUPS: readonly string[] = [
  'Belt and Road|Belt and Road Initiative|One Belt One Road|OBOR|BRI|New Silk Road',
  'Digital Silk Road|Digital Belt and Road',
  'World Internet Conference|Wuzhen Summit|WIC',
  'Cyberspace Administration of China|CAC|China\'s internet regulator|internet watchdog',
  'Internet Governance Forum|IGF',
  'United Nations|UN',
  'World Trade Organization|WTO',
  'International Monetary Fund|IMF',
  'World Bank Group|World Bank',
  'European Union|EU',
  'Association of Southeast Asian Nations|ASEAN',
  'North Atlantic Treaty Organization|NATO',
  'International Telecommunication Union|ITU',
  'Group of Twenty|G20',
  'Shanghai Cooperation Organisation|SCO',
  'Sustainable Development Goals|SDGs',
  'artificial intelligence|AI',
  'information and communications technology|ICT',
  'submarine cable|undersea cable|subsea cable',
  'data center|data centre',
  'cooperation|co-operation',
  'cybersecurity|cyber security|cyber-security',
];

function groupsByKey(groups: readonly string[][]): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const group of groups) {
    const keys = [...new Set(group.map(phraseKey).filter((key) => key !== ''))];
    for (const key of keys) byKey.set(key, [...new Set([...(byKey.get(key) ?? []), ...keys.filter((k) => k !== key)])]);
  }
  return byKey;
}

let words: Map<string, string[]> | undefined;
let phrases: Map<string, string[]> | undefined;

/** Other match terms for the same word (`matchTerm` form): single words only. */
export function wordEquivalents(term: string): readonly string[] {
  words ??= new Map([...groupsByKey(WORD_GROUPS.map((group) => group.split(' ')))].map(([key, others]) => [key, others.filter((o) => !o.includes(' '))]));
  return words.get(term) ?? [];
}

/** A page reports no n-gram that starts or ends with a stop word, a number or a lone letter: such a variant could never match. */
function findable(key: string): boolean {
  const terms = key.split(' ');
  return !isEdgeKey(terms[0]!) && !isEdgeKey(terms.at(-1)!);
}

/** Most variants one phrase is indexed under. */
const MAX_VARIANTS = 8;

/**
 * Other keys for the same phrase: its aliases, and the key with each word replaced by its
 * equivalents ("submarine cable" → "undersea cable", "subsea cable"), at most `MAX_VARIANTS`.
 */
export function phraseEquivalents(key: string): string[] {
  phrases ??= groupsByKey(PHRASE_GROUPS.map((group) => group.split('|')));
  const variants = new Set(phrases.get(key) ?? []);
  const terms = key.split(' ');
  let spelled = [terms];
  for (let i = 0; i < terms.length; i++) {
    const others = wordEquivalents(terms[i]!);
    if (others.length === 0) continue;
    spelled = spelled.flatMap((variant) => [variant, ...others.map((other) => variant.map((t, j) => (j === i ? other : t)))]);
  }
  for (const variant of spelled) variants.add(variant.join(' '));
  variants.delete(key);
  return [...variants].filter(findable).slice(0, MAX_VARIANTS);
}
