// @vitest-environment happy-dom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useImport, type ImportState, type ReadFile } from '../../entrypoints/library/use-import.ts';
import type { ImportSource } from '../../lib/shared/import/types.ts';
import type { ImportResult } from '../../lib/protocol.ts';

const request = vi.hoisted(() => vi.fn());
vi.mock('../../lib/platform/messaging.ts', () => ({ request }));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let host: HTMLElement;
let root: Root;
let state: ImportState;

function Probe({ read, onChanged }: { read: ReadFile; onChanged(): void }) {
  state = useImport(read, onChanged);
  return null;
}

const source = (name: string): ImportSource => ({ name, size: 10, bytes: async () => new Uint8Array(), head: async () => new Uint8Array() });

async function settle() {
  for (let i = 0; i < 10; i++) await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
}

beforeEach(() => {
  host = document.createElement('div');
  root = createRoot(host);
  request.mockReset();
  let next = 1;
  request.mockImplementation(async (type: string, data: { files: { articles: unknown[] }[] }): Promise<ImportResult[]> => {
    if (type !== 'importFiles') throw new Error(`unexpected ${type}`);
    return data.files.map((file) => ({ added: file.articles.map(() => next++), duplicates: 0, duplicateOf: [] }));
  });
});

afterEach(() => act(() => root.unmount()));

describe('useImport', () => {
  it('reports every file, retries only the failed ones a retry may mend, in place, and re-reads a CSV with chosen columns', async () => {
    let flaky = true;
    const read = vi.fn<ReadFile>(async (file, options) => {
      if (file.name === 'flaky.md' && flaky) return { kind: 'failed', reason: 'could not read', retry: true };
      if (file.name === 'broken.json') return { kind: 'failed', reason: 'line 1: not valid JSON' };
      if (file.name === 'table.csv' && !options?.csvColumns) return { kind: 'choose-columns', headers: ['a', 'b'], reason: 'pick' };
      return { kind: 'articles', format: 'md', articles: [{ title: file.name, body: 'text' }], notes: [] };
    });
    const onChanged = vi.fn();
    act(() => root.render(createElement(Probe, { read, onChanged })));

    act(() => state.start([source('ok.md'), source('flaky.md'), source('table.csv'), source('broken.json')]));
    await settle();

    expect(state.progress).toBeNull();
    expect(state.rows.map((r) => r.report?.outcome)).toEqual(['imported', 'failed', 'skipped', 'failed']);
    expect(state.rows[2]!.report?.headers).toEqual(['a', 'b']);
    expect(request).toHaveBeenCalledWith('importFiles', { batchId: expect.any(String), files: [expect.objectContaining({ fileName: 'ok.md' })] });

    flaky = false;
    act(() => state.retryFailed());
    await settle();
    expect(state.rows.map((r) => r.report?.outcome)).toEqual(['imported', 'imported', 'skipped', 'failed']);
    // The syntax error was not read again: it would fail the same way.
    expect(read).toHaveBeenCalledTimes(5);

    act(() => state.chooseColumns(2, { body: 'b' }));
    await settle();
    expect(read).toHaveBeenLastCalledWith(expect.objectContaining({ name: 'table.csv' }), { csvColumns: { body: 'b' } });
    expect(state.rows.map((r) => r.report?.outcome)).toEqual(['imported', 'imported', 'imported', 'failed']);
    expect(onChanged).toHaveBeenCalledTimes(3);
  });

  it('stops at the next file when cancelled and says why the rest were not imported', async () => {
    let release: () => void = () => undefined;
    const read: ReadFile = async (file) => {
      if (file.name === 'first.md') await new Promise<void>((resolve) => (release = resolve));
      return { kind: 'articles', format: 'md', articles: [{ title: file.name, body: 'text' }], notes: [] };
    };
    act(() => root.render(createElement(Probe, { read, onChanged: () => undefined })));

    act(() => state.start([source('first.md'), source('second.md'), source('third.md')]));
    await settle();
    expect(state.progress).toMatchObject({ filesDone: 0, filesTotal: 3 });
    act(() => state.cancel());
    expect(state.cancelling).toBe(true);
    release();
    await settle();

    expect(state.rows.map((r) => r.report?.outcome)).toEqual(['skipped', 'skipped', 'skipped']);
    expect(state.rows[1]!.report?.reason).toMatch(/cancelled/);
    expect(state.cancelling).toBe(false);
  });
});
