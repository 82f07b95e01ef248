import { Link } from 'react-router';
import { useMessages } from '../../i18n/define-messages';
import { useSync } from '../../runtime/sync/sync-store';
import { teamMessages } from './messages';

/** A small line in the header for a device in a team: up to date, syncing, offline (with waiting changes) or a problem. */
export function SyncIndicator() {
  const t = useMessages(teamMessages);
  const phase = useSync((s) => s.phase);
  const pending = useSync((s) => s.pending);
  const error = useSync((s) => s.error);
  if (phase === 'off') return null;
  const text =
    phase === 'offline'
      ? pending > 0
        ? t('indicatorOffline', { count: pending })
        : t('indicatorOfflineNone')
      : phase === 'error' || error === 'key-rotated'
        ? t('indicatorError')
        : phase === 'idle' || phase === 'other-tab'
          ? t('indicatorIdle')
          : t('indicatorSyncing');
  return (
    <Link to="/settings" className="sync-indicator" data-testid="sync-indicator" data-phase={phase}>
      {text}
    </Link>
  );
}
