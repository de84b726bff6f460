import { describe, expect, it } from 'vitest';
import { englishIdfOfHash } from '../../lib/background/linking/background-idf.ts';
import { isLinksRecord, LINK_FORMAT, LinkIndex, linksRecord, phraseOfHash, SPECIFIC } from '../../lib/background/linking/link-index.ts';
import { mineArticle, type MinedArticle } from '../../lib/background/linking/mine-article.ts';
import { DEFAULT_THRESHOLDS, rankPage, scorePage } from '../../lib/background/linking/rank-page.ts';
import { PageReader } from '../../lib/page/page-reader.ts';
import { keyHash } from '../../lib/shared/linking/key-hash.ts';
import type { PageNgrams } from '../../lib/protocol.ts';
import { MEANING_DIMENSIONS } from '../../lib/background/linking/word-vectors.ts';

/** Every word of the page counts as a phrase word: the report then holds every n-gram that could be a phrase. */
const everyWord = (reader: PageReader) => reader.words().map((_, i) => i);

// Three small articles written for these tests: a cable landing, a conference, a council meeting.
const CABLES = {
  id: 1,
  title: 'New submarine cable lands at Marseille',
  body: [
    'A new submarine cable linking Marseille with Singapore came ashore this week, the operator said.',
    'Engineers at the Marseille landing station spliced the fibre pairs overnight before tests began.',
    'The submarine cable carries sixteen fibre pairs and should enter service next spring, adding capacity between Europe and Asia.',
    'Regulators in Singapore approved the landing station licence earlier this year after a review of seabed routes.',
    'Operators say more submarine cables will be needed as data traffic between continents keeps rising.',
  ].join('\n\n'),
};
const CONFERENCE = {
  id: 2,
  title: 'Delegates gather in Wuzhen for the World Internet Conference',
  body: [
    'Officials and executives arrived in Wuzhen on Monday for the World Internet Conference, an annual meeting on cyberspace governance.',
    'Speakers at the World Internet Conference argued over how data should cross borders and who should set the rules.',
    'Several panels in Wuzhen dealt with cyberspace governance, online security and the digital economy.',
    'Organisers said the conference drew delegates from more than a hundred countries this year.',
  ].join('\n\n'),
};
const HARBOUR = {
  id: 3,
  title: 'Harbour wall repairs approved by council',
  body: [
    'Councillor Pike told the meeting that repairs to the harbour wall could start in the autumn.',
    'Residents had complained about flooding along the promenade after winter storms damaged the wall.',
    'Pike said the budget for the harbour repairs would come from reserves rather than higher charges.',
    'Work on the promenade is expected to last four months.',
  ].join('\n\n'),
};
const ARTICLES = [CABLES, CONFERENCE, HARBOUR];
const MINED = new Map(ARTICLES.map((article) => [article.id, mineArticle(article)]));

// Pages, also written for these tests.
const CABLE_PAGE = [
  'Undersea link reaches Marseille',
  'A submarine cable from Asia reached the landing station at Marseille, where crews connected the fibre pairs. The submarine cable adds capacity for data traffic between Europe and Asia.',
].join('\n\n');
const CONFERENCE_PAGE = 'At the World Internet Conference in Wuzhen, officials debated cyberspace governance and cross-border data rules.';
const FOOTBALL_PAGE = [
  'Pike scores twice as United win',
  'Striker Jordan Pike scored in each half as United beat City two nil on Saturday. Pike now has ten goals this season and the manager praised the team.',
].join('\n\n');
const GARDEN_PAGE = [
  'Weekend weather',
  'The meeting of the garden club was moved because of the storms. Members said the year had been wet and the autumn would be busy.',
].join('\n\n');
/** On the cable article's subject, in none of its phrases. */
const OTHER_WORDS_PAGE = [
  'Ocean telecom line comes ashore in France',
  'A telecom firm finished laying an internet line along the floor of the Mediterranean this month. The line comes ashore near a French port, and broadband providers say it will relieve older seabed routes as data traffic between continents keeps growing.',
].join('\n\n');
/** Mostly about a port's week; mentions a submarine cable once, in passing. */
const PORT_PAGE = [
  'Port schedule for the week',
  'The harbour master published the timetable for container ships, ferries and tugboats calling at the port this week. A cable ship will stop briefly to load a repaired section of submarine cable before heading to the landing station further along the coast. Ferry passengers should expect delays on Tuesday because of maintenance on the passenger terminal, and freight drivers are asked to book arrival slots online. Tug crews will work extra shifts while the dredger clears the main channel.',
].join('\n\n');

