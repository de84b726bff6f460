import { MAX_ARTICLE_CHARS } from '../../shared/import/limits.ts';
import { libraryPath } from '../../shared/reach/library-query.ts';
import { parseOmniboxChoice } from '../../shared/reach/omnibox-choice.ts';
import { omniboxSuggestions, searchSuggestion, type OmniboxSuggestion } from '../../shared/reach/omnibox-suggestions.ts';
import { queryOf } from '../../shared/reach/query-of.ts';
import type { CollectionWriter } from '../collection-writer.ts';
import type { SearchEngine } from '../search-engine.ts';
import type { Disposition, ReachEffects } from './reach-effects.ts';
import { saveSelection, type SaveSelectionResult } from './save-selection.ts';

/** The commands of the manifest (`wxt.config.ts`) that the background answers. */
export const COMMANDS = {
  sidePanel: 'open-side-panel',
  highlights: 'highlight-page',
  next: 'next-highlight',
  previous: 'previous-highlight',
} as const;
/** The selection menu's items. */
export const MENUS = { search: 'cairn-search-selection', save: 'cairn-save-selection' } as const;

/** Suggestions the omnibox shows below its first line. */
const OMNIBOX_HITS = 5;
/** A selection longer than this is not read whole: it is too long to save anyway. */
const MAX_SELECTION_READ = 2 * MAX_ARTICLE_CHARS + 1;

export interface ReachDeps {
  ready: Promise<void>;
  engine: SearchEngine;
  writer: CollectionWriter;
  effects: ReachEffects;
  /** Chrome's omnibox takes XML markup in descriptions; Firefox's shows it as text. */
  omniboxMarkup: boolean;
  /** Longest query the search accepts (`MAX_QUERY_LENGTH`). */
  maxQueryLength: number;
}

/** The tab an event came from, as the browser describes it. */
export interface EventTab {
  id?: number;
  title?: string;
  url?: string;
}

/** What the browser tells about a menu click (`contextMenus.OnClickData`). */
export interface MenuClick {
  menuItemId: string | number;
  selectionText?: string;
  frameId?: number;
  pageUrl?: string;
}

/**
 * Cairn's ways in that are not its own pages: keyboard commands, the address-bar keyword and
 * the selection's context menu. The entrypoint forwards the browser's events here as they come.
 */
export function createReach({ ready, engine, writer, effects, omniboxMarkup, maxQueryLength }: ReachDeps) {
  return {
    /** A keyboard command. Returns undefined for commands this does not handle. */
    command(name: string, tab: EventTab | undefined): Promise<void> | undefined {
      if (tab?.id === undefined) return undefined;
      // No await before this: the side panel opens only within the key press's gesture.
      if (name === COMMANDS.sidePanel) return effects.openSidePanel(tab.id);
      if (name === COMMANDS.highlights) return effects.toggleHighlights(tab.id);
      if (name === COMMANDS.next) return effects.stepHighlight(tab.id, 'next');
      if (name === COMMANDS.previous) return effects.stepHighlight(tab.id, 'previous');
      return undefined;
    },

    /** The omnibox's text changed: the first line (Enter's target) and the articles that match. */
    async omniboxInput(text: string): Promise<{ first: string; suggestions: OmniboxSuggestion[] }> {
      const query = queryOf(text, maxQueryLength);
      const first = searchSuggestion(query, omniboxMarkup);
      if (query === '') return { first, suggestions: [] };
      await ready;
      try {
        const { hits } = await engine.search(query, OMNIBOX_HITS);
        return { first, suggestions: omniboxSuggestions(hits, omniboxMarkup) };
      } catch {
        // A search that fails leaves the first line: Enter still opens the library with the query.
        return { first, suggestions: [] };
      }
    },

    /** Enter in the omnibox: an article suggestion opens it in the reader, any other text searches the library. */
    async omniboxEnter(text: string, where: Disposition): Promise<void> {
      const choice = parseOmniboxChoice(text);
      if (choice.kind === 'article') return effects.openPage(`/reader.html?id=${choice.id}`, where);
      return effects.openPage(libraryPath(choice.kind === 'search' ? queryOf(choice.query, maxQueryLength) : ''), where);
    },

    /** A click on one of the selection menu's items. Returns undefined for other items. */
    menuClicked(info: MenuClick, tab: EventTab | undefined): Promise<SaveSelectionResult | void> | undefined {
      const tabId = tab?.id;
      if (info.menuItemId === MENUS.search) {
        const query = queryOf(info.selectionText ?? '', maxQueryLength);
        if (query === '') return tabId === undefined ? Promise.resolve() : effects.notifyPage(tabId, 'Select some words first, then search Cairn for them.');
        return effects.openPage(libraryPath(query), 'newForegroundTab', tabId);
      }
      if (info.menuItemId === MENUS.save && tabId !== undefined) return saveSelectionOf(tabId, info, tab);
      return undefined;
    },
  };

  async function saveSelectionOf(tabId: number, info: MenuClick, tab: EventTab | undefined): Promise<SaveSelectionResult> {
    const read = await effects.readSelection(tabId, info.frameId, MAX_SELECTION_READ).catch(() => undefined);
    const text = typeof read === 'string' && read.trim() !== '' ? read : (info.selectionText ?? '');
    await ready;
    const result = await saveSelection(writer, { text, pageTitle: tab?.title, pageUrl: info.pageUrl ?? tab?.url });
    await effects.notifyPage(tabId, result.message);
    return result;
  }
}

export type Reach = ReturnType<typeof createReach>;
