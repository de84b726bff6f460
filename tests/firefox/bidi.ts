import WebSocket from 'ws';

/** A command WebDriver BiDi refused, or a script that threw in the browser. */
export class BidiError extends Error {
  override name = 'BidiError';
}

/**
 * The few WebDriver BiDi commands the Firefox smoke test sends
 * (https://w3c.github.io/webdriver-bidi/), over one WebSocket. Firefox speaks BiDi natively when
 * started with `--remote-debugging-port`: no geckodriver, no Playwright build of Firefox.
 */
export class Bidi {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(result: unknown): void; reject(error: Error): void; method: string }>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => this.receive(String(data)));
    socket.on('close', () => this.failAll(new BidiError('bidi: the browser closed the connection')));
    socket.on('error', (error) => this.failAll(new BidiError(`bidi: ${error.message}`)));
  }

  /** Opens `<webSocketUrl>/session` and starts a session. */
  static async connect(webSocketUrl: string): Promise<Bidi> {
    const socket = new WebSocket(`${webSocketUrl}/session`);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', (error) => reject(new BidiError(`bidi: cannot connect to ${webSocketUrl}: ${error.message}`)));
    });
    const bidi = new Bidi(socket);
    await bidi.send('session.new', { capabilities: {} });
    return bidi;
  }

  send<T = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (result: unknown) => void, reject, method });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  /**
   * Calls `fn` (a function's source) in a browsing context and answers its JSON-able result.
   * `args` are BiDi local values, e.g. `{ sharedId }` for a node. Runs in the page's own world
   * unless `sandbox` names a separate one.
   */
  async call<T>(context: string, fn: string, options: { args?: unknown[]; sandbox?: string } = {}): Promise<T> {
    const reply = await this.send<ScriptResult>('script.callFunction', {
      functionDeclaration: `async (...args) => JSON.stringify(await (${fn})(...args) ?? null)`,
      arguments: options.args ?? [],
      target: options.sandbox ? { context, sandbox: options.sandbox } : { context },
      awaitPromise: true,
    });
    return JSON.parse(stringResult(reply, fn)) as T;
  }

  close(): void {
    this.socket.close();
  }

  private receive(text: string): void {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    if (!isRecord(message) || typeof message.id !== 'number') return; // An event: none is subscribed to.
    const waiting = this.pending.get(message.id);
    if (!waiting) return;
    this.pending.delete(message.id);
    if (message.type === 'success') waiting.resolve(message.result);
    else waiting.reject(new BidiError(`bidi: ${waiting.method}: ${String(message.error)}: ${String(message.message)}`));
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}

interface ScriptResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text?: string };
}

function stringResult(reply: ScriptResult, fn: string): string {
  if (reply.type === 'exception') throw new BidiError(`bidi: script threw: ${reply.exceptionDetails?.text ?? 'unknown error'}\n${fn}`);
  if (reply.result?.type !== 'string' || typeof reply.result.value !== 'string') throw new BidiError(`bidi: script answered ${reply.result?.type ?? 'nothing'}`);
  return reply.result.value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