function pageOf(text: string): PageNgrams {
  const reader = new PageReader();
  reader.read(text, 0);
  return reader.report(text.length, everyWord(reader));
}

function indexOf(articles = ARTICLES): LinkIndex {
  const index = new LinkIndex();
  for (const article of articles) index.add(linksRecord(article.id, MINED.get(article.id) ?? mineArticle(article)));
  return index;
}

const rank = (index: LinkIndex, text: string, extra: { muted?: ReadonlySet<number>; limit?: number; exclude?: number } = {}) =>
  rankPage(index, pageOf(text), { idfOfHash: englishIdfOfHash, ...extra });

describe('linksRecord and isLinksRecord', () => {
  const mined: MinedArticle = {
    phrases: [
      { key: 'submarine cable', label: 'submarine cable', kind: 'ngram', weight: 1 },
      { key: 'marseille', label: 'Marseille', kind: 'entity', weight: 0.5 },
      { key: 'new submarine cable', label: 'New submarine cable', kind: 'title', weight: 0.25 },
    ],
    terms: [
      { term: 'cable', weight: 0.6 },
      { term: 'fibre', weight: 0.4 },
    ],
    meaning: Int8Array.from({ length: MEANING_DIMENSIONS }, (_, d) => (d % 3) - 1),
  };

  it('stores phrases once, the hashes of their equivalents pointing back to them, and term hashes', () => {
    const record = linksRecord(7, mined);

    expect(record.id).toBe(7);
    expect(record.format).toBe(LINK_FORMAT);
    expect(record.keys).toEqual(['submarine cable', 'marseille', 'new submarine cable']);
    expect(record.kinds).toBe('net');
    const hashes = [...record.phraseHashes];
    expect(hashes.slice(0, 3)).toEqual(record.keys.map(keyHash));
    // An equivalent is a hash that stands for its phrase (and so keeps its label, kind and weight).
    const undersea = hashes.indexOf(keyHash('undersea cable'));
    expect(undersea).toBeGreaterThanOrEqual(3);
    expect(phraseOfHash(record, undersea)).toBe(0);
    expect(phraseOfHash(record, hashes.indexOf(keyHash('new undersea cable')))).toBe(2);
    expect([...record.termHashes]).toEqual(['cable', 'fibre', 'fiber'].map(keyHash));
    expect([...record.termWeights].map((w) => Math.round(w * 100) / 100)).toEqual([0.6, 0.4, 0.4]);
    expect(isLinksRecord(record)).toBe(true);
  });

  it('keeps the first of repeated phrases and the strongest of repeated terms', () => {
    const record = linksRecord(1, {
      phrases: [mined.phrases[0]!, { ...mined.phrases[0]!, weight: 0.1, label: 'Submarine Cables' }],
      terms: [{ term: 'cable', weight: 0.2 }, { term: 'cable', weight: 0.7 }],
      meaning: mined.meaning,
    });

    expect(record.keys.filter((key) => key === 'submarine cable')).toHaveLength(1);
    expect(record.weights[record.keys.indexOf('submarine cable')]).toBe(1);
    expect([...record.termHashes]).toEqual([keyHash('cable')]);
    expect([...record.termWeights].map((w) => Math.round(w * 100) / 100)).toEqual([0.7]);
  });

  it('makes a valid record of every mined article, and of nothing mined', () => {
    for (const [id, article] of MINED) expect(isLinksRecord(linksRecord(id, article)), String(id)).toBe(true);
    expect(isLinksRecord(linksRecord(4, { phrases: [], terms: [], meaning: new Int8Array(MEANING_DIMENSIONS) }))).toBe(true);
  });

  it('rejects records that do not fit together', () => {
    const good = linksRecord(7, mined);
    const bad: [string, unknown][] = [
      ['null', null],
      ['a string', 'links'],
      ['another format', { ...good, format: LINK_FORMAT - 1 }],
      ['no format', { ...good, format: undefined }],
      ['id 0', { ...good, id: 0 }],
      ['a fractional id', { ...good, id: 1.5 }],
      ['a label too few', { ...good, labels: good.labels.slice(1) }],
      ['a kind too many', { ...good, kinds: good.kinds + 'n' }],
      ['an unknown kind', { ...good, kinds: 'x' + good.kinds.slice(1) }],
      ['a weight too few', { ...good, weights: good.weights.slice(1) }],
      ['a weight above 1', { ...good, weights: [1.5, ...good.weights.slice(1)] }],
      ['a negative weight', { ...good, weights: [-0.1, ...good.weights.slice(1)] }],
      ['a weight that is not a number', { ...good, weights: ['1', ...good.weights.slice(1)] }],
      ['a term weight above 1', { ...good, termWeights: Float32Array.of(2, ...good.termWeights.slice(1)) }],
      ['a term weight too many', { ...good, termWeights: Float32Array.of(...good.termWeights, 0.1) }],
      ['term weights as a plain list', { ...good, termWeights: [...good.termWeights] }],
      ['an empty key', { ...good, keys: ['', ...good.keys.slice(1)] }],
      ['a blank label', { ...good, labels: ['  ', ...good.labels.slice(1)] }],
      ['a phrase hash too few', { ...good, phraseHashes: good.phraseHashes.slice(1) }],
      ['a fractional hash', { ...good, phraseHashes: Float64Array.of(0.5, ...good.phraseHashes.slice(1)) }],
      ['a hash past 2^53', { ...good, termHashes: Float64Array.of(2 ** 53, ...good.termHashes.slice(1)) }],
      ['hashes as a plain list', { ...good, phraseHashes: [...good.phraseHashes] }],
      ['a variant of no phrase', { ...good, variantOf: [99, ...good.variantOf.slice(1)] }],
      ['no term hashes', { ...good, termHashes: undefined }],
      ['a meaning of another length', { ...good, meaning: new Int8Array(MEANING_DIMENSIONS - 1) }],
      ['a meaning as a plain list', { ...good, meaning: [...good.meaning] }],
      ['no meaning (a row of format 4)', { ...good, meaning: undefined }],
    ];

    for (const [name, value] of bad) expect(isLinksRecord(value), name).toBe(false);
  });
});

