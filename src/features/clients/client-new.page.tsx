import { useNavigate } from 'react-router';
import { createClient } from '../../db';
import { useMessages } from '../../i18n/define-messages';
import { useVault } from '../../runtime/vault/runtime-context';
import { PageHeading } from '../../ui/page-heading';
import { ClientForm } from './client-form';
import './clients.css';
import { IosInstallInstructions, useIosRecordBlock } from './ios-guard';
import { messages } from './messages';

export function ClientNewPage() {
  const vault = useVault();
  const t = useMessages(messages);
  const navigate = useNavigate();
  const blocked = useIosRecordBlock();
  return (
    <section>
      <PageHeading>{t('newTitle')}</PageHeading>
      {blocked ? (
        <IosInstallInstructions />
      ) : (
        <ClientForm
          submitLabel={t('save')}
          onSave={async (data) => {
            const client = await createClient(vault.session(), data);
            // Replace, so the history entry of this form (and any form state the browser keeps for
            // it) does not outlive the save.
            navigate(`/clients/${encodeURIComponent(client.id)}`, { replace: true });
          }}
          onCancel={() => navigate('/clients')}
        />
      )}
    </section>
  );
}
