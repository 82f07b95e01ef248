import { defineMessages } from '../../i18n/define-messages';

export const lockMessages = defineMessages(
  {
    lostSummary: 'Wachtzin vergeten?',
    lostNoRecovery: 'Niemand kan je wachtzin herstellen, ook wij niet: zo kan ook niemand anders bij de gegevens.',
    lostTryAgain: 'Probeer eerst rustig varianten die je vaak gebruikt (hoofdletters, spaties).',
    lostBackup:
      'Heb je een back-up waarvan je de wachtzin wel weet? Wis dan hieronder de gegevens op dit apparaat en kies bij het opnieuw instellen "Ik heb een back-up".',
    lostNoBackup: 'Zonder back-up zijn de gegevens op dit apparaat na het wissen verloren; je begint dan opnieuw.',
    lostTeam:
      'Werk je in een team? Dan word je na het wissen opnieuw lid via een collega (Instellingen → Werken als team → Lid worden). Ook na het terugzetten van een back-up: dit apparaat krijgt een nieuwe apparaatsleutel. De cliënten van het team komen dan weer binnen.',
    title: 'Stapwijzer is vergrendeld',
    intro: 'Vul je wachtzin in om verder te werken.',
    passphrase: 'Wachtzin',
    unlock: 'Ontgrendelen',
    unlocking: 'Ontgrendelen…',
    wrong: 'Dat is niet de juiste wachtzin.',
    tooSoon: 'Deze poging is niet geprobeerd: er is net een onjuiste wachtzin ingevuld.',
    wait: 'Je kunt het over {seconds|# seconde|# seconden} opnieuw proberen.',
    failed: 'Ontgrendelen lukte niet. Probeer het opnieuw.',
    kdfUnsupported:
      'Deze browser kan de beveiliging van Stapwijzer niet uitvoeren (WebAssembly ontbreekt of is geblokkeerd). Werk de browser bij.',
    lockNow: 'Vergrendelen',
    'lockedBy.lock': 'Stapwijzer is in een ander tabblad vergrendeld.',
    'lockedBy.restore': 'In een ander tabblad is een back-up teruggezet. Ontgrendel opnieuw om verder te werken.',
    'lockedBy.wipe': 'In een ander tabblad worden alle gegevens gewist.',
    'lockedBy.passphrase-change': 'In een ander tabblad is de wachtzin gewijzigd. Ontgrendel met de nieuwe wachtzin.',
    'lockedBy.migration':
      'In een ander tabblad worden de gegevens opnieuw beveiligd. Ontgrendel opnieuw; dat tabblad maakt het af.',
    checking: 'Stapwijzer openen…',
    'restorePending.backup':
      'Het terugzetten van een back-up is nog niet af. Je oude gegevens zijn al vervangen; de back-up staat veilig klaar. Ontgrendel met de wachtzin van de back-up: dan wordt het eerst afgemaakt.',
    'restorePending.device':
      'Het terugzetten van een back-up is nog niet af. Je oude gegevens zijn al vervangen; de back-up staat veilig klaar. Ontgrendel met je wachtzin van dit apparaat: dan wordt het eerst afgemaakt.',
    restoreProgressLabel: 'Voortgang terugzetten',
    restoreProgress: 'Back-up terugzetten: {done} van {total} onderdelen. Sluit Stapwijzer niet.',
    storageCleared:
      'De browser heeft de opgeslagen gegevens van Stapwijzer gewist. Begin opnieuw en zet daarna je laatste back-up terug.',
  },
  {
    lostSummary: 'Forgot your passphrase?',
    lostNoRecovery: 'Nobody can recover your passphrase, not even us: that is also why nobody else can reach the data.',
    lostTryAgain: 'First calmly try variants you often use (capitals, spaces).',
    lostBackup:
      'Do you have a backup whose passphrase you do know? Then delete the data on this device below and choose "I have a backup" when setting up again.',
    lostNoBackup: 'Without a backup the data on this device is lost after deleting; you start again.',
    lostTeam:
      'Do you work in a team? Then after deleting you rejoin through a colleague (Settings → Working as a team → Join). Also after restoring a backup: this device gets a new device key. The team’s clients then come in again.',
    title: 'Stapwijzer is locked',
    intro: 'Enter your passphrase to continue.',
    passphrase: 'Passphrase',
    unlock: 'Unlock',
    unlocking: 'Unlocking…',
    wrong: 'That is not the right passphrase.',
    tooSoon: 'This attempt was not tried: a wrong passphrase was entered just now.',
    wait: 'You can try again in {seconds|# second|# seconds}.',
    failed: 'Unlocking did not work. Please try again.',
    kdfUnsupported:
      "This browser cannot run Stapwijzer's security (WebAssembly is missing or blocked). Please update the browser.",
    lockNow: 'Lock',
    'lockedBy.lock': 'Stapwijzer was locked in another tab.',
    'lockedBy.restore': 'A backup was restored in another tab. Unlock again to continue.',
    'lockedBy.wipe': 'All data is being deleted in another tab.',
    'lockedBy.passphrase-change': 'The passphrase was changed in another tab. Unlock with the new passphrase.',
    'lockedBy.migration': 'The data is being secured again in another tab. Unlock again; that tab finishes the work.',
    checking: 'Opening Stapwijzer…',
    'restorePending.backup':
      'Restoring a backup has not finished. Your old data has already been replaced; the backup is safely waiting. Unlock with the passphrase of the backup: the restore is finished first.',
    'restorePending.device':
      'Restoring a backup has not finished. Your old data has already been replaced; the backup is safely waiting. Unlock with your passphrase of this device: the restore is finished first.',
    restoreProgressLabel: 'Restore progress',
    restoreProgress: 'Restoring the backup: {done} of {total} items. Do not close Stapwijzer.',
    storageCleared: "The browser has deleted Stapwijzer's stored data. Start again, then restore your latest backup.",
  },
);
