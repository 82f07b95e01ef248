// One Dutch (and English) sentence per storage failure, for every save in clients, notes and plans.
// The caller keeps the typed input in its own state; this only says what went wrong.
import { isStorageError, type StorageErrorCode } from '../../db';
import { defineMessages, translateIn } from '../../i18n/define-messages';
import type { Language } from '../../i18n/translate';

const messages = defineMessages(
  {
    quota: 'Onvoldoende opslagruimte op dit apparaat. Maak ruimte vrij of maak een back-up en verwijder oude gegevens.',
    conflict: 'Dit is intussen ergens anders gewijzigd. Open het opnieuw en probeer het nog eens.',
    locked: 'Stapwijzer is vergrendeld. Ontgrendel en probeer het opnieuw; wat je typte staat er nog.',
    stale: 'Stapwijzer is bijgewerkt in een ander tabblad. Herlaad de pagina; wat je typte staat er nog.',
    connection: 'De verbinding met de opslag viel weg. Probeer het opnieuw.',
    other: 'Opslaan is niet gelukt. Probeer het opnieuw; wat je typte staat er nog.',
  },
  {
    quota: 'Not enough storage space on this device. Free up space, or make a backup and remove old data.',
    conflict: 'This was changed elsewhere in the meantime. Open it again and retry.',
    locked: 'Stapwijzer is locked. Unlock and try again; what you typed is still here.',
    stale: 'Stapwijzer was updated in another tab. Reload the page; what you typed is still here.',
    connection: 'The connection to storage was lost. Please try again.',
    other: 'Saving failed. Please try again; what you typed is still here.',
  },
);

type Key = keyof (typeof messages)['nl'];

function keyFor(code: StorageErrorCode | null): Key {
  switch (code) {
    case 'quota':
      return 'quota';
    case 'conflict':
      return 'conflict';
    case 'locked':
      return 'locked';
    case 'stale-build':
      return 'stale';
    case 'connection-lost':
      return 'connection';
    default:
      return 'other';
  }
}

/** The message for a failed save; non-storage errors get the generic one. */
export function saveErrorMessage(error: unknown, language: Language): string {
  return translateIn(messages, language, keyFor(isStorageError(error) ? error.code : null));
}
