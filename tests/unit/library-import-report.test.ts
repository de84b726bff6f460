// @vitest-environment happy-dom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ImportReport, type ImportReportProps } from '../../entrypoints/library/ImportReport.tsx';
import { UndoToast } from '../../entrypoints/library/UndoToast.tsx';
import type { FileReport } from '../../lib/shared/import/run-import.ts';
import type { ImportSource } from '../../lib/shared/import/types.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let host: HTMLElement;
let root: Root;

beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});

afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

const source = (name: string): ImportSource => ({ name, size: 1, bytes: async () => new Uint8Array(), head: async () => new Uint8Array() });

function row(report: Partial<FileReport> & { name: string }) {
  return { source: source(report.name), report: { outcome: 'imported' as const, added: 0, duplicates: 0, notes: [], ids: [], ...report } };
}

function renderReport(props: Partial<ImportReportProps>) {
  const all: ImportReportProps = { rows: [], problems: [], running: false, locale: 'en', onRetryFailed: vi.fn(), onChooseColumns: vi.fn(), ...props };
  act(() => root.render(createElement(ImportReport, all)));
  return all;
}

const q = (testId: string) => host.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`);

describe('ImportReport', () => {
  it('shows one row per finished file with its outcome, and a summary', () => {
    renderReport({
      rows: [
        row({ name: 'a.md', added: 2, ids: [1, 2] }),
        row({ name: 'b.md', outcome: 'duplicate', duplicates: 1 }),
        { source: source('c.md'), report: null },
        row({ name: '<b>x</b>.txt', outcome: 'failed', reason: 'line 3: <script>' }),
      ],
    });

    const rows = [...q('import-report-row')];
    expect(rows.map((r) => [r.dataset.name, r.dataset.outcome])).toEqual([
      ['a.md', 'imported'],
      ['b.md', 'duplicate'],
      ['<b>x</b>.txt', 'failed'],
    ]);
    expect(rows[2]!.textContent).toContain('failed: line 3: <script>');
    expect(host.querySelector('script, b')).toBeNull();
    expect(q('import-summary')[0]!.textContent).toBe('3 files: 1 imported (2 articles), 1 already in your collection, 1 failed.');
  });

  it('offers to retry only the failures a retry may mend, never a syntax error', () => {
    renderReport({ rows: [row({ name: 'bad.json', outcome: 'failed', reason: 'line 1: not valid JSON' })] });
    expect(q('retry-failed')).toHaveLength(0);

    renderReport({
      rows: [
        row({ name: 'bad.json', outcome: 'failed', reason: 'line 1: not valid JSON' }),
        row({ name: 'moved.md', outcome: 'failed', reason: 'the file could not be read', retryable: true }),
      ],
    });
    expect(q('retry-failed')[0]!.textContent).toBe('Retry the failed file');
  });

  it('offers to retry failed files, but not while an import runs', () => {
    const props = renderReport({ rows: [row({ name: 'full.json', outcome: 'failed', reason: 'no more room', retryable: true })] });

    act(() => q('retry-failed')[0]!.click());

    expect(props.onRetryFailed).toHaveBeenCalledTimes(1);
    renderReport({ rows: props.rows, running: true });
    expect((q('retry-failed')[0] as HTMLButtonElement).disabled).toBe(true);
    expect(q('import-summary')).toHaveLength(0);
  });

  it('lets the user pick the columns of a CSV and reads it again with them', () => {
    const props = renderReport({
      rows: [row({ name: 'ok.md', added: 1 }), row({ name: 'table.csv', outcome: 'skipped', reason: 'choose the columns', headers: ['id', 'headline', 'story'] })],
    });
    const body = host.querySelector<HTMLSelectElement>('[data-testid="csv-body-column"]')!;
    const title = host.querySelector<HTMLSelectElement>('[data-testid="csv-title-column"]')!;
    expect(title.value).toBe('headline');

    act(() => {
      body.value = 'story';
      body.dispatchEvent(new Event('change', { bubbles: true }));
    });
    act(() => q('csv-import')[0]!.click());

    expect(props.onChooseColumns).toHaveBeenCalledWith(1, { title: 'headline', body: 'story' });
  });
});

describe('UndoToast', () => {
  it('undoes on click and dismisses itself after the timeout, but not while pointed at', () => {
    vi.useFakeTimers();
    const onUndo = vi.fn();
    const onDismiss = vi.fn();
    act(() => root.render(createElement(UndoToast, { message: 'Deleted 3 articles', onUndo, onDismiss, timeout: 10_000 })));

    act(() => q('undo-delete')[0]!.click());
    expect(onUndo).toHaveBeenCalledTimes(1);

    act(() => q('toast')[0]!.dispatchEvent(new MouseEvent('mouseover', { bubbles: true })));
    act(() => vi.advanceTimersByTime(20_000));
    expect(onDismiss).not.toHaveBeenCalled();

    act(() => q('toast')[0]!.dispatchEvent(new MouseEvent('mouseout', { bubbles: true })));
    act(() => vi.advanceTimersByTime(10_000));
    expect(onDismiss).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
  });
});
