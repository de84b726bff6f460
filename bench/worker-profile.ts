/// <reference types="node" />
import type { Page } from '@playwright/test';

/**
 * A CPU profile of the extension's service worker, taken over the DevTools protocol: Playwright
 * opens CDP sessions on pages only, so this talks to Chromium's remote debugging port itself.
 * It needs a WebSocket client, which Node 20 has behind `--experimental-websocket` (Node 22 by
 * default): `node --experimental-websocket --import tsx bench/import-bench.ts --profile …`.
 */

/** The debugging port the bench opens Chromium with (`--remote-debugging-port`). */
export const PROFILE_PORT = 9339;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface WorkerProfiler {
  stop(): Promise<CpuProfile>;
}

/** Tells early, before a long run, when this Node cannot profile. */
export function checkProfiling(): void {
  if (typeof WebSocket !== 'function') throw new Error('Profiling needs a WebSocket client: run Node with --experimental-websocket (Node 20) or use Node 22.');
}

/** Starts sampling the service worker of `extensionId` every `intervalUs` microseconds. */
export async function profileWorker(extensionId: string, intervalUs = 500): Promise<WorkerProfiler> {
  const targets = (await (await fetch(`http://127.0.0.1:${PROFILE_PORT}/json/list`)).json()) as { type: string; url: string; webSocketDebuggerUrl: string }[];
  const target = targets.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
  if (!target) throw new Error(`No service worker of ${extensionId} among ${targets.length} debugging targets`);
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve, { once: true });
    socket.addEventListener('error', reject, { once: true });
  });
  const waiting = new Map<number, (result: unknown) => void>();
  socket.addEventListener('message', (event: MessageEvent) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown };
    if (message.id !== undefined) waiting.get(message.id)?.(message.result);
  });
  let next = 0;
  const send = (method: string, params: object = {}) =>
    new Promise<unknown>((resolve) => {
      const id = ++next;
      waiting.set(id, resolve);
      socket.send(JSON.stringify({ id, method, params }));
    });
  await send('Profiler.enable');
  await send('Profiler.setSamplingInterval', { interval: intervalUs });
  await send('Profiler.start');
  return {
    async stop() {
      const { profile } = (await send('Profiler.stop')) as { profile: CpuProfile };
      socket.close();
      return profile;
    },
  };
}

/** The same for a page's main thread, over Playwright's own CDP session. */
export async function profilePage(page: Page, intervalUs = 500): Promise<WorkerProfiler> {
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: intervalUs });
  await session.send('Profiler.start');
  return {
    async stop() {
      const { profile } = await session.send('Profiler.stop');
      await session.detach();
      return profile as CpuProfile;
    },
  };
}

/** The `top` functions by self time, in ms, as lines of a table; idle and GC show as Chromium names them. */
export function selfTimes(profile: CpuProfile, top = 20): string[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const perNode = new Map<number, number>();
  profile.samples.forEach((id, i) => perNode.set(id, (perNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const perFunction = new Map<string, number>();
  for (const [id, micros] of perNode) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const name = `${functionName || '(anonymous)'} ${url.split('/').pop() ?? ''}${url ? `:${lineNumber + 1}` : ''}`;
    perFunction.set(name, (perFunction.get(name) ?? 0) + micros);
  }
  const total = [...perFunction.values()].reduce((sum, micros) => sum + micros, 0);
  return [
    `| function | self ms | share |`,
    `|---|---:|---:|`,
    ...[...perFunction]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, micros]) => `| ${name} | ${(micros / 1000).toFixed(0)} | ${((100 * micros) / total).toFixed(1)} % |`),
  ];
}
