import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildVocabulary, type VocabularySource } from '../../lib/background/linking/build-vocabulary.ts';
import type { ArticlePhrase } from '../../lib/background/linking/count-article.ts';
import { PhraseCounter } from '../../lib/background/linking/phrase-counter.ts';
import { phraseKey } from '../../lib/shared/linking/phrase-key.ts';
import type { Vocabulary, VocabularyPhrase } from '../../lib/shared/linking/types.ts';
import { parseScrapedArticle } from '../../lib/shared/text/parse-scraped-article.ts';
import { mulberry32 } from '../../bench/prng.ts';

const SEEDS = new URL('../../seeds/', import.meta.url);

function loadSeeds(): VocabularySource[] {
  return readdirSync(SEEDS)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name, index) => {
      const { title, body } = parseScrapedArticle(readFileSync(new URL(name, SEEDS), 'utf8'));
      return { id: index + 1, title, body };
    });
}

function phrase(vocabulary: Vocabulary, text: string): VocabularyPhrase | undefined {
  const key = phraseKey(text);
  return vocabulary.phrases.find((candidate) => candidate.key === key);
}

function linkedIds(vocabulary: Vocabulary, text: string): number[] {
  return (phrase(vocabulary, text)?.links ?? []).map((link) => link.articleId).sort((a, b) => a - b);
}

function article(id: number, title: string, ...paragraphs: string[]): VocabularySource {
  return { id, title, body: paragraphs.join('\n\n') };
}

function describeTop(vocabulary: Vocabulary, count: number): string {
  return vocabulary.phrases
    .slice(0, count)
    .map((p) => `${p.score.toFixed(3).padStart(6)}  ${p.kind.padEnd(6)} ${p.label.padEnd(42)} ${p.links.map((l) => `${l.articleId}:${l.weight}`).join(' ')}`)
    .join('\n');
}

// Page furniture as imported documents may still carry it, in several articles at once.
const FURNITURE = ['Read More', 'Share this article', 'Scroll to Top', 'Leave a Reply', 'Related articles', 'Subscribe to our newsletter', 'Also Read', '5 min read', 'Click here to comment'];

const COOKING = [
  article(1, 'How to keep a sourdough starter alive',
    'A sourdough starter is a living culture of wild yeast and lactic acid bacteria. Feed your sourdough starter with equal weights of flour and water every day, and it will reward you.',
    'If the sourdough starter smells of acetone, it is hungry. Many people say this is the most important thing to know, and it is also very simple.',
    'Chad Robertson, who founded Tartine Bakery in San Francisco, still feeds his starter twice a day. The open crumb of a Tartine Bakery loaf comes from a young, active starter.',
    'Read More', 'Share this article'),
  article(2, 'Seasoning a cast iron skillet the right way',
    'A cast iron skillet rewards patience. Rub a thin layer of flaxseed oil into the cast iron skillet and bake it upside down for an hour.',
    'Lodge Manufacturing, a foundry in South Pittsburg, has made cast iron cookware since 1896. Never soak a cast iron skillet overnight, people say, and they are right.',
    'A well seasoned skillet is the most important pan in the kitchen. It is also the cheapest.',
    'Scroll to Top', 'Leave a Reply'),
  article(3, 'What makes extra virgin olive oil taste peppery',
    'Good extra virgin olive oil catches in the throat. The pungency comes from oleocanthal, a compound found only in fresh olive oil.',
    'The International Olive Council sets the grades that producers in Andalusia and Puglia must meet. Many people think that oleocanthal is the new superfood, but the evidence is thin.',
    'Store olive oil away from light, and use it within a year of the harvest.',
    'Related articles', 'Subscribe to our newsletter'),
  article(4, 'Braising short ribs in a Dutch oven',
    'Brown the short ribs hard before they go into the Dutch oven: the Maillard reaction builds the flavour that the wine will carry.',
    'Braise the short ribs at a low heat for three hours. A heavy Dutch oven keeps the heat even, and the short ribs come out tender.',
    'It is important to rest the meat. Many people skip this step, but it makes a difference.',
    'Also Read', '5 min read'),
  article(5, 'Fermenting kimchi at home',
    'Napa cabbage, salted overnight, is the base of most kimchi. Gochugaru, the Korean chili flakes, gives kimchi its colour and a gentle heat.',
    'The same lactic acid bacteria that raise a sourdough loaf sour the kimchi in a few days. Keep the jar of kimchi in the fridge once it tastes right.',
    'Many people say that kimchi is important for health. It is also delicious.',
    'Click here to comment', 'Read More'),
  article(6, 'A weeknight tomato sauce',
    'San Marzano tomatoes, grown near Naples, make the sweetest sauce. Simmer the San Marzano tomatoes with garlic and a little butter for forty minutes.',
    'This is the new classic, many people say. It is important to salt the water for the pasta.',
    'Share this article', 'Leave a Reply'),
];

