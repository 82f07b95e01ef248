import { defineMessages } from '../../i18n/define-messages';

export const storageHealthMessages = defineMessages(
  {
    persistDenied: 'Deze browser mag je gegevens opruimen. Maak vaak een back-up.',
    persistDeniedShort: 'Opslag niet gegarandeerd',
    hideForNow: 'Verbergen',
    backupLink: 'Back-up maken',
    cleared:
      'De browser heeft de opgeslagen gegevens van Stapwijzer gewist. Begin opnieuw en zet daarna je laatste back-up terug.',
    restoreLink: 'Back-up terugzetten',
    dismiss: 'Begrepen',
    staleTitle: 'Stapwijzer is bijgewerkt',
    stale: 'Stapwijzer is bijgewerkt in een ander tabblad. Herlaad om verder te werken.',
    staleSaved: 'Wat je aan het doen was, is opgeslagen.',
    reload: 'Herladen',
    reloading: 'De nieuwe versie wordt opgehaald…',
  },
  {
    persistDenied: 'This browser may clear your data. Back up often.',
    persistDeniedShort: 'Storage not guaranteed',
    hideForNow: 'Hide',
    backupLink: 'Make a backup',
    cleared: "The browser has deleted Stapwijzer's stored data. Start again, then restore your latest backup.",
    restoreLink: 'Restore a backup',
    dismiss: 'Got it',
    staleTitle: 'Stapwijzer has been updated',
    stale: 'Stapwijzer was updated in another tab. Reload to continue working.',
    staleSaved: 'What you were doing has been saved.',
    reload: 'Reload',
    reloading: 'Fetching the new version…',
  },
);
