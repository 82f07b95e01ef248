// One Dutch (and English) message per backup failure (R31): each says what is wrong and that nothing
// was changed, so the professional knows the current data is safe.
import type { BackupErrorCode } from '../../db';
import { defineMessages } from '../../i18n/define-messages';

export const backupErrorMessages = defineMessages(
  {
    'too-large': 'Dit bestand is te groot (meer dan 256 MB) voor een back-up van Stapwijzer. Er is niets veranderd.',
    truncated: 'Dit back-upbestand is onvolledig: het is afgebroken. Er is niets veranderd.',
    'not-text':
      'Dit is geen back-up maar een ander soort bestand (bijvoorbeeld een foto, pdf of zip). Kies het .json-bestand van Stapwijzer. Er is niets veranderd.',
    'not-backup': 'Dit is geen back-up van Stapwijzer. Kies het juiste bestand. Er is niets veranderd.',
    'too-deep': 'Dit bestand is ongeldig: het is veel te diep genest. Er is niets veranderd.',
    'forbidden-key': 'Dit bestand bevat verboden velden (zoals __proto__) en wordt geweigerd. Er is niets veranderd.',
    'unknown-version':
      'Deze back-up heeft een onbekende versie. Werk Stapwijzer bij en probeer het opnieuw. Er is niets veranderd.',
    'unknown-fields': 'Dit back-upbestand bevat onbekende velden en wordt geweigerd. Er is niets veranderd.',
    'invalid-record': 'Een gegeven in deze back-up klopt niet met het verwachte formaat. Er is niets veranderd.',
    altered: 'Deze back-up is gewijzigd of beschadigd en wordt niet gebruikt. Er is niets veranderd.',
    'kdf-altered':
      'De sleutelinstelling in deze back-up is gewijzigd: zo kan geen wachtzin hem openen. Gebruik een ongewijzigde back-up. Er is niets veranderd.',
    'wrong-passphrase': 'Dat is niet de wachtzin van deze back-up. Er is niets veranderd.',
    'wrong-device-passphrase': 'Dat is niet de huidige wachtzin van dit apparaat. Er is niets veranderd.',
    'write-failed': 'Terugzetten is mislukt tijdens het opslaan. Je gegevens zijn niet veranderd.',
    // The one failure after which the old data is gone: said plainly, with the way to finish.
    interrupted:
      'Het terugzetten is onderbroken toen je oude gegevens al waren vervangen. De back-up staat veilig klaar. Stapwijzer is nu vergrendeld: ontgrendel met de gekozen wachtzin, dan wordt het terugzetten afgemaakt.',
  } satisfies Record<BackupErrorCode, string>,
  {
    'too-large': 'This file is too large (over 256 MB) for a Stapwijzer backup. Nothing was changed.',
    truncated: 'This backup file is incomplete: it was cut off. Nothing was changed.',
    'not-text':
      'This is not a backup but another kind of file (a photo, PDF or zip, for example). Choose the Stapwijzer .json file. Nothing was changed.',
    'not-backup': 'This is not a Stapwijzer backup. Choose the right file. Nothing was changed.',
    'too-deep': 'This file is invalid: it is nested far too deeply. Nothing was changed.',
    'forbidden-key': 'This file contains forbidden fields (such as __proto__) and is refused. Nothing was changed.',
    'unknown-version': 'This backup has an unknown version. Update Stapwijzer and try again. Nothing was changed.',
    'unknown-fields': 'This backup file contains unknown fields and is refused. Nothing was changed.',
    'invalid-record': 'An item in this backup does not match the expected format. Nothing was changed.',
    altered: 'This backup has been changed or damaged and is not used. Nothing was changed.',
    'kdf-altered':
      'The key setting in this backup has been changed: no passphrase can open it like this. Use an unaltered backup. Nothing was changed.',
    'wrong-passphrase': 'That is not the passphrase of this backup. Nothing was changed.',
    'wrong-device-passphrase': 'That is not the current passphrase of this device. Nothing was changed.',
    'write-failed': 'Restoring failed while saving. Your data has not changed.',
    interrupted:
      'Restoring was interrupted after your old data had already been replaced. The backup is safely waiting. Stapwijzer is now locked: unlock with the passphrase you chose and the restore is finished.',
  },
);