describe('LinkIndex', () => {
  it('holds each article\'s phrases and terms as postings, and counts them', () => {
    const index = indexOf();

    expect(index.articleCount).toBe(3);
    expect([...index.ids()].sort()).toEqual([1, 2, 3]);
    expect(index.has(2)).toBe(true);
    expect(index.has(4)).toBe(false);
    expect(index.phrases.count(keyHash('submarine cable'))).toBe(1);
    expect(index.phrases.count(keyHash('undersea cable'))).toBe(1);
    expect(index.phrases.count(keyHash('world internet conference'))).toBe(1);
    expect(index.terms.count(keyHash('cable'))).toBe(1);
    const postings = [1, 2, 3].reduce((sum, id) => {
      const record = linksRecord(id, MINED.get(id)!);
      return sum + record.phraseHashes.length + record.termHashes.length;
    }, 0);
    expect(index.phrases.size + index.terms.size).toBe(postings);
    expect(index.bytes).toBeGreaterThan(0);
  });

  it('flags phrases of several words as specific, single words not', () => {
    const index = indexOf();
    const flagOf = (key: string) => {
      let flag = -1;
      index.phrases.forEach(keyHash(key), (_id, _weight, f) => (flag = f));
      return flag;
    };

    expect(flagOf('submarine cable')).toBe(SPECIFIC);
    expect(flagOf('world internet conference')).toBe(SPECIFIC);
    expect(flagOf('pike')).toBe(0);
    expect(flagOf('marseille')).toBe(0);
  });

  it('removes an article\'s postings and nobody else\'s', () => {
    const index = indexOf();
    const before = { phrases: index.phrases.size, terms: index.terms.size };
    const record = linksRecord(2, MINED.get(2)!);

    index.remove(2);

    expect(index.articleCount).toBe(2);
    expect(index.has(2)).toBe(false);
    expect(index.phrases.size).toBe(before.phrases - record.phraseHashes.length);
    expect(index.terms.size).toBe(before.terms - record.termHashes.length);
    expect(index.phrases.count(keyHash('world internet conference'))).toBe(0);
    expect(index.phrases.count(keyHash('submarine cable'))).toBe(1);
    index.remove(2);
    index.remove(99);
    expect(index.articleCount).toBe(2);
  });

  it('counts a key once for each article that has it', () => {
    const index = indexOf();
    index.add(linksRecord(4, MINED.get(1)!));

    expect(index.phrases.count(keyHash('submarine cable'))).toBe(2);
    index.remove(1);
    expect(index.phrases.count(keyHash('submarine cable'))).toBe(1);
    index.phrases.forEach(keyHash('submarine cable'), (id) => expect(id).toBe(4));
  });

  it('replaces an article added again under the same id', () => {
    const index = indexOf([CABLES]);
    const sizes = { phrases: index.phrases.size, terms: index.terms.size };

    index.add(linksRecord(1, MINED.get(1)!));
    expect(index.articleCount).toBe(1);
    expect({ phrases: index.phrases.size, terms: index.terms.size }).toEqual(sizes);
    expect(index.phrases.count(keyHash('submarine cable'))).toBe(1);

    // Now with other content: the old keys go.
    index.add(linksRecord(1, MINED.get(2)!));
    expect(index.articleCount).toBe(1);
    expect(index.phrases.count(keyHash('submarine cable'))).toBe(0);
    expect(index.phrases.count(keyHash('world internet conference'))).toBe(1);
    expect(index.phrases.size).toBe(linksRecord(1, MINED.get(2)!).phraseHashes.length);
  });
});

