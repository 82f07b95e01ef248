import { defineMessages, useMessages } from '../../i18n/define-messages';
import { useSession } from '../../runtime/session-store';
import { useResealStatus } from '../../runtime/vault/reseal-runner';

const messages = defineMessages(
  {
    running: 'Gegevens worden beveiligd… {done} van {total}',
    failed: 'Het opnieuw beveiligen van de gegevens is gestopt. Het gaat verder bij de volgende keer ontgrendelen.',
  },
  {
    running: 'Securing your data… {done} of {total}',
    failed: 'Securing the data again stopped. It continues the next time you unlock.',
  },
);

/** The re-sealing migration's progress (R40), shown while it runs after an unlock. */
export function ResealNotice() {
  const t = useMessages(messages);
  const unlocked = useSession((s) => s.vaultStatus === 'unlocked');
  const { phase, done, total } = useResealStatus();
  if (!unlocked || (phase !== 'running' && phase !== 'failed')) return null;
  return (
    <p className="notice" role="status">
      {phase === 'running' ? t('running', { done, total }) : t('failed')}
    </p>
  );
}
