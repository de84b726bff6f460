import { mulberry32, randomInt, type Random } from '../../bench/prng.ts';
import { MAX_BACKUP_BYTES, MAX_FILE_BYTES } from '../../lib/shared/import/limits.ts';
import { binaryFiles, emptyFiles, encodings } from './byte-cases.ts';
import { ARTICLE_TXT, BODY, BODY_2, type CorpusFile, entry, type UnreadableFile } from './corpus-entry.ts';
import { makePdf } from './make-pdf.ts';
import { memoryFile } from './memory-file.ts';

export type { CorpusFile } from './corpus-entry.ts';

/**
 * Builds the bad-input corpus in memory: deterministic (seeded), nothing written to disk, large
 * files synthetic (a size, and bytes made only if asked for). Each entry says what
 * `readImportFile` must make of it.
 */
export async function makeCorpus(seed = 20240403): Promise<CorpusFile[]> {
  const random = mulberry32(seed);
  return [
    ...baseline(),
    ...truncatedJson(random),
    ...invalidJson(),
    ...truncatedCsv(random),
    ...badCsv(),
    ...jsonLines(random),
    ...binaryFiles(random),
    ...encodings(),
    ...emptyFiles(),
    ...hugeFiles(),
    ...hostileHtml(),
    ...duplicates(),
    ...prototypePayloads(),
    ...(await pdfs()),
    ...markdown(),
    ...weirdNames(),
  ];
}

const jsonArticle = (index: number) => ({ title: `Article ${index}`, body: `${BODY} (${index})`, date: '2024-04-03', tags: ['ferry'] });

function baseline(): CorpusFile[] {
  const three = [1, 2, 3].map(jsonArticle);
  return [
    entry('ferry.txt', ARTICLE_TXT, 'articles', 'plain text article with metadata lines', 1),
    entry('one-line.txt', 'Buy rope for the boat', 'articles', 'one-line text file, titled by its name', 1),
    entry('ferry.md', `# Night ferry\n\n${BODY}\n\n- item one\n- item two\n`, 'articles', 'markdown without front matter', 1),
    entry('ferry-fm.md', `---\ntitle: Night ferry\ndate: 2024-04-03\ntags: [ferry]\n---\n\n${BODY}\n`, 'articles', 'markdown with front matter', 1),
    entry('ferry.html', `<!doctype html><html><head><title>Night ferry</title></head><body><article><p>${BODY}</p><p>${BODY_2}</p></article></body></html>`, 'articles', 'saved web page', 1),
    entry('list.json', JSON.stringify(three), 'articles', 'JSON list of articles', 3),
    entry('one.json', JSON.stringify(jsonArticle(1)), 'articles', 'JSON single article', 1),
    entry('wrapped.json', JSON.stringify({ articles: three }), 'articles', 'JSON object with an articles list', 3),
    entry('pretty.json', JSON.stringify(three, null, 2), 'articles', 'pretty-printed JSON', 3),
    entry('lines.jsonl', three.map((a) => JSON.stringify(a)).join('\n'), 'articles', 'JSON Lines', 3),
    entry('rows.csv', `title,body\n"A","${BODY}"\n"B","${BODY_2}"\n`, 'articles', 'CSV with title and body', 2),
    entry('rows.tsv', `title\tbody\nA\t${BODY}\nB\t${BODY_2}\n`, 'articles', 'TSV', 2),
    entry('backup.json', JSON.stringify({ format: 'cairn-backup', version: 1, articles: [] }), 'backup', 'Cairn backup'),
    entry('spaced-backup.json', `  \n{ "format" :\n "cairn-backup", "articles": [] }`, 'backup', 'Cairn backup with whitespace'),
  ];
}

/** A compact and a pretty-printed list, cut at seeded positions: never valid JSON, never half-imported. */
function truncatedJson(random: Random): CorpusFile[] {
  const files: CorpusFile[] = [];
  for (const [style, text] of [['compact', JSON.stringify([1, 2, 3].map(jsonArticle))], ['pretty', JSON.stringify([1, 2, 3].map(jsonArticle), null, 2)]] as const) {
    const cuts = new Set([1, 2, text.length - 1, text.length - 2]);
    while (cuts.size < 16) cuts.add(randomInt(random, 1, text.length - 1));
    for (const cut of [...cuts].sort((a, b) => a - b)) {
      const prefix = text.slice(0, cut);
      files.push(entry(`cut-${style}-${cut}.json`, prefix, prefix.trim() === '' ? 'skipped' : 'failed', `${style} JSON cut at ${cut} of ${text.length}`));
    }
  }
  return files;
}

