import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startLinker } from '../content/linker.ts';
import '../../components/theme.css';
import '../content/style.css';
import './style.css';

// The sample page runs the very code the content script runs on web pages: the browser never
// injects content scripts into extension pages, so the page starts it itself. The background
// gives it a content script's rights for "Cairn's sample page" and nothing more.
startLinker(new ContentScriptContext('sample'));
