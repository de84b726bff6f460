import type { Percentiles } from './stats.ts';
import type { QueryKind } from './queries.ts';
import type { SeedParser } from './seed-articles.ts';

/** Latencies of one query set: both runs, so the run-to-run spread shows; the second is reported. */
export interface QuerySetResult {
  search: [Percentiles, Percentiles];
  withSnippets: [Percentiles, Percentiles];
  /** Second run, per kind of query (the mix only). */
  byKind?: Partial<Record<QueryKind, { search: Percentiles; withSnippets: Percentiles }>>;
  /** Mean number of matching articles, and the share of queries that found none. */
  meanMatches: number;
  emptyShare: number;
}

export interface VariantResult {
  variant: string;
  mix: QuerySetResult;
  oneChar: QuerySetResult;
  twoChar: QuerySetResult;
}

export interface IndexCost {
  fields: string[];
  buildMs: number;
  /** Heap the index holds, measured after a full GC (bytes). */
  heapBytes: number;
  termCount: number;
  snapshot: {
    utf16Units: number;
    utf8Bytes: number;
    /** `takeSnapshot`, each time it was run (ms). */
    serialiseMs: number[];
    /** `restoreSnapshot` (MiniSearch.loadJSON), each time it was run (ms). */
    restoreMs: number[];
    /** Heap held by a restored index (bytes). */
    restoredHeapBytes: number;
  };
}

export interface CollectionResult {
  label: string;
  articles: number;
  parser?: SeedParser;
  bodyWords: number;
  bodyChars: number;
  /** Heap in use after a full GC with the articles loaded and no index (bytes). */
  baseHeapBytes: number;
  /** Heap in use after building, articles included (bytes). */
  heapAfterBuildBytes: number;
  full: IndexCost;
  /** Where the restore time goes: JSON.parse, then MiniSearch.loadJS rebuilding its maps. */
  restoreSplit: { jsonParseMs: number; loadJsMs: number };
  /** Loading only the term list (what a lazily loaded index must read at wake-up). */
  vocabularyOnly: { utf8Bytes: number; parseMs: number };
  /** The columnar snapshot prototype (bench/columnar-snapshot.ts). */
  columnar: ColumnarResult;
  /** What tokenizing costs: it runs on every body at build time and on 20 bodies per search. */
  tokenizer: TokenizerResult;
  /** An index of title, source and author only: the first shard of a split index. */
  titleShard: IndexCost & { mix: QuerySetResult };
  variants: VariantResult[];
  totalMs: number;
  /** The machine's 1-minute load average when this collection's measuring began and ended. */
  loadAverage: [number, number];
}

export interface ColumnarResult {
  utf8Bytes: number;
  serialiseMs: number[];
  restoreMs: number[];
  /** Mix queries whose hits or scores differ from the JSON snapshot's: should be none. */
  mismatches: string[];
}

export interface TokenizerResult {
  bodies: number;
  words: number;
  tokenizeMsPerBody: number;
  tokenizeMicrosPerWord: number;
  /** Intl.Segmenter alone, without folding. */
  segmenterMicrosPerWord: number;
  /** A Latin-only regular expression over the same bodies, for scale, without and with `fold`. */
  regexMicrosPerWord: number;
  regexFoldMicrosPerWord: number;
}

export interface MachineInfo {
  cpu: string;
  cores: number;
  totalMemoryGiB: number;
  node: string;
  platform: string;
  date: string;
  /** V8 flags the measuring processes ran with. */
  execArgv: string[];
}

export interface BenchResults {
  machine: MachineInfo;
  queryCount: number;
  collections: CollectionResult[];
}
