import { useCallback, useEffect, useState } from 'react';
import type { LinkingSettings, RequestOf } from '../protocol.ts';
import { describeError } from '../shared/text/describe-error.ts';
import { request } from '../platform/messaging.ts';

export type SettingsChange = RequestOf<'updateLinkingSettings'>;

export interface LinkingSettingsState {
  /** The user's linking settings; null until the background answered. */
  settings: LinkingSettings | null;
  error: string | null;
  /** Changes the settings: shown at once, then replaced by what the background saved. */
  update(change: SettingsChange): Promise<void>;
  /** Asks the background again, e.g. after a change made through another message. */
  reload(): Promise<void>;
}

/** The linking settings, as the popup, side panel and settings page show and change them. */
export function useLinkingSettings(): LinkingSettingsState {
  const [state, setState] = useState<{ settings: LinkingSettings | null; error: string | null }>({ settings: null, error: null });

  const reload = useCallback(async () => {
    try {
      const settings = await request('linkingSettings', {});
      setState({ settings, error: null });
    } catch (error) {
      setState((prev) => ({ ...prev, error: describeError(error, 'Cairn could not read its settings.') }));
    }
  }, []);

  const update = useCallback(
    async (change: SettingsChange) => {
      setState((prev) => ({ settings: prev.settings && applyChange(prev.settings, change), error: null }));
      try {
        const settings = await request('updateLinkingSettings', change);
        setState({ settings, error: null });
      } catch (error) {
        setState((prev) => ({ ...prev, error: describeError(error, 'Cairn could not save this setting.') }));
        // Show what is really saved, not the change that failed.
        const saved = await request('linkingSettings', {}).catch(() => null);
        if (saved) setState((prev) => ({ ...prev, settings: saved }));
      }
    },
    [],
  );

  useEffect(() => {
    void reload();
  }, [reload]);

  return { ...state, update, reload };
}

function applyChange(settings: LinkingSettings, { paused, highlightMode, useHighlightApi, unmute }: SettingsChange): LinkingSettings {
  return {
    ...settings,
    paused: paused ?? settings.paused,
    highlightMode: highlightMode ?? settings.highlightMode,
    useHighlightApi: useHighlightApi ?? settings.useHighlightApi,
    mutedPhrases: unmute ? settings.mutedPhrases.filter((m) => !unmute.includes(m.key)) : settings.mutedPhrases,
  };
}
