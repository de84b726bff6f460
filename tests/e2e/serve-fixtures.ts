// Serves the fixture pages of tests/fixtures/pages on 127.0.0.1 for the end-to-end tests (the
// content script runs on http pages only). Files only, from that folder only.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURE_PORT = Number(process.env.CAIRN_FIXTURE_PORT ?? 4173);
const root = fileURLToPath(new URL('../fixtures/pages/', import.meta.url));
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.json': 'application/json', '.css': 'text/css' };

const server = createServer((request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^([/\\])+/, '');
  const file = join(root, path);
  if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
  createReadStream(file).pipe(response);
});

server.listen(FIXTURE_PORT, '127.0.0.1', () => console.log(`fixtures on http://127.0.0.1:${FIXTURE_PORT}/`));