const FOOTBALL = [
  article(11, 'Arsenal edge Tottenham in the north London derby',
    'Bukayo Saka scored from the penalty spot in the second half as Arsenal beat Tottenham Hotspur at the Emirates Stadium on Sunday.',
    'Mikel Arteta praised his side after the match. "We showed character," Arteta said. Tottenham Hotspur had more of the ball but created little.',
    'The result keeps Arsenal top of the Premier League table.'),
  article(12, 'How Liverpool press under Jürgen Klopp',
    'Gegenpressing, the counter-press that Jürgen Klopp brought from Borussia Dortmund, asks every player to hunt the ball within seconds of losing it.',
    'Liverpool won the Premier League in 2020 with a gegenpressing side that scored goals from turnovers. Jürgen Klopp called gegenpressing the best playmaker in the world.'),
  article(13, 'Offside controversy at Old Trafford',
    'The video assistant referee ruled out a late equaliser at Old Trafford after a marginal offside call. Manchester United fans booed the decision.',
    'Semi-automated offside technology is due next season. Until then, the video assistant referee draws the lines by hand, and at Old Trafford the lines were questioned.'),
  article(14, 'Chelsea win the Women’s Super League again',
    'Chelsea clinched a fifth straight Women’s Super League title with a win at Kingsmeadow. Sam Kerr scored twice.',
    'Emma Hayes, in her final season, said the Women’s Super League had never been more competitive.'),
  article(15, 'Declan Rice completes his move to Arsenal',
    'Declan Rice has joined Arsenal from West Ham United for a British record fee. Declan Rice captained West Ham United to the Europa Conference League trophy.',
    'Mikel Arteta said the midfielder would add control to the team.'),
];

const PANDA_ZH = article(21, '大熊猫的竹林生活',
  '大熊猫是中国特有的动物，生活在四川的竹林里。大熊猫每天吃大量竹子。',
  '研究人员表示，大熊猫的数量正在增加。竹林保护对大熊猫非常重要。');
const WALL_ZH = article(22, '长城的历史', '长城是世界文化遗产。长城很长，故宫博物院位于北京。');

