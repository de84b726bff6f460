import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyBoilerplate } from '../../lib/shared/text/classify-boilerplate.ts';
import { parseScrapedArticle } from '../../lib/shared/text/parse-scraped-article.ts';
import type { ParsedArticle } from '../../lib/protocol.ts';

const SEEDS = new URL('../../seeds/', import.meta.url);

interface Expected {
  /** Every field but the body, exactly. */
  fields: Omit<ParsedArticle, 'body'>;
  firstParagraph: string;
  lastParagraph: string;
  /** Page furniture of this seed that must be gone from the body. */
  notInBody: string[];
}

// What a reader expects from each seed, field by field. A seed without an entry fails the test.
const EXPECTED: Record<string, Expected> = {
  '000_0d9f301f918ae73a.txt': {
    fields: {
      title: 'China Vows to Enhance Global Communication and Cooperation in Information Infrastructure',
      publishedAt: '2023-12-28',
      lang: 'en',
    },
    firstParagraph: 'China, a country known for its leadership diplomacy and stability in an often turbulent global arena, has announced its commitment to enhancing global communication and cooperation in the realm of information infrastructure. The representative for China, Mao Ning, affirmed this commitment during a recent international conference.',
    lastParagraph: 'This initiative is not just about enhancing infrastructure; it is about supporting the interconnectedness and digital growth of the international community. Given the increasing reliance of global economies on digital platforms, such efforts can significantly influence international telecommunications and digital economy sectors. China’s involvement in developing global information infrastructure thus reflects its broader strategy to extend its influence in these vital sectors.',
    notInBody: ['Also Read', 'Read More', 'date 2023-12-28'],
  },
  '001_53e130117959702c.txt': {
    fields: {
      title: 'Deepen connectivity cooperation along the the Belt and Road',
      source: 'Seetao',
      publishedAt: '2024-04-03T15:30',
      lang: 'en',
    },
    firstParagraph: 'This project will help promote the development of local green energy industry',
    lastParagraph: 'With the continuous progress of technology and the expansion of innovative applications to more fields and industries, we will face more opportunities and challenges in the future. We need to further strengthen international cooperation and exchanges to explore solutions and development paths that meet the requirements of the times, in order to achieve mutual benefit and sustainable development goals.',
    notInBody: ['Seetao 2024', '•', 'Reading this article requires', '6 Minute', 'Keywords:', 'Reproduction without permission', 'editor/', 'Related articles', 'Liu Jianchao', 'Retrieve password', 'verification code'],
  },
  '002_d00d3e85f83181ff.txt': {
    fields: {
      title: 'Chinese President’s Call for Unity: Tackling AI Challenges and Cyber Development Together',
      author: 'Martin Reid',
      lang: 'en',
    },
    firstParagraph: '"Chinese President Xi Jinping Calls for Enhanced International Collaboration to Foster a Global Cyber Community"',
    lastParagraph: 'Xi’s speech at the conference serves as a reminder that the challenges and opportunities presented by the digital age are global in nature. It is a call to action for nations to come together and build a community with a shared future in cyberspace. By deepening exchanges and cooperation, we can advance towards a more inclusive, secure, and prosperous digital world.',
    notInBody: ['Martin Reid', 'Leave a Replay', 'Scroll to Top'],
  },
  '003_3ba24d5e6d96275d.txt': {
    fields: {
      title: 'China takes responsible approach in global cyberspace governance',
      source: 'Qiushi Journal',
      lang: 'en',
    },
    firstParagraph: 'HANGZHOU -- As the digital age has brought extensive and profound impacts on human society, China has taken a responsible approach to promote global governance in cyberspace, making cyberspace better benefit humanity.',
    lastParagraph: 'Internet development has no boundaries. China is set to work with the international community to enhance digital government efficiency and create a better future for all countries.',
    notInBody: ['necessarily reflect', 'Qiushi Journal'],
  },
  '004_3a28d0e399336300.txt': {
    fields: {
      title: 'China pushes forward the agenda of technological prosperity',
      author: 'Muhammad Zamir Assadi',
      lang: 'en',
    },
    firstParagraph: 'The speech delivered by President Xi Jinping through a congratulatory letter have a great practicality and significance regarding the current challenges of technological progress around the globe.',
    lastParagraph: 'The joint working collaboration and mechanisms with the theme of connectivity will lead to the developed and secure cyber world and with the leading and facilitated role of China, the path of digital autonomy may be gained smoothly in the near future.',
    notInBody: ['Muhammad Zamir Assadi'],
  },
};

const seedFiles = readdirSync(SEEDS).filter((name) => name.endsWith('.txt')).sort();

function parseSeed(fileName: string): ParsedArticle {
  return parseScrapedArticle(readFileSync(new URL(fileName, SEEDS), 'utf8'));
}

describe('parseScrapedArticle on the seeds', () => {
  it('has an expectation for every seed file and a seed file for every expectation', () => {
    expect(seedFiles).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(seedFiles)('reads every field of %s as a reader expects', (fileName) => {
    const { fields, firstParagraph, lastParagraph } = EXPECTED[fileName] ?? fail(fileName);

    const { body, ...article } = parseSeed(fileName);
    const paragraphs = body.split('\n\n');

    expect(article).toStrictEqual(fields);
    expect(paragraphs[0]).toBe(firstParagraph);
    expect(paragraphs.at(-1)).toBe(lastParagraph);
  });

  it.each(seedFiles)('leaves no boilerplate in the body of %s', (fileName) => {
    const { notInBody } = EXPECTED[fileName] ?? fail(fileName);

    const { body } = parseSeed(fileName);
    const paragraphs = body.split('\n\n');

    expect(paragraphs.filter((paragraph) => classifyBoilerplate(paragraph) !== undefined)).toEqual([]);
    expect(paragraphs.filter((paragraph) => paragraph.trim() !== paragraph || paragraph === '')).toEqual([]);
    expect(notInBody.filter((fragment) => body.includes(fragment))).toEqual([]);
  });

  it('keeps the section headings of 000 as paragraphs of their own', () => {
    const { body } = parseSeed('000_0d9f301f918ae73a.txt');

    expect(body.split('\n\n')).toEqual(
      expect.arrayContaining([
        'China’s Role in Global Infrastructure Development',
        'Contributing to International Information Infrastructure',
        'Implications for Global Interconnectedness and Digital Growth',
      ]),
    );
  });
});

function fail(fileName: string): never {
  throw new Error(`seeds.test: no expectation for ${fileName}`);
}
