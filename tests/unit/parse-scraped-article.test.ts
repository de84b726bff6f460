import { describe, expect, it } from 'vitest';
import { classifyBoilerplate } from '../../lib/shared/text/classify-boilerplate.ts';
import { detectLanguage } from '../../lib/shared/text/detect-language.ts';
import { extractDate } from '../../lib/shared/text/extract-date.ts';
import { ParseError } from '../../lib/shared/text/parse-error.ts';
import { parseScrapedArticle } from '../../lib/shared/text/parse-scraped-article.ts';

// Made-up articles: invented publications, people and sentences, shaped like pages copied from
// news sites.
const FERRY = 'The harbour authority confirmed on Tuesday that the night ferry will resume service next month.';
const FERRY_2 = 'Officials said the repaired hull passed two inspections and the crew has completed new safety drills.';
const FERRY_3 = 'Residents of the outer islands had relied on a slower cargo boat since the ferry was withdrawn in January.';

function page(...lines: string[]): string {
  return lines.join('\n');
}

function paragraphs(body: string): string[] {
  return body.split('\n\n');
}

describe('parseScrapedArticle', () => {
  it('reads a "By" byline and a "Published:" date from the header', () => {
    const text = page('Night ferry to return to the outer islands', 'By Priya Natarajan', 'Published: March 5, 2024', '', FERRY, '', FERRY_2);

    const article = parseScrapedArticle(text);

    expect(article).toEqual({
      title: 'Night ferry to return to the outer islands',
      body: `${FERRY}\n\n${FERRY_2}`,
      author: 'Priya Natarajan',
      publishedAt: '2024-03-05',
      lang: 'en',
    });
  });

  it('takes a publication and a time from a header line that prints them side by side', () => {
    const text = page('Night ferry to return', 'Harbourside Post | Updated 14 June 2023 09:45', FERRY);

    const article = parseScrapedArticle(text);

    expect(article.source).toBe('Harbourside Post');
    expect(article.publishedAt).toBe('2023-06-14T09:45');
    expect(article.body).toBe(FERRY);
  });

  it('takes a labelled date off the front of the title line', () => {
    const text = page('Posted: 2022-11-09 Night ferry to return', '', FERRY);

    const article = parseScrapedArticle(text);

    expect(article.title).toBe('Night ferry to return');
    expect(article.publishedAt).toBe('2022-11-09');
  });

  it('parses text with CRLF line endings and a byte order mark like the same text with LF', () => {
    const lf = page('Night ferry to return', 'By Priya Natarajan', '', FERRY, '', FERRY_2);
    const crlf = `\uFEFF${lf.replaceAll('\n', '\r\n')}`;

    const article = parseScrapedArticle(crlf);

    expect(article).toEqual(parseScrapedArticle(lf));
    expect(article.title).toBe('Night ferry to return');
  });

  it('replaces non-breaking spaces, removes zero-width spaces and collapses runs of blank lines', () => {
    const text = page('Night\u00a0ferry to\u200b return  ', '', '', '', `  ${FERRY}`, '', '', FERRY_2);

    const article = parseScrapedArticle(text);

    expect(article.title).toBe('Night ferry to return');
    expect(article.body).toBe(`${FERRY}\n\n${FERRY_2}`);
  });

  it('joins a paragraph that was copied with hard line wraps', () => {
    const text = page('Night ferry to return', '', 'The harbour authority confirmed on Tuesday that the night', 'ferry will resume service next month.');

    const article = parseScrapedArticle(text);

    expect(article.body).toBe(FERRY);
  });

  it('drops buttons and widget labels wherever they are', () => {
    const text = page('Night ferry to return', 'Share this article', FERRY, 'Sign up for our newsletter', FERRY_2, 'Comments (12)', FERRY_3, 'Back to top');

    const article = parseScrapedArticle(text);

    expect(paragraphs(article.body)).toEqual([FERRY, FERRY_2, FERRY_3]);
  });

  it('drops reading-time widgets and keeps a bulleted summary without its bullet', () => {
    const text = page('Night ferry to return', '• Service resumes in April after repairs', '5 min read', 'Estimated reading time: 4 minutes', FERRY);

    const article = parseScrapedArticle(text);

    expect(paragraphs(article.body)).toEqual(['Service resumes in April after repairs', FERRY]);
  });

  it('drops bracketed cross-references to other articles', () => {
    const text = page('Night ferry to return', FERRY, '(See also: Island schools reopen after storm)', FERRY_2, '[Read more: Harbour budget approved]', FERRY_3);

    const article = parseScrapedArticle(text);

    expect(paragraphs(article.body)).toEqual([FERRY, FERRY_2, FERRY_3]);
  });

  it('keeps a sentence that starts like a link', () => {
    const sentence = 'Read more about the treaty in our explainer below, which covers the history.';
    const text = page('Night ferry to return', FERRY, sentence, FERRY_2);

    const article = parseScrapedArticle(text);

    expect(paragraphs(article.body)).toEqual([FERRY, sentence, FERRY_2]);
  });

  it('keeps a sentence that reports copying, which is not a reprint notice', () => {
    const sentence = 'The court found that the photographs were reproduced without permission from the agency.';
    const text = page('Night ferry to return', FERRY, sentence);

    const article = parseScrapedArticle(text);

    expect(paragraphs(article.body)).toEqual([FERRY, sentence]);
  });

  it('keeps a short section heading in the middle of the body', () => {
    const text = page('Night ferry to return', '', FERRY, '', 'What Happens Next', '', FERRY_2, '', FERRY_3);

    const article = parseScrapedArticle(text);

    expect(paragraphs(article.body)).toEqual([FERRY, 'What Happens Next', FERRY_2, FERRY_3]);
  });

  it('cuts a "You may also like" list of links and everything after it', () => {
    const text = page(
      'Night ferry to return', FERRY, FERRY_2,
      'You may also like', 'Island schools reopen after storm', 'Harbour budget approved by council', 'Log in', 'Forgot password?',
    );

    const article = parseScrapedArticle(text);

    expect(paragraphs(article.body)).toEqual([FERRY, FERRY_2]);
  });

  it('keeps a "Latest …" heading that is followed by paragraphs', () => {
    const text = page('Night ferry to return', FERRY, 'Latest passenger figures', FERRY_2);

    const article = parseScrapedArticle(text);

    expect(paragraphs(article.body)).toEqual([FERRY, 'Latest passenger figures', FERRY_2]);
  });

  it('drops a copyright footer and takes the publication it names as the source', () => {
    const text = page('Night ferry to return', FERRY, FERRY_2, '© 2024 The Lakeside Courier. All rights reserved.');

    const article = parseScrapedArticle(text);

    expect(article.body).toBe(`${FERRY}\n\n${FERRY_2}`);
    expect(article.source).toBe('The Lakeside Courier');
  });

  it('drops disclaimers, reprint notices, credits and tag lists', () => {
    const text = page(
      'Night ferry to return', FERRY, FERRY_2,
      'The views expressed in this column are the author’s own and do not necessarily reflect those of Northwind Review.',
      'This article may not be reprinted or redistributed without written permission.',
      'Editor: Lin Hao',
      'Tags: ferries, islands, transport',
    );

    const article = parseScrapedArticle(text);

    expect(article.body).toBe(`${FERRY}\n\n${FERRY_2}`);
    expect(article.source).toBe('Northwind Review');
  });

  it('trims a reprint notice and keyword list glued to the end of paragraphs', () => {
    const text = page(
      'Night ferry to return',
      `${FERRY} Keywords: ferry, outer islands, harbour.`,
      `${FERRY_2} (Copyright Meridian Wire. Reproduction without permission is prohibited.) Desk editor/Ana Ruiz`,
    );

    const article = parseScrapedArticle(text);

    expect(paragraphs(article.body)).toEqual([FERRY, FERRY_2]);
  });

  it('takes a name signed below the last paragraph as the author and drops the page chrome after it', () => {
    const text = page('Night ferry to return', FERRY, FERRY_2, 'Tomasz Kowalczyk', 'Tomasz Kowalczyk', 'Leave a comment', 'Print');

    const article = parseScrapedArticle(text);

    expect(article.author).toBe('Tomasz Kowalczyk');
    expect(article.body).toBe(`${FERRY}\n\n${FERRY_2}`);
  });

  it('keeps a list at the end that a sentence introduces', () => {
    const text = page('Night ferry to return', FERRY, 'The repairs covered three parts:', '• The hull', '• The engines', 'Share');

    const article = parseScrapedArticle(text);

    expect(paragraphs(article.body)).toEqual([FERRY, 'The repairs covered three parts:', '• The hull', '• The engines']);
  });

  it('takes an agency named in a byline as the source', () => {
    const text = page('Night ferry to return', 'By Meridian Wire', FERRY);

    const article = parseScrapedArticle(text);

    expect(article).toMatchObject({ source: 'Meridian Wire', body: FERRY });
    expect(article.author).toBeUndefined();
  });

  it('does not extract impossible dates, and drops their labelled line', () => {
    const text = page('Night ferry to return', 'Published: 2024-02-30', 'Updated: 13/45/2024', FERRY);

    const article = parseScrapedArticle(text);

    expect(article.publishedAt).toBeUndefined();
    expect(article.body).toBe(FERRY);
  });

  it('does not take a year inside a sentence for the publication date', () => {
    const text = page('Night ferry to return', 'The 2021 timetable will be restored in full, the harbour authority said on Tuesday.');

    const article = parseScrapedArticle(text);

    expect(article.publishedAt).toBeUndefined();
  });

  it('keeps the title and body of a Chinese article and tags it zh', () => {
    const body = '港务局周二证实，夜间渡轮将于下月恢复运营。官员表示，修复后的船体已通过两次检查。';
    const text = page('夜间渡轮下月恢复运营', '', body);

    const article = parseScrapedArticle(text);

    expect(article).toEqual({ title: '夜间渡轮下月恢复运营', body, lang: 'zh' });
  });

  it('leaves the language out when it cannot tell it', () => {
    const text = page('Le ferry de nuit reprendra le mois prochain', "L'autorité portuaire a confirmé mardi que le ferry de nuit reprendra son service le mois prochain.");

    const article = parseScrapedArticle(text);

    expect(article.lang).toBeUndefined();
  });

  it('throws a ParseError that says the text is empty for empty or blank input', () => {
    const inputs = ['', '  \n\t\r\n \u00a0 '];

    const errors = inputs.map((input) => catchError(() => parseScrapedArticle(input)));

    for (const error of errors) {
      expect(error).toBeInstanceOf(ParseError);
      expect(error).toMatchObject({ name: 'ParseError', message: expect.stringMatching(/text is empty/) });
    }
  });

  it('throws a ParseError that says there is no body when only a title was copied', () => {
    const error = catchError(() => parseScrapedArticle('Night ferry to return\nRead more\nShare'));

    expect(error).toBeInstanceOf(ParseError);
    expect((error as Error).message).toContain('"Night ferry to return" has a title but no body');
  });
});