describe('buildVocabulary', () => {
  it('mines the names and distinctive phrases of the seed collection', () => {
    const seeds = loadSeeds();

    const vocabulary = buildVocabulary(seeds);

    console.log(`Top 40 of ${vocabulary.phrases.length} phrases from the seeds:\n${describeTop(vocabulary, 40)}`);
    const wuzhenArticles = seeds.filter((seed) => `${seed.title}\n${seed.body}`.includes('Wuzhen')).map((seed) => seed.id);
    expect(wuzhenArticles).toHaveLength(2);
    expect(linkedIds(vocabulary, 'Wuzhen')).toEqual(wuzhenArticles);
    const infrastructureArticle = seeds.find((seed) => seed.title.includes('Information Infrastructure'))!.id;
    expect(linkedIds(vocabulary, 'submarine cables')).toEqual([infrastructureArticle]);
    for (const name of ['World Internet Conference', 'Belt and Road', 'Cyberspace Administration of China', 'Xi Jinping']) {
      expect(phrase(vocabulary, name), name).toBeDefined();
    }
  });

  it('leaves out generic words, numbers and phrases found in every seed', () => {
    const seeds = loadSeeds();

    const vocabulary = buildVocabulary(seeds);

    const keys = vocabulary.phrases.map((p) => p.key);
    const generic = ['china', 'digital', 'cooperation', 'infrastructure', 'development', 'global', 'international', 'read', 'more', 'the'];
    expect(keys.filter((key) => generic.map(phraseKey).includes(key))).toEqual([]);
    expect(keys.filter((key) => /^[\d.,]+$/.test(key))).toEqual([]);
    expect(vocabulary.phrases.filter((p) => p.links.length === seeds.length)).toEqual([]);
  });

  it('finds the dishes, tools and names of a cooking collection, not its small talk', () => {
    const vocabulary = buildVocabulary(COOKING);

    expect(linkedIds(vocabulary, 'sourdough starter')).toEqual([1]);
    expect(linkedIds(vocabulary, 'cast iron skillet')).toEqual([2]);
    expect(linkedIds(vocabulary, 'olive oil')).toEqual([3]);
    expect(linkedIds(vocabulary, 'Dutch oven')).toEqual([4]);
    expect(linkedIds(vocabulary, 'kimchi')).toEqual([5]);
    expect(linkedIds(vocabulary, 'Tartine Bakery')).toEqual([1]);
    expect(linkedIds(vocabulary, 'San Marzano tomatoes')).toEqual([6]);
    expect(phrase(vocabulary, 'International Olive Council')?.kind).toBe('entity');
    for (const text of ['many people', 'important', 'people', 'new', 'also', 'say']) {
      expect(phrase(vocabulary, text), text).toBeUndefined();
    }
  });

  it('finds the players, grounds and terms of a football collection', () => {
    const vocabulary = buildVocabulary(FOOTBALL);

    expect(linkedIds(vocabulary, 'Jürgen Klopp')).toEqual([12]);
    expect(phrase(vocabulary, 'jurgen klopp')?.label).toBe('Jürgen Klopp');
    expect(linkedIds(vocabulary, 'Mikel Arteta')).toEqual([11, 15]);
    expect(linkedIds(vocabulary, 'Old Trafford')).toEqual([13]);
    expect(linkedIds(vocabulary, 'Declan Rice')).toEqual([15]);
    expect(linkedIds(vocabulary, 'gegenpressing')).toEqual([12]);
    expect(linkedIds(vocabulary, 'video assistant referee')).toEqual([13]);
    expect(linkedIds(vocabulary, 'Women’s Super League')).toEqual([14]);
    for (const text of ['said', 'second half', 'Sunday', 'the ball', 'season']) {
      expect(phrase(vocabulary, text), text).toBeUndefined();
    }
  });

  it('never makes a phrase of page furniture left in the bodies', () => {
    const vocabulary = buildVocabulary(COOKING);

    const furnitureWords = new Set(FURNITURE.flatMap((line) => phraseKey(line).split(' ')));
    const leaked = vocabulary.phrases.filter((p) => p.key.split(' ').some((word) => furnitureWords.has(word)));
    expect(leaked.map((p) => p.label)).toEqual([]);
  });

  it('never links on "China" alone, though it is a name in only one article', () => {
    const tea = article(7, 'The tea clippers',
      'China exported tea to Britain for two centuries. Merchants in China packed the tea into chests, and the clippers raced from China to London.',
      'The Cutty Sark, the fastest of the tea clippers, now stands in Greenwich.');

    const vocabulary = buildVocabulary([...COOKING, tea]);

    expect(phrase(vocabulary, 'China')).toBeUndefined();
    expect(linkedIds(vocabulary, 'tea clippers')).toEqual([7]);
  });

  it('leaves out a phrase found in every article of a small collection', () => {
    const articles = [
      article(1, 'Feeding a sourdough starter', 'Feed the sourdough starter daily. Gluten development needs time; autolyse helps.'),
      article(2, 'Shaping a boule', 'A sourdough starter at its peak makes the boule rise. Shape the boule with surface tension.'),
      article(3, 'Scoring loaves', 'Score the loaf made with sourdough starter using a lame, a razor on a handle, at a shallow angle.'),
    ];

    const vocabulary = buildVocabulary(articles);

    expect(phrase(vocabulary, 'sourdough starter')).toBeUndefined();
    expect(linkedIds(vocabulary, 'boule')).toEqual([2]);
  });

  it('gives an empty vocabulary for an empty collection', () => {
    expect(buildVocabulary([])).toEqual({ phrases: [] });
  });

  it('works on a collection of one article', () => {
    const vocabulary = buildVocabulary([COOKING[0]!]);

    expect(linkedIds(vocabulary, 'sourdough starter')).toEqual([1]);
    expect(linkedIds(vocabulary, 'Tartine Bakery')).toEqual([1]);
    expect(phrase(vocabulary, 'people')).toBeUndefined();
  });

  it('gives the same vocabulary for the same articles', () => {
    const articles = [...loadSeeds(), ...COOKING, ...FOOTBALL];

    const first = buildVocabulary(articles);
    const second = buildVocabulary(articles);

    expect(second).toEqual(first);
  });

  it('sorts phrases by score, then key, and links by weight within 0–1', () => {
    const vocabulary = buildVocabulary([...COOKING, ...FOOTBALL]);

    const order = vocabulary.phrases.map((p) => [-p.score, p.key] as const);
    expect(order).toEqual([...order].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0)));
    for (const p of vocabulary.phrases) {
      expect(p.key).toBe(phraseKey(p.label));
      expect(p.links.length).toBeGreaterThan(0);
      expect(p.links.every((link) => link.weight > 0 && link.weight <= 1)).toBe(true);
      expect(p.links.map((link) => link.weight)).toEqual([...p.links.map((link) => link.weight)].sort((a, b) => b - a));
    }
  });

  it('mines the distinctive words of a Chinese article', () => {
    const vocabulary = buildVocabulary([PANDA_ZH, WALL_ZH, COOKING[0]!]);

    expect(linkedIds(vocabulary, '大熊猫')).toEqual([21]);
    expect(phrase(vocabulary, '大熊猫')?.label).toBe('大熊猫');
    expect(phrase(vocabulary, '的')).toBeUndefined();
    expect(phrase(vocabulary, '中国')).toBeUndefined();
  });

  it('respects maxPhrases, minScore and maxArticleShare', () => {
    const articles = [...COOKING, ...FOOTBALL];

    const few = buildVocabulary(articles, { maxPhrases: 5 });
    const strong = buildVocabulary(articles, { minScore: 1 });
    const strict = buildVocabulary(articles, { maxArticleShare: 0.1 });

    expect(few.phrases).toHaveLength(5);
    expect(few.phrases).toEqual(buildVocabulary(articles).phrases.slice(0, 5));
    expect(strong.phrases.every((p) => p.score >= 1)).toBe(true);
    expect(strict.phrases.every((p) => p.links.length <= 1)).toBe(true);
  });

  it('rejects options that make no sense, saying which', () => {
    expect(() => buildVocabulary([], { maxArticleShare: 2 })).toThrow(/maxArticleShare/);
    expect(() => buildVocabulary([], { maxPhrases: -1 })).toThrow(/maxPhrases/);
  });

  it('completes on 2,000 generated articles and keeps to maxPhrases', () => {
    const articles = generateArticles(2000, 0xc0ffee);

    const vocabulary = buildVocabulary(articles, { maxPhrases: 300 });

    expect(vocabulary.phrases).toHaveLength(300);
    expect(new Set(vocabulary.phrases.map((p) => p.key)).size).toBe(300);
    expect(vocabulary.phrases.every((p) => p.links.length <= 50)).toBe(true);
  });
});