function invalidJson(): CorpusFile[] {
  const cases: [string, string][] = [
    ['trailing-comma', `[{"title":"A","body":"${BODY}"},]`],
    ['single-quotes', `[{'title':'A','body':'${BODY}'}]`],
    ['comments', `// export\n[{"title":"A","body":"${BODY}"}]`],
    ['unquoted-keys', `[{title:"A",body:"${BODY}"}]`],
    ['nan', `[{"title":"A","body":"${BODY}","n":NaN}]`],
    ['raw-newline', `[{"title":"A","body":"line one\nline two"}]`],
    ['bad-escape', `[{"title":"A","body":"\\x41"}]`],
    ['two-documents', `{"title":"A","body":"${BODY}"} {"title":"B"}`],
    ['deep-nesting', `${'['.repeat(100_000)}${']'.repeat(99_999)}`],
    ['garbage', 'this is not json at all'],
  ];
  return [
    ...cases.map(([name, text]) => entry(`${name}.json`, text, 'failed', `invalid JSON: ${name}`)),
    entry('no-text.json', '[{"title":"A"},{"title":"B"}]', 'skipped', 'JSON objects without a text field'),
    entry('scalar.json', '"just a string"', 'skipped', 'JSON holding a string'),
    entry('empty-list.json', '[]', 'skipped', 'empty JSON list'),
    entry('mixed.json', JSON.stringify([jsonArticle(1), 42, null, { title: 'no text' }, jsonArticle(2)]), 'articles', 'JSON list with non-articles among articles', 2),
    entry('deep-valid.json', `${'['.repeat(5000)}${']'.repeat(5000)}`, 'skipped', 'deeply nested but valid JSON with no objects'),
  ];
}

/**
 * A CSV whose data rows are all quoted, cut at seeded positions inside the rows. What each cut
 * must give follows the reader's rules: a cut inside quotes is an unclosed quote (that row and the
 * rest are left out, the rows before it import; failed when there are none); a cut
 * after a row's title leaves a one-field row (left out); after its comma, a row with empty text
 * (left out); complete rows import.
 */
function truncatedCsv(random: Random): CorpusFile[] {
  const header = 'title,body\n';
  const rows = [1, 2, 3, 4].map((i) => [`"Title ${i}"`, `,"${BODY}, part ${i}.\n\nSecond paragraph, ${i}."`, '\n']);
  const text = header + rows.map((parts) => parts.join('')).join('');
  const files: CorpusFile[] = [];
  const cuts = new Set<number>();
  while (cuts.size < 30) cuts.add(randomInt(random, header.length, text.length));
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    let at = header.length;
    let complete = 0;
    let expected: Pick<CorpusFile, 'expect' | 'articles'> | undefined;
    for (const [title = '', body = '', end = ''] of rows) {
      const offset = cut - at;
      if (offset <= 0) break;
      // A cut inside quotes is an unclosed quote: that row is left out, the rows before it import.
      const unclosed = complete === 0 ? { expect: 'failed' as const } : { expect: 'articles' as const, articles: complete };
      if (offset < title.length) expected = unclosed;
      else if (offset === title.length) expected = complete === 0 ? { expect: 'failed' } : { expect: 'articles', articles: complete };
      else if (offset === title.length + 1) expected = complete === 0 ? { expect: 'skipped' } : { expect: 'articles', articles: complete };
      else if (offset < title.length + body.length) expected = unclosed;
      if (expected !== undefined) break;
      complete += 1;
      at += title.length + body.length + end.length;
    }
    expected ??= complete === 0 ? { expect: 'skipped' } : { expect: 'articles', articles: complete };
    files.push({ file: memoryFile(`cut-${cut}.csv`, text.slice(0, cut)), note: `quoted CSV cut at ${cut} of ${text.length}`, ...expected });
  }
  files.push(
    entry('cut-header-1.csv', 'tit', 'choose-columns', 'CSV cut inside the header'),
    entry('cut-header-2.csv', 'title,bo', 'choose-columns', 'CSV cut inside the body header'),
    entry('cut-header-3.csv', 'title,body', 'skipped', 'CSV with a header and no rows'),
  );
  return files;
}

