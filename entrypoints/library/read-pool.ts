import type { ParsedArticle } from '../../lib/protocol.ts';
import type { FileReading } from '../../lib/shared/import/types.ts';
import type { ReadWorker } from './read-in-worker.ts';
import type { ReadRequest } from './read-request.ts';

/** Workers reading small files at once: the page's thread, the background's and the disk share two cores here. */
const POOL_SIZE = 2;
/** A pool with nothing to read for this long (ms) ends its workers. */
const IDLE_MS = 5_000;

export interface ReadPool {
  /**
   * Reads one file in a worker; 'here' when the page must read it itself (a PDF, or no worker).
   * With `onArticles`, articles the worker sends before its reading ends (a JSON Lines file's,
   * as its lines are read) go there as they come, and are not in the reading.
   */
  read(request: Omit<ReadRequest, 'id' | 'bytes'> & { file: Blob }, onArticles?: (articles: ParsedArticle[]) => void): Promise<FileReading | 'here'>;
}

interface Pending {
  resolve(reading: FileReading | 'here'): void;
  take(articles: ParsedArticle[]): void;
  articles: ParsedArticle[];
}

interface Member {
  worker: ReadWorker;
  pending: Map<number, Pending>;
}

/**
 * Reads text files in a few long-lived workers (Cairn issue 10): the page hands each file over as
 * it is (a `File` crosses to a worker without its bytes being copied), and the worker reads and
 * parses it, so 10,000 notes no longer cost the page's thread 2.5 ms each. Files go to the
 * worker with the fewest waiting. A worker that fails (out of memory on a big file) fails the
 * files it held, with a retry offered, and the next file starts a new one.
 */
export function createReadPool(startWorker: () => ReadWorker | undefined): ReadPool {
  const members: Member[] = [];
  let nextId = 1;
  let idle: ReturnType<typeof setTimeout> | undefined;

  function start(): Member | undefined {
    const worker = startWorker();
    if (!worker) return undefined;
    const member: Member = { worker, pending: new Map() };
    worker.addEventListener('message', ({ data }) => {
      const pending = data.id === undefined ? undefined : member.pending.get(data.id);
      if (!pending) return;
      if ('articles' in data) {
        pending.take(data.articles);
        return;
      }
      member.pending.delete(data.id!);
      settled();
      if ('readHere' in data) pending.resolve('here');
      else pending.resolve(data.done.kind === 'articles' ? { ...data.done, articles: pending.articles } : data.done);
    });
    const failed = (event: Event) => {
      const message = (event as Partial<ErrorEvent>).message;
      const detail = typeof message === 'string' && message !== '' ? ` (${message.slice(0, 200)})` : '';
      members.splice(members.indexOf(member), 1);
      worker.terminate();
      for (const pending of member.pending.values()) {
        pending.resolve({ kind: 'failed', reason: `Cairn could not read this file: its reader stopped${detail}`, retry: true });
      }
      member.pending.clear();
    };
    worker.addEventListener('error', failed);
    worker.addEventListener('messageerror', failed);
    members.push(member);
    return member;
  }

  function settled(): void {
    if (members.some((member) => member.pending.size > 0)) return;
    clearTimeout(idle);
    idle = setTimeout(() => {
      for (const member of members.splice(0)) member.worker.terminate();
    }, IDLE_MS);
  }

  return {
    read(request, onArticles) {
      clearTimeout(idle);
      const least = members.reduce<Member | undefined>((best, member) => (!best || member.pending.size < best.pending.size ? member : best), undefined);
      const member = least && (least.pending.size === 0 || members.length >= POOL_SIZE) ? least : (start() ?? least);
      if (!member) return Promise.resolve('here');
      const id = nextId++;
      return new Promise((resolve) => {
        const articles: ParsedArticle[] = [];
        const take = onArticles ?? ((part: ParsedArticle[]) => void articles.push(...part));
        member.pending.set(id, { resolve, take, articles });
        member.worker.postMessage({ ...request, id }, []);
      });
    },
  };
}