describe('rankPage', () => {
  it('relates a page that shares several phrases and words with an article', () => {
    const ranked = rank(indexOf(), CABLE_PAGE);

    expect(ranked.map((r) => r.articleId)).toEqual([1]);
    const [cables] = ranked;
    expect(cables!.phrases).toContain(keyHash('submarine cable'));
    expect(cables!.phrases).toContain(keyHash('marseille'));
    expect(cables!.evidence).toBeGreaterThan(0);
    expect(cables!.similarity).toBeGreaterThan(0);
    expect(cables!.similarity).toBeLessThanOrEqual(1);
    expect(cables!.score).toBeCloseTo(cables!.similarity * (1 + Math.min(cables!.evidence, 4) / 4), 10);
  });

  it('never relates the excluded article (the page\'s own), however close it is', () => {
    const page = `${CABLES.title}\n\n${CABLES.body}`;

    expect(rank(indexOf(), page).map((r) => r.articleId)).toContain(1);
    expect(rank(indexOf(), page, { exclude: 1 }).map((r) => r.articleId)).not.toContain(1);
  });

  it('relates the conference page to the conference article only', () => {
    const ranked = rank(indexOf(), CONFERENCE_PAGE);

    expect(ranked.map((r) => r.articleId)).toEqual([2]);
    expect(ranked[0]!.phrases).toEqual(expect.arrayContaining(['world internet conference', 'wuzhen', 'cyberspace governance'].map(keyHash)));
  });

  it('does not relate a page that shares only a single name', () => {
    const index = indexOf();
    // The name is there as evidence…
    const touched = scorePage(index, pageOf(FOOTBALL_PAGE), englishIdfOfHash).find((r) => r.articleId === 3);
    expect(touched?.phrases).toContain(keyHash('pike'));

    // …but not enough.
    expect(rank(index, FOOTBALL_PAGE)).toEqual([]);
  });

  it('does not relate a page that shares only common words', () => {
    expect(rank(indexOf(), GARDEN_PAGE)).toEqual([]);
  });

  it('relates a page with one specific phrase backed by some similarity, and not once it is muted', () => {
    const index = indexOf();
    // Meaning left out, to see the phrase rule alone: the port page's meaning is close to the
    // cable article's too (ships, a landing station, the coast).
    const thresholds = { ...DEFAULT_THRESHOLDS, meaning: 2, phraseMeaning: 2 };
    expect(rankPage(index, pageOf(PORT_PAGE), { idfOfHash: englishIdfOfHash, thresholds }).map((r) => r.articleId)).toEqual([1]);

    const muted = new Set([keyHash('submarine cable')]);
    expect(rankPage(index, pageOf(PORT_PAGE), { idfOfHash: englishIdfOfHash, thresholds, muted })).toEqual([]);
  });

  it('relates a page on the subject in other words by its meaning, backed by some shared words', () => {
    const index = indexOf();
    const page = pageOf(OTHER_WORDS_PAGE);
    const scores = scorePage(index, page, englishIdfOfHash);
    const cables = scores.find((r) => r.articleId === 1)!;

    // No phrase of the article is on the page; the meaning carries it.
    expect(cables.phrases).toEqual([]);
    expect(cables.similarity).toBeLessThan(DEFAULT_THRESHOLDS.alone);
    expect(cables.meaning).toBeGreaterThanOrEqual(DEFAULT_THRESHOLDS.meaning);
    expect(rank(index, OTHER_WORDS_PAGE).map((r) => r.articleId)).toEqual([1]);
    // The same page with the meaning rule off lists nothing.
    expect(rankPage(index, page, { idfOfHash: englishIdfOfHash, thresholds: { ...DEFAULT_THRESHOLDS, meaning: 2, phraseMeaning: 2 } })).toEqual([]);
  });

  it('reports how close in meaning a page is to each article, far for a page on another subject', () => {
    const index = indexOf();
    const near = scorePage(index, pageOf(OTHER_WORDS_PAGE), englishIdfOfHash).find((r) => r.articleId === 1)!;
    const far = scorePage(index, pageOf(FOOTBALL_PAGE), englishIdfOfHash).find((r) => r.articleId === 1);

    expect(near.meaning).toBeGreaterThan((far?.meaning ?? 0) + 0.3);
    expect(rank(index, FOOTBALL_PAGE)).toEqual([]);
  });

  it('takes no evidence from muted hashes', () => {
    const index = indexOf();
    const page = pageOf(CABLE_PAGE);
    const muted = new Set(page.keys);
    const zero = { alone: 0, withSpecifics: 0, withPhrase: 0, withWord: 0, meaning: -1, meaningSimilarity: 0, phraseMeaning: -1, phraseMeaningSimilarity: 0 };

    const ranked = rankPage(index, page, { idfOfHash: englishIdfOfHash, muted, thresholds: zero });
    const cables = ranked.find((r) => r.articleId === 1);

    expect(cables?.evidence).toBe(0);
    expect(cables?.phrases).toEqual([]);
    // Similarity is not phrase evidence: it stays.
    expect(cables!.similarity).toBeGreaterThan(0);
    expect(cables!.score).toBeCloseTo(cables!.similarity, 10);
  });

  it('sorts by score, highest first, and respects the limit', () => {
    const index = indexOf();
    const both = `${CABLE_PAGE}\n\n${CONFERENCE_PAGE}`;
    const ranked = rank(index, both);

    expect(ranked.map((r) => r.articleId).sort()).toEqual([1, 2]);
    expect(ranked[0]!.score).toBeGreaterThanOrEqual(ranked[1]!.score);
    expect(rank(index, both, { limit: 1 })).toEqual([ranked[0]]);
    expect(rank(index, both, { limit: 0 })).toEqual([]);
  });

  it('breaks ties by article id and keeps ten by default', () => {
    const index = new LinkIndex();
    for (let id = 1; id <= 12; id++) index.add(linksRecord(id, MINED.get(1)!));

    const ranked = rank(index, CABLE_PAGE);

    expect(ranked.map((r) => r.articleId)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('lists an article\'s phrases strongest first', () => {
    const ranked = scorePage(indexOf(), pageOf(CABLE_PAGE), englishIdfOfHash);
    const cables = ranked.find((r) => r.articleId === 1)!;

    expect(cables.phrases.length).toBeGreaterThanOrEqual(2);
    expect(new Set(cables.phrases).size).toBe(cables.phrases.length);
  });

  it('gives nothing for an empty index or an empty page', () => {
    expect(rank(new LinkIndex(), CABLE_PAGE)).toEqual([]);
    expect(rankPage(indexOf(), { keys: [], unigrams: 0, counts: [], firsts: [] }, { idfOfHash: englishIdfOfHash })).toEqual([]);
  });

  it('gives nothing once every article was removed', () => {
    const index = indexOf();
    for (const id of [1, 2, 3]) index.remove(id);

    expect(rank(index, CABLE_PAGE)).toEqual([]);
  });

  it('relates a page in other words through equivalents ("undersea cable")', () => {
    const page = 'The undersea cable from Asia reached the landing station at Marseille, where crews joined the fiber pairs before the undersea cable entered service.';
    const ranked = rank(indexOf(), page);

    expect(ranked.map((r) => r.articleId)).toEqual([1]);
    expect(ranked[0]!.phrases).toContain(keyHash('undersea cable'));
  });

  it('has thresholds that rise from two specific phrases to similarity alone', () => {
    const { alone, withSpecifics, withPhrase, withWord } = DEFAULT_THRESHOLDS;

    expect(withSpecifics).toBeLessThan(withPhrase);
    expect(withPhrase).toBeLessThan(withWord);
    expect(withWord).toBeLessThan(alone);
  });
});

describe('scorePage', () => {
  it('returns every article the page touches, related or not, with both signals', () => {
    const index = indexOf();
    for (const text of [GARDEN_PAGE, FOOTBALL_PAGE, PORT_PAGE, CABLE_PAGE]) {
      const page = pageOf(text);
      const scored = scorePage(index, page, englishIdfOfHash);
      const related = rankPage(index, page, { idfOfHash: englishIdfOfHash, limit: Infinity });

      expect(scored.length, text.slice(0, 20)).toBeGreaterThan(0);
      expect(scored.length, text.slice(0, 20)).toBeGreaterThanOrEqual(related.length);
      for (const r of related) expect(scored.map((s) => s.articleId), text.slice(0, 20)).toContain(r.articleId);
      for (let i = 1; i < scored.length; i++) expect(scored[i]!.score).toBeLessThanOrEqual(scored[i - 1]!.score);
    }
    // The garden page relates to nothing, yet touches all three through their words.
    expect(scorePage(index, pageOf(GARDEN_PAGE), englishIdfOfHash).map((r) => r.articleId).sort()).toEqual([1, 2, 3]);
  });

  it('returns nothing for an empty index', () => {
    expect(scorePage(new LinkIndex(), pageOf(CABLE_PAGE), englishIdfOfHash)).toEqual([]);
  });
});
