import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { segmentWords } from '../../lib/shared/text/tokenize.ts';

type ScanWordsModule = typeof import('../../lib/shared/text/scan-words.ts');

/** A fresh copy of the scanner module, as a new page's content script has. */
async function freshScanner(): Promise<ScanWordsModule> {
  vi.resetModules();
  return import('../../lib/shared/text/scan-words.ts');
}

function words(scanner: ScanWordsModule, text: string): string[] {
  const { offsets } = scanner.scanWords(text);
  const found: string[] = [];
  for (let i = 0; i < offsets.length; i += 2) found.push(text.slice(offsets[i], offsets[i + 1]));
  return found;
}

afterEach(() => vi.restoreAllMocks());

describe('primeWordScanner', () => {
  it('scans Latin text without ever creating a segmenter, once primed with the background’s profile', async () => {
    const profile = (await freshScanner()).wordScannerProfile();
    const page = await freshScanner();
    const created = vi.spyOn(Intl, 'Segmenter');

    page.primeWordScanner(profile);
    const found = words(page, 'The Digital Silk Road, e.g. 3.14 km; don’t stop.');

    expect(found).toEqual(['The', 'Digital', 'Silk', 'Road', 'e.g', '3.14', 'km', 'don’t', 'stop']);
    expect(created).not.toHaveBeenCalled();
  });

  it('finds exactly the segmenter’s words in any script, creating the segmenter when one is needed', async () => {
    const profile = (await freshScanner()).wordScannerProfile();
    const page = await freshScanner();
    page.primeWordScanner(profile);
    const pieces = ['Wuzhen', '网络空间治理', 'ภาษาไทย', 'don’t', '3.14', ' ', ', ', '\n', 'Привет', '😀', 'e.g.', 'café'];

    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(words(page, text)).toEqual(segmentWords(text).map((t) => text.slice(t.start, t.end)));
      }),
      { numRuns: 300 },
    );
  });

  it('ignores a malformed profile and works out its own', async () => {
    const page = await freshScanner();

    page.primeWordScanner({ probed: [1, 2, 3], agrees: true });

    expect(words(page, 'a.b 3.14')).toEqual(segmentWords('a.b 3.14').map((t) => 'a.b 3.14'.slice(t.start, t.end)));
  });
});
