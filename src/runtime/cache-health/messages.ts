import { defineMessages } from '../../i18n/define-messages';

export const cacheHealthMessages = defineMessages(
  {
    recached:
      'De browser had de bestanden voor offline gebruik gewist. Stapwijzer heeft ze opnieuw opgeslagen: de app werkt weer zonder internet.',
    lostOffline:
      'De browser heeft de bestanden voor offline gebruik gewist en je bent nu offline. Sluit Stapwijzer niet af: opnieuw openen lukt pas weer met internet. Zodra je online bent, slaat Stapwijzer ze opnieuw op.',
    recacheFailed:
      'De bestanden voor offline gebruik zijn gewist en opnieuw opslaan lukte niet. Zonder internet start Stapwijzer niet. Herlaad de pagina terwijl je online bent.',
    dismiss: 'Sluiten',
  },
  {
    recached:
      'The browser had deleted the files for offline use. Stapwijzer has stored them again: the app works without internet again.',
    lostOffline:
      'The browser has deleted the files for offline use and you are offline now. Do not close Stapwijzer: reopening only works with internet. As soon as you are online, Stapwijzer stores them again.',
    recacheFailed:
      'The files for offline use were deleted and storing them again did not work. Without internet Stapwijzer will not start. Reload the page while online.',
    dismiss: 'Close',
  },
);
