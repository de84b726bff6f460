import { installWordVectors } from '../lib/background/linking/word-vectors.ts';
import { readWordVectors } from './integration/read-word-vectors.ts';

// Vitest setup: the word table is in place before any test file runs, as it is for the
// background once linking has loaded it, so tests of mining and ranking can call them directly.
installWordVectors(await readWordVectors());
