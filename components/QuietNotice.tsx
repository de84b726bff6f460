import type { QuietReason } from '../lib/protocol.ts';

export interface QuietNoticeProps {
  reason: QuietReason;
  /** The tab's site, named in the button that turns Cairn back on there. */
  site?: string;
  /** Undoes what keeps Cairn quiet: resumes it, or turns it on for the site. */
  onTurnOn?(): void;
  busy?: boolean;
}

const MESSAGES: Record<QuietReason, { message: string; hint: string }> = {
  paused: { message: 'Cairn is paused.', hint: 'It reads and highlights no page until you resume it.' },
  'site-off': { message: 'Cairn is off on this site.', hint: 'You turned it off here; it still works everywhere else.' },
  sensitive: {
    message: 'Cairn stays off on sensitive sites like this one.',
    hint: 'Banking, mail and password pages stay private unless you turn Cairn on for them.',
  },
  'empty-collection': { message: 'Your collection is empty.', hint: 'Once you add articles, Cairn shows here how this page relates to them.' },
};

/** Why Cairn is silent on this page on purpose, with the button that turns it back on. */
export function QuietNotice({ reason, site, onTurnOn, busy }: QuietNoticeProps) {
  const { message, hint } = MESSAGES[reason];
  const action = reason === 'paused' ? 'Resume Cairn' : reason === 'empty-collection' ? null : site ? `Turn on for ${site}` : null;
  return (
    <div className="quiet-notice" data-testid="quiet-notice" data-reason={reason}>
      <p className="quiet-notice-message">{message}</p>
      <p className="quiet-notice-hint">{hint}</p>
      {action && onTurnOn && (
        <button type="button" className="quiet-notice-action" data-testid="quiet-action" disabled={busy} onClick={onTurnOn}>
          {action}
        </button>
      )}
    </div>
  );
}