function badCsv(): CorpusFile[] {
  return [
    entry('unclosed.csv', `title,body\nA,${BODY}\nB,"never closed\nC,more`, 'articles', 'CSV with an unclosed quote after a good row', 1),
    entry('unclosed-first.csv', `title,body\nB,"never closed\nC,${BODY}`, 'failed', 'CSV whose first row has an unclosed quote'),
    entry('stray-then-good.csv', `title,body\nA,"a ""fine"" row"\nB,"bad "quote" here"\nC,"${BODY}"\nD,${BODY}`, 'articles', 'CSV with a stray quote between good rows', 3),
    entry('stray-quote.csv', `title,body\nA,"bad"quote\nB,${BODY}`, 'failed', 'CSV with a stray quote that opens a field never closed'),
    entry('ragged.csv', `title,body,url\nA,${BODY},https://example.org\nB,short\nC,${BODY},https://example.org,extra`, 'articles', 'CSV with rows of the wrong width', 1),
    entry('all-ragged.csv', 'title,body,url\nA,b\nC,d', 'failed', 'CSV in which no row fits the header'),
    entry('no-body-column.csv', `heading,notes\nA,${BODY}`, 'choose-columns', 'CSV without a recognisable text column'),
    entry('one-column.csv', 'title\nA\nB', 'choose-columns', 'CSV with a title column only'),
    entry('semicolons.csv', `Title;Text\nA;${BODY}\nB;${BODY_2}`, 'articles', 'semicolon-separated CSV', 2),
    entry('empty-bodies.csv', 'title,body\nA,\nB,  \n', 'skipped', 'CSV whose rows have no text'),
    entry('crlf.csv', `title,body\r\nA,"${BODY}"\r\nB,"${BODY_2}"\r\n`, 'articles', 'CSV with Windows line endings', 2),
  ];
}

function jsonLines(random: Random): CorpusFile[] {
  const files: CorpusFile[] = [];
  for (let n = 0; n < 12; n += 1) {
    const lines: string[] = [];
    let good = 0;
    for (let i = 0; i < 8; i += 1) {
      const line = JSON.stringify(jsonArticle(i));
      const roll = random();
      if (roll < 0.25) lines.push(line.slice(0, randomInt(random, 1, line.length - 1)));
      else if (roll < 0.35) lines.push('');
      else if (roll < 0.45) lines.push('[1, 2, 3]');
      else if (roll < 0.5) lines.push('{"title": "no text here"}');
      else {
        lines.push(line);
        good += 1;
      }
    }
    const text = lines.join(n % 2 === 0 ? '\n' : '\r\n');
    const hasValidLine = lines.some((line) => line.startsWith('[') || line.startsWith('{"title": "no'));
    const expected = good > 0 ? 'articles' : hasValidLine ? 'skipped' : text.trim() === '' ? 'skipped' : 'failed';
    files.push(entry(`mixed-${n}.jsonl`, text, expected, `JSON Lines with ${8 - good} bad or empty lines`, good > 0 ? good : undefined));
  }
  files.push(
    entry('all-bad.jsonl', 'not json\n{"cut": \n', 'failed', 'JSON Lines without a valid line'),
    entry('pretty.ndjson', JSON.stringify([jsonArticle(1)], null, 2), 'articles', 'pretty-printed JSON named .ndjson, read as JSON', 1),
  );
  return files;
}

/** A synthetic file of `size` bytes; its bytes are made only if asked for, and asking is counted. */
function syntheticFile(name: string, size: number, head: string, fill?: number): UnreadableFile {
  let reads = 0;
  return {
    name,
    size,
    get reads() {
      return reads;
    },
    bytes: async () => {
      reads += 1;
      return fill === undefined ? new Uint8Array() : new Uint8Array(size).fill(fill);
    },
    head: async (count) => new TextEncoder().encode(head).slice(0, count),
  };
}

function hugeFiles(): CorpusFile[] {
  return [
    { file: syntheticFile('one-long-line.txt', MAX_FILE_BYTES, 'aaaa', 0x61), expect: 'skipped', note: 'a single 50 MB line: read, then too long for an article' },
    { file: syntheticFile('huge.txt', 200 * 1024 * 1024, 'Title'), expect: 'skipped', note: '200 MB text file: refused unread' },
    { file: syntheticFile('huge.json', MAX_FILE_BYTES + 1, '[{"title":'), expect: 'skipped', note: 'one byte over 50 MB: refused unread' },
    { file: syntheticFile('huge-backup.json', MAX_BACKUP_BYTES + 1, '{"format":"cairn-backup"'), expect: 'skipped', note: 'backup over 1 GB: refused unread' },
  ];
}

