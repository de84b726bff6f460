// Serves the fixture pages of tests/fixtures/pages on 127.0.0.1 for the end-to-end tests (the
// content script runs on http pages only). Files only, from that folder only.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURE_PORT = Number(process.env.CAIRN_FIXTURE_PORT ?? 4173);
const root = fileURLToPath(new URL('../fixtures/pages/', import.meta.url));
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.json': 'application/json', '.css': 'text/css' };

function serve(request: IncomingMessage, response: ServerResponse): void {
  const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^([/\\])+/, '');
  const file = join(root, path);
  if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
  createReadStream(file).pipe(response);
}

const server = createServer(serve);

server.listen(FIXTURE_PORT, '127.0.0.1', () => console.log(`fixtures on http://127.0.0.1:${FIXTURE_PORT}/`));

// The same files from a second origin, http://localhost:4174, for cross-origin frames
// (tests/e2e/frames.spec.ts). playwright.config.ts waits for the first port only; the spec waits
// for this one. "localhost" may resolve to either loopback address, so both are served.
const FRAME_ORIGIN_PORT = Number(process.env.CAIRN_FRAME_ORIGIN_PORT ?? 4174);
for (const host of ['127.0.0.1', '::1']) {
  const second = createServer(serve);
  // A machine without IPv6 has no ::1: the IPv4 address is enough there.
  second.on('error', (error) => console.log(`no frame origin on ${host}: ${error.message}`));
  second.listen(FRAME_ORIGIN_PORT, host);
}
