/// <reference types="node" />
import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatReport } from './report.ts';
import type { BenchResults, CollectionResult, MachineInfo } from './results.ts';

/**
 * `npm run bench [-- --sizes 0,10000,50000 --queries 300]`: measures the search index on the
 * seeds (size 0) and on synthetic collections, writes bench/results/search-<date>.json and
 * prints a Markdown summary. See docs/benchmarks.md.
 */
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '0,10000,50000' },
    queries: { type: 'string', default: '300' },
  },
});
const sizes = values.sizes.split(',').map((s) => Number(s.trim()));
const queryCount = Number(values.queries);
if (sizes.some((n) => !Number.isInteger(n) || n < 0)) {
  throw new Error(`bench: --sizes wants article counts like 0,10000,50000 (0 = seeds), got "${values.sizes}"`);
}
if (!Number.isInteger(queryCount) || queryCount < 10) {
  throw new Error(`bench: --queries wants a whole number of at least 10, got "${values.queries}"`);
}

// The workers get --expose-gc (heap figures after a full collection) and room for the 50,000
// article index whatever flags the bench itself was started with.
const WORKER_FLAGS = [...process.execArgv, '--expose-gc', '--max-old-space-size=8192'];
const WORKER = fileURLToPath(new URL('./collection-worker.ts', import.meta.url));

function measureInWorker(size: number): Promise<CollectionResult> {
  return new Promise((resolve, reject) => {
    const child = fork(WORKER, [String(size), String(queryCount)], { execArgv: WORKER_FLAGS });
    let result: CollectionResult | undefined;
    child.on('message', (message) => (result = message as CollectionResult));
    child.on('error', reject);
    child.on('exit', (code) =>
      result ? resolve(result) : reject(new Error(`bench: the worker for size ${size} exited with code ${code} before reporting`)),
    );
  });
}

const date = new Date();
const machine: MachineInfo = {
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.cpus().length,
  totalMemoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
  node: process.version,
  platform: `${os.platform()} ${os.release()}`,
  date: date.toISOString(),
  execArgv: WORKER_FLAGS,
};
const collections: CollectionResult[] = [];
for (const size of sizes) collections.push(await measureInWorker(size));

const results: BenchResults = { machine, queryCount, collections };
const folder = fileURLToPath(new URL('./results/', import.meta.url));
mkdirSync(folder, { recursive: true });
const file = `${folder}search-${date.toISOString().slice(0, 10)}.json`;
writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
console.log(formatReport(results));
console.error(`bench: results written to ${file}`);
