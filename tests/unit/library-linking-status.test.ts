// @vitest-environment happy-dom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StorageStatus } from '../../entrypoints/library/StorageStatus.tsx';
import { useStorageStatus } from '../../entrypoints/library/use-storage-status.ts';
import type { LinkingStatus } from '../../lib/protocol.ts';

const request = vi.hoisted(() => vi.fn());
vi.mock('../../lib/platform/messaging.ts', () => ({ request }));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let host: HTMLElement;
let root: Root;
let answers: (LinkingStatus | Error)[];
let asked: number;

function Panel() {
  return createElement(StorageStatus, { status: useStorageStatus(1), locale: 'en' });
}

const line = () => host.querySelector('[data-testid="linking-status"]')?.textContent ?? null;

async function advance(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

beforeEach(() => {
  vi.useFakeTimers();
  host = document.createElement('div');
  root = createRoot(host);
  answers = [];
  asked = 0;
  request.mockReset();
  request.mockImplementation(async (type: string) => {
    if (type === 'indexStatus') return { how: 'restored', documentCount: 0, revision: 1, ms: 1, damaged: [] };
    if (type !== 'linkingStatus') throw new Error(`unexpected ${type}`);
    const answer = answers[Math.min(asked++, answers.length - 1)]!;
    if (answer instanceof Error) throw answer;
    return answer;
  });
});

afterEach(async () => {
  await act(() => root.unmount());
  vi.useRealTimers();
});

describe('the storage panel’s linking line', () => {
  it('counts up while a large import is mined, then says every article can be linked, and stops asking', async () => {
    answers = [
      { indexed: 1200, pending: 8805 },
      { indexed: 6400, pending: 3605 },
      { indexed: 10005, pending: 0 },
    ];
    await act(async () => root.render(createElement(Panel)));
    await advance(0);
    const first = line();
    await advance(2000);
    const second = line();
    await advance(2000);
    const done = line();
    await advance(10_000);

    expect(first).toBe('Linking is reading your articles: 1,200 of 10,005 done. Pages link to those already; the rest follow in the background.');
    expect(second).toContain('6,400 of 10,005 done');
    expect(done).toBe('Linking: all 10,005 articles can be linked from the pages you read.');
    expect(asked).toBe(3);
  });

  it('says nothing for an empty collection, and speaks of one article as one', async () => {
    answers = [{ indexed: 0, pending: 0 }];
    await act(async () => root.render(createElement(Panel)));
    await advance(0);
    const empty = line();
    await act(async () => root.unmount());
    root = createRoot(host);
    answers = [{ indexed: 1, pending: 0 }];
    asked = 0;
    await act(async () => root.render(createElement(Panel)));
    await advance(0);

    expect(empty).toBeNull();
    expect(line()).toBe('Linking: your one article can be linked from the pages you read.');
  });

  it('keeps the last answer when the background fails to answer, and asks again less often', async () => {
    answers = [{ indexed: 3, pending: 2 }, new Error('the worker stopped'), { indexed: 5, pending: 0 }];
    await act(async () => root.render(createElement(Panel)));
    await advance(0);
    await advance(2000);
    const afterFailure = line();
    const askedAfterFailure = asked;
    await advance(9000);
    const askedBeforeRetry = asked;
    await advance(1000);

    expect(afterFailure).toContain('3 of 5 done');
    expect(askedAfterFailure).toBe(2);
    expect(askedBeforeRetry).toBe(2);
    expect(line()).toBe('Linking: all 5 articles can be linked from the pages you read.');
  });
});
