// The "Hulp nu" button of the shell header. Kept apart from the panel (help-now.tsx) so the first
// screen carries only this; the panel chunk loads on the first press, from the precache when offline.
import { useMessages } from '../../i18n/define-messages';
import { helpNowMessages } from './help-now.messages';

export const HELP_NOW_PANEL_ID = 'help-now';

export function HelpNowButton(props: { open: boolean; onToggle: () => void }) {
  const t = useMessages(helpNowMessages);
  return (
    <button
      type="button"
      className="button help-now-button"
      aria-expanded={props.open}
      aria-controls={props.open ? HELP_NOW_PANEL_ID : undefined}
      onClick={props.onToggle}
    >
      {t('button')}
    </button>
  );
}