describe('extractDate', () => {
  it('reads the common ways pages print a date and a time', () => {
    const lines = ['2024-04-03', 'Seetao 2024-04-03 15:30', '2024/4/3', 'April 3, 2024', 'Apr. 3rd, 2024 at 3:30 pm', '3 April 2024', '2024-04-03T15:30:00+08:00', '2024年4月3日 08:05'];

    const found = lines.map((line) => extractDate(line)?.iso);

    expect(found).toEqual(['2024-04-03', '2024-04-03T15:30', '2024-04-03', '2024-04-03', '2024-04-03T15:30', '2024-04-03', '2024-04-03T15:30', '2024-04-03T08:05']);
  });

  it('rejects impossible and ambiguous dates', () => {
    const lines = ['2024-13-01', 'February 30, 2023', '2023-02-29', '31 April 2024', '03/04/2024', 'in 2021'];

    const found = lines.map((line) => extractDate(line));

    expect(found).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it('accepts 29 February in a leap year and keeps the date when the time is impossible', () => {
    expect(extractDate('2024-02-29')?.iso).toBe('2024-02-29');
    expect(extractDate('2024-02-29 25:70')?.iso).toBe('2024-02-29');
  });
});

describe('classifyBoilerplate', () => {
  it('tells each kind of page furniture apart and leaves text alone', () => {
    const lines = ['Scroll to Top', '6 Minute', '(Also Read: Harbour budget approved)', 'Source: Meridian Wire', 'Keywords: rail, ports', 'The Road Ahead', FERRY];

    const kinds = lines.map((line) => classifyBoilerplate(line));

    expect(kinds).toEqual(['navigation', 'reading-time', 'cross-reference', 'notice', 'tag-list', undefined, undefined]);
  });
});

describe('detectLanguage', () => {
  it('tells English and Chinese and nothing else', () => {
    const texts = [FERRY, '港务局周二证实，夜间渡轮将于下月恢复运营。', 'Die Fähre fährt ab nächsten Monat wieder in der Nacht.', '夜間フェリーは来月運航を再開します。'];

    const languages = texts.map((text) => detectLanguage(text));

    expect(languages).toEqual(['en', 'zh', undefined, undefined]);
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}
