import { defineMessages } from '../../i18n/define-messages';

export const onboardingMessages = defineMessages(
  {
    title: 'Welkom bij Stapwijzer',
    intro: 'Drie korte stappen. Daarna werkt Stapwijzer ook zonder internet.',
    stepOf: 'Stap {step} van 3',
    rolesLegend: 'Wat is je rol?',
    rolesHint: 'Kies er één of meer. Je ziet dan de routes die bij je werk horen.',
    initials: 'Je initialen',
    initialsHint: 'Ze staan bij alles wat je vastlegt (bijvoorbeeld "JdV"). Eén professional per browserprofiel.',
    next: 'Volgende',
    back: 'Terug',
    needRole: 'Kies minstens één rol.',
    needInitials: 'Vul je initialen in (1 tot 6 letters).',
    passphraseTitle: 'Kies een wachtzin',
    passphraseIntro:
      'Met de wachtzin versleutel je de gegevens van je cliënten op dit apparaat. Kies een paar losse woorden: een veelgebruikte combinatie of één woord met cijfers weigert Stapwijzer.',
    passphrase: 'Wachtzin',
    passphraseAgain: 'Wachtzin nog een keer',
    warning:
      'Deze wachtzin kan niemand herstellen, ook wij niet. Vergeet je hem, dan zijn de gegevens op dit apparaat niet meer te openen. Maak daarom regelmatig een versleutelde back-up.',
    understood: 'Ik begrijp dat mijn wachtzin niet te herstellen is.',
    mismatch: 'De twee wachtzinnen zijn niet gelijk.',
    needUnderstood: 'Vink aan dat je dit begrijpt.',
    create: 'Beveiliging instellen',
    creating: 'Beveiliging instellen…',
    failed: 'Instellen lukte niet. Probeer het opnieuw.',
    kdfUnsupported:
      'Deze browser kan de beveiliging van Stapwijzer niet uitvoeren (WebAssembly ontbreekt of is geblokkeerd). Werk de browser bij of gebruik een recente Chrome, Edge, Firefox of Safari.',
    installTitle: 'Zet Stapwijzer op je beginscherm',
    installIntro: 'Als app op je beginscherm start Stapwijzer sneller en blijven je gegevens beter bewaard.',
    installAndroid: 'Android (Chrome): menu ⋮ → "App installeren" of "Toevoegen aan startscherm".',
    installIos:
      'iPhone en iPad (Safari): deelknop → "Zet op beginscherm". Op iPhone en iPad moet je Stapwijzer eerst zo installeren voordat je cliëntgegevens kunt vastleggen.',
    installDesktop: 'Computer (Chrome of Edge): het installatie-icoon rechts in de adresbalk.',
    done: 'Aan de slag',
  },
  {
    title: 'Welcome to Stapwijzer',
    intro: 'Three short steps. After that, Stapwijzer also works without internet.',
    stepOf: 'Step {step} of 3',
    rolesLegend: 'What is your role?',
    rolesHint: 'Choose one or more. You will see the pathways that belong to your work.',
    initials: 'Your initials',
    initialsHint: 'They label everything you record (for example "JdV"). One professional per browser profile.',
    next: 'Next',
    back: 'Back',
    needRole: 'Choose at least one role.',
    needInitials: 'Enter your initials (1 to 6 letters).',
    passphraseTitle: 'Choose a passphrase',
    passphraseIntro:
      "The passphrase encrypts your clients' data on this device. Choose a few unrelated words: Stapwijzer refuses a well-known password or a word with digits.",
    passphrase: 'Passphrase',
    passphraseAgain: 'Passphrase again',
    warning:
      'Nobody can recover this passphrase, not even us. If you forget it, the data on this device can no longer be opened. So make an encrypted backup regularly.',
    understood: 'I understand that my passphrase cannot be recovered.',
    mismatch: 'The two passphrases are not the same.',
    needUnderstood: 'Tick the box to confirm you understand.',
    create: 'Set up security',
    creating: 'Setting up security…',
    failed: 'Setting up did not work. Please try again.',
    kdfUnsupported:
      "This browser cannot run Stapwijzer's security (WebAssembly is missing or blocked). Update the browser or use a recent Chrome, Edge, Firefox or Safari.",
    installTitle: 'Put Stapwijzer on your home screen',
    installIntro: 'As an app on your home screen, Stapwijzer starts faster and your data is kept more reliably.',
    installAndroid: 'Android (Chrome): menu ⋮ → "Install app" or "Add to Home screen".',
    installIos:
      'iPhone and iPad (Safari): Share button → "Add to Home Screen". On iPhone and iPad you must install Stapwijzer this way before you can record client data.',
    installDesktop: 'Computer (Chrome or Edge): the install icon at the right of the address bar.',
    done: 'Get started',
  },
);
