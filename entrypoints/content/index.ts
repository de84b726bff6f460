import { defineContentScript } from 'wxt/utils/define-content-script';
import { startLinker } from './linker.ts';
// `::highlight()` styles for the opt-in Highlight API painter; they match nothing otherwise.
import './style.css';

// Runs on web pages only (never on extension or browser pages), in every frame: a same-origin
// frame is scanned as its own document.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    startLinker(ctx);
  },
});