describe('PhraseCounter', () => {
  it('stays within its size while keeping a phrase that keeps coming back', () => {
    const counter = new PhraseCounter(5, 100);
    const seen = (spelling: string): ArticlePhrase => ({
      words: 1, count: 1, inTitle: false, cut: 0, free: 1, span: 0, spanInitial: 0, spelling, quality: 2,
    });
    let largest = 0;

    for (let id = 1; id <= 300; id++) {
      const phrases = new Map(Array.from({ length: 20 }, (_, i) => [`once${id}x${i}`, seen(`once${id}x${i}`)]));
      if (id % 3 === 0) phrases.set('recurring', seen('recurring'));
      counter.add(id, phrases);
      largest = Math.max(largest, [...counter.values()].length);
    }

    expect(largest).toBeLessThanOrEqual(100);
    expect(counter.get('recurring')?.articles).toBeGreaterThan(90);
    expect(counter.get('recurring')?.postings).toHaveLength(10);
  });
});

/** Articles of 150–400 words drawn from small word pools: topics, names and filler, seeded. */
function generateArticles(count: number, seed: number): VocabularySource[] {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const topics = Array.from({ length: 200 }, (_, i) => `${syllables(random, 3)} ${syllables(random, 2)}`.replace(/^\w/, (c) => (i % 3 === 0 ? c.toUpperCase() : c)));
  const filler = 'the people said that a new year was important and also the report showed more growth in the region while officials were meeting again today'.split(' ');
  return Array.from({ length: count }, (_, index) => {
    const own = [pick(topics), pick(topics), pick(topics)];
    const sentences: string[] = [];
    for (let words = 0, length = 150 + Math.floor(random() * 250); words < length; words += 12) {
      const parts = Array.from({ length: 10 }, () => pick(filler));
      parts.splice(Math.floor(random() * 10), 0, pick(own));
      sentences.push(`${parts.join(' ').replace(/^\w/, (c) => c.toUpperCase())}.`);
    }
    return { id: index + 1, title: `${own[0]} and ${own[1]}`, body: sentences.join(' ') };
  });
}

function syllables(random: () => number, count: number): string {
  const consonants = 'bdfgklmnprstvz';
  const vowels = 'aeiou';
  let word = '';
  for (let i = 0; i < count; i++) {
    word += consonants[Math.floor(random() * consonants.length)]! + vowels[Math.floor(random() * vowels.length)]!;
  }
  return word;
}