function hostileHtml(): CorpusFile[] {
  const page = (inner: string) => `<!doctype html><html><head><title>Harbour news</title></head><body><article><p>${BODY}</p>${inner}<p>${BODY_2}</p></article></body></html>`;
  const cases: [string, string][] = [
    ['script', '<script>globalThis.cairnCorpusRan = true</script>'],
    ['img-onerror', '<img src="x" onerror="globalThis.cairnCorpusRan = true">'],
    ['svg-onload', '<svg onload="globalThis.cairnCorpusRan = true"><script>globalThis.cairnCorpusRan = true</script></svg>'],
    ['javascript-link', '<p><a href="javascript:globalThis.cairnCorpusRan=true">A link</a> in text.</p>'],
    ['iframe', '<iframe src="javascript:globalThis.cairnCorpusRan=true" srcdoc="<script>parent.cairnCorpusRan=true</script>"></iframe>'],
    ['body-onload', '</article></body><body onload="globalThis.cairnCorpusRan = true"><article>'],
    ['style-expression', '<style>p { background: url(javascript:alert(1)) }</style><p style="x: expression(alert(1))">Styled paragraph.</p>'],
    ['meta-refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
    ['form', '<form action="javascript:alert(1)"><input value="x" onfocus="alert(1)" autofocus><button>Go</button></form>'],
    ['template-noscript', '<template><script>alert(1)</script></template><noscript><img src=x onerror=alert(1)></noscript>'],
    ['object-embed', '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">'],
    ['mutation-xss', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>'],
  ];
  return [
    ...cases.map(([name, inner]) => entry(`${name}.html`, page(inner), 'articles', `HTML with ${name}`, 1)),
    entry('scripts-only.html', '<html><head><script>alert(1)</script></head><body><script>alert(2)</script></body></html>', 'skipped', 'HTML with nothing but scripts'),
  ];
}

function duplicates(): CorpusFile[] {
  const json = JSON.stringify([jsonArticle(1), jsonArticle(2)]);
  return [
    entry('copy-a.txt', ARTICLE_TXT, 'articles', 'duplicate text file (first)', 1),
    entry('copy-b.txt', ARTICLE_TXT, 'articles', 'duplicate text file (second name)', 1),
    entry('Copy of copy-a.TXT', ARTICLE_TXT, 'articles', 'duplicate text file (third name)', 1),
    entry('export.json', json, 'articles', 'duplicate JSON (first)', 2),
    entry('export (1).json', json, 'articles', 'duplicate JSON (second name)', 2),
    entry('same-article-twice.json', JSON.stringify([jsonArticle(1), jsonArticle(1)]), 'articles', 'the same article twice in one file', 2),
  ];
}

function prototypePayloads(): CorpusFile[] {
  const poison = '"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}, "prototype": {"polluted": "yes"}';
  return [
    entry('proto.json', `[{${poison}, "title": "A", "body": "${BODY}"}]`, 'articles', '__proto__ keys in a JSON list', 1),
    entry('proto-object.json', `{${poison}, "title": "A", "body": "${BODY}"}`, 'articles', '__proto__ keys in a JSON object', 1),
    entry('proto-wrapper.json', `{${poison}, "articles": [{"title": "A", "body": "${BODY}", "__proto__": {"title": "x"}}]}`, 'articles', '__proto__ next to an articles list', 1),
    entry('proto-only.json', `{${poison}}`, 'skipped', 'only __proto__ keys'),
    entry('proto.jsonl', `{${poison}, "title": "A", "body": "${BODY}"}\n{"__proto__": {"body": "from proto"}}`, 'articles', '__proto__ keys in JSON Lines', 1),
    entry('proto.csv', `__proto__,constructor,prototype,title,body\n{"polluted":1},x,y,A,"${BODY}"`, 'articles', '__proto__ column headers', 1),
    entry('proto-body.csv', `title,__proto__\nA,"${BODY}"`, 'choose-columns', 'a __proto__ column is not a text column'),
    entry('proto.md', `---\n__proto__:\n  polluted: yes\nconstructor:\n  prototype:\n    polluted: yes\ntitle: A\n---\n\n${BODY}`, 'articles', '__proto__ keys in front matter', 1),
    entry('anchors.md', `---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ntitle: A\n---\n\n${BODY}`, 'articles', 'YAML alias bomb in front matter', 1),
  ];
}

async function pdfs(): Promise<CorpusFile[]> {
  const valid = await makePdf({ title: 'Harbour report', author: 'Jane Roe', pages: [['Harbour report', '', BODY], [BODY_2]] });
  const files: CorpusFile[] = [
    entry('report.pdf', valid, 'articles', 'valid PDF', 1),
    entry('REPORT.PDF', valid, 'articles', 'valid PDF, upper-case extension', 1),
    entry('report-renamed.txt', valid, 'articles', 'PDF renamed .txt', 1),
    entry('report-no-extension', valid, 'articles', 'PDF without an extension', 1),
    entry('scan.pdf', await makePdf({ pages: [[], []] }), 'skipped', 'PDF without a text layer'),
    entry('secret.pdf', await makePdf({ pages: [['Secret']], encrypted: true }), 'failed', 'password-protected PDF'),
    entry('header-only.pdf', new TextEncoder().encode('%PDF-1.7\n'), 'failed', 'a PDF header and nothing else'),
    entry('text-as.pdf', new TextEncoder().encode(`Title\n\n${BODY}`), 'failed', 'text named .pdf'),
  ];
  const corrupt = valid.slice();
  for (let i = 200; i < corrupt.length - 50; i += 7) corrupt[i] = 0x3f;
  files.push(entry('corrupt.pdf', corrupt, 'failed', 'PDF with its objects overwritten'));
  for (const fraction of [0.1, 0.3, 0.5, 0.7, 0.9]) {
    const cut = Math.floor(valid.length * fraction);
    files.push(entry(`truncated-${fraction * 100}.pdf`, valid.slice(0, cut), 'failed', `PDF cut at ${fraction * 100}%`));
  }
  return files;
}

function markdown(): CorpusFile[] {
  return [
    entry('front-matter-only.md', '---\ntitle: Nothing below\n---\n', 'skipped', 'markdown that is only front matter'),
    entry('heading-only.md', '# Just a heading\n', 'skipped', 'markdown with a heading and no text'),
    entry('bad-yaml.md', `---\ntitle: [unclosed\n---\n\n# Heading\n\n${BODY}`, 'articles', 'invalid YAML front matter', 1),
    entry('unclosed-front-matter.md', `---\ntitle: Never closed\n\n${BODY}`, 'articles', 'front matter without its closing line', 1),
    entry('list-yaml.md', `---\n- a\n- b\n---\n\n${BODY}`, 'articles', 'front matter that is a list', 1),
    entry('html-in.md', `# Title\n\n<div onclick="x()">${BODY}</div>\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>`, 'articles', 'raw HTML in markdown', 1),
    entry('no-heading.markdown', `${BODY}\n\n${BODY_2}`, 'articles', 'markdown without heading, titled by its name', 1),
    entry('deep-quote.md', `${'>'.repeat(200)} ${BODY}`, 'articles', 'deeply nested block quote', 1),
  ];
}

function weirdNames(): CorpusFile[] {
  return [
    entry('', ARTICLE_TXT, 'articles', 'no name at all', 1),
    entry('.txt', ARTICLE_TXT, 'articles', 'a name that is only an extension', 1),
    entry('name.', ARTICLE_TXT, 'articles', 'a name ending in a dot', 1),
    entry('a.b.c.TXT', ARTICLE_TXT, 'articles', 'several dots', 1),
    entry(`${'long'.repeat(1500)}.txt`, 'Only one line', 'articles', 'a 6,000-character name', 1),
    entry('报告 🎉 résumé.md', `${BODY}`, 'articles', 'non-Latin letters and emoji', 1),
    entry('\u202etxt.exe', ARTICLE_TXT, 'skipped', 'right-to-left override hiding .exe'),
    entry('../../etc/passwd.txt', ARTICLE_TXT, 'articles', 'path traversal in the name', 1),
    entry('C:\\Users\\x\\notes.md', `# Notes\n\n${BODY}`, 'articles', 'Windows path in the name', 1),
    entry('CON.txt', ARTICLE_TXT, 'articles', 'a Windows reserved name', 1),
    entry('   .md', `# Notes\n\n${BODY}`, 'articles', 'a blank name', 1),
    entry('notes.txt.json', ARTICLE_TXT, 'failed', 'text named .json'),
  ];
}
