import type { Percentiles } from './stats.ts';
import { relativeChange } from './stats.ts';
import type { BenchResults, CollectionResult, QuerySetResult } from './results.ts';

const MB = 1e6;
const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const mb = (bytes: number) => (bytes / MB).toFixed(bytes >= 10 * MB ? 0 : 2);
const pct = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(0)} %`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const spread = (xs: number[]) => `${ms(median(xs))} (${ms(Math.min(...xs))}–${ms(Math.max(...xs))})`;

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

/** The bench's results as Markdown: machine, index costs side by side, then latencies per size. */
export function formatReport({ machine, queryCount, collections }: BenchResults): string {
  const parts = [
    `## Machine\n\n${machine.cpu}, ${machine.cores} cores, ${machine.totalMemoryGiB} GiB, Node ${machine.node}, ` +
      `${machine.platform}, ${machine.date}. Mix of ${queryCount} queries; latencies are the second of two runs. ` +
      `Load average (1 min) at start / end of each size: ` +
      collections.map((c) => `${c.label} ${c.loadAverage.map((x) => x.toFixed(1)).join(' / ')}`).join(', ') + '.',
    `## Index\n\n${indexTable(collections)}`,
    ...collections.map(latencySection),
  ];
  return parts.join('\n\n') + '\n';
}

function indexTable(collections: CollectionResult[]): string {
  const row = (name: string, cell: (c: CollectionResult) => string) => [name, ...collections.map(cell)];
  return table(
    ['', ...collections.map((c) => c.label)],
    [
      row('Body words', (c) => c.bodyWords.toLocaleString('en')),
      row('Distinct terms', (c) => c.full.termCount.toLocaleString('en')),
      row('Build: createIndex + addAll (ms)', (c) => ms(c.full.buildMs)),
      row('Heap held by the built index (MB)', (c) => mb(c.full.heapBytes)),
      row('heapUsed after build, articles included (MB)', (c) => mb(c.heapAfterBuildBytes)),
      row('Snapshot JSON (MB UTF-8)', (c) => mb(c.full.snapshot.utf8Bytes)),
      row('Snapshot JSON (M UTF-16 units)', (c) => (c.full.snapshot.utf16Units / 1e6).toFixed(2)),
      row('takeSnapshot (ms)', (c) => c.full.snapshot.serialiseMs.map(ms).join(' / ')),
      row('restoreSnapshot (ms, median of 3, range)', (c) => spread(c.full.snapshot.restoreMs)),
      row('… of which JSON.parse / loadJS (ms)', (c) => `${ms(c.restoreSplit.jsonParseMs)} / ${ms(c.restoreSplit.loadJsMs)}`),
      row('Heap held by the restored index (MB)', (c) => mb(c.full.snapshot.restoredHeapBytes)),
      row('Term list alone: MB / JSON.parse ms', (c) => `${mb(c.vocabularyOnly.utf8Bytes)} / ${ms(c.vocabularyOnly.parseMs)}`),
      row('Columnar prototype: MB / serialise ms / restore ms', (c) =>
        `${mb(c.columnar.utf8Bytes)} / ${ms(median(c.columnar.serialiseMs))} / ${spread(c.columnar.restoreMs)}` +
        (c.columnar.mismatches.length > 0 ? ` (${c.columnar.mismatches.length} answers differ!)` : '')),
      row('tokenize(): ms per body / µs per word', (c) =>
        `${ms(c.tokenizer.tokenizeMsPerBody)} / ${c.tokenizer.tokenizeMicrosPerWord.toFixed(2)}`),
      row('µs per word: Intl.Segmenter alone / regex / regex + fold', (c) =>
        [c.tokenizer.segmenterMicrosPerWord, c.tokenizer.regexMicrosPerWord, c.tokenizer.regexFoldMicrosPerWord].map((x) => x.toFixed(2)).join(' / ')),
      row('Title shard: build ms / MB / restore ms', (c) =>
        `${ms(c.titleShard.buildMs)} / ${mb(c.titleShard.snapshot.utf8Bytes)} / ${ms(median(c.titleShard.snapshot.restoreMs))}`),
      row('Title shard: mix search + snippets p95 (ms)', (c) => ms(c.titleShard.mix.withSnippets[1].p95)),
    ],
  );
}

function latencySection(c: CollectionResult): string {
  const current = c.variants[0];
  if (!current) return '';
  const cells = (p: Percentiles) => [ms(p.p50), ms(p.p95), ms(p.p99), ms(p.max)];
  const set = (name: string, r: QuerySetResult) => [
    name,
    String(r.search[1].count),
    ...cells(r.search[1]),
    ...cells(r.withSnippets[1]),
    pct(relativeChange(r.withSnippets[0].p95, r.withSnippets[1].p95)),
  ];
  const kind = (name: keyof NonNullable<QuerySetResult['byKind']>) => {
    const k = current.mix.byKind?.[name];
    return k ? [`… ${name}`, String(k.search.count), ...cells(k.search), ...cells(k.withSnippets), ''] : [];
  };
  const latency = table(
    ['Queries', 'n', 'search p50', 'p95', 'p99', 'max', '+ snippets p50', 'p95', 'p99', 'max', 'p95 run 1→2'],
    [set('mix', current.mix), kind('words'), kind('keystroke'), kind('typo'), set('one letter', current.oneChar), set('two letters', current.twoChar)].filter(
      (r) => r.length > 0,
    ),
  );
  const ideas = table(
    ['Variant (ms)', 'mix search p95', 'search p99', 'mix + snippets p50', 'p95', 'p99', 'typos p95', 'two letters p95', 'mix: none found'],
    c.variants.map((v) => [
      v.variant,
      ms(v.mix.search[1].p95),
      ms(v.mix.search[1].p99),
      ms(v.mix.withSnippets[1].p50),
      ms(v.mix.withSnippets[1].p95),
      ms(v.mix.withSnippets[1].p99),
      ms(v.mix.byKind?.typo?.withSnippets.p95 ?? 0),
      ms(v.twoChar.withSnippets[1].p95),
      `${(v.mix.emptyShare * 100).toFixed(0)} %`,
    ]),
  );
  return `## ${c.label}: search latency (ms)\n\n${latency}\n\n### ${c.label}: variants\n\n${ideas}`;
}
