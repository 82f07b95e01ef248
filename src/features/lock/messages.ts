import { defineMessages } from '../../i18n/define-messages';

export const lockMessages = defineMessages(
  {
    title: 'Stapwijzer is vergrendeld',
    intro: 'Vul je wachtzin in om verder te werken.',
    passphrase: 'Wachtzin',
    unlock: 'Ontgrendelen',
    unlocking: 'Ontgrendelen…',
    wrong: 'Dat is niet de juiste wachtzin.',
    wait: 'Je kunt het over {seconds} seconden opnieuw proberen.',
    failed: 'Ontgrendelen lukte niet. Probeer het opnieuw.',
    kdfUnsupported:
      'Deze browser kan de beveiliging van Stapwijzer niet uitvoeren (WebAssembly ontbreekt of is geblokkeerd). Werk de browser bij.',
    lockNow: 'Vergrendelen',
    checking: 'Stapwijzer openen…',
    storageCleared:
      'De browser heeft de opgeslagen gegevens van Stapwijzer gewist. Begin opnieuw en zet daarna je laatste back-up terug.',
  },
  {
    title: 'Stapwijzer is locked',
    intro: 'Enter your passphrase to continue.',
    passphrase: 'Passphrase',
    unlock: 'Unlock',
    unlocking: 'Unlocking…',
    wrong: 'That is not the right passphrase.',
    wait: 'You can try again in {seconds} seconds.',
    failed: 'Unlocking did not work. Please try again.',
    kdfUnsupported:
      "This browser cannot run Stapwijzer's security (WebAssembly is missing or blocked). Please update the browser.",
    lockNow: 'Lock',
    checking: 'Opening Stapwijzer…',
    storageCleared: "The browser has deleted Stapwijzer's stored data. Start again, then restore your latest backup.",
  },
);
