import { defineMessages } from '../../i18n/define-messages';

export const passphraseMessages = defineMessages(
  {
    tooShort: 'Deze wachtzin is te kort: kies minstens 8 tekens, liefst een paar woorden.',
    blank: 'Deze wachtzin bestaat alleen uit spaties.',
    common: 'Deze wachtzin is te makkelijk te raden: hij bestaat uit een veelgebruikte combinatie of een gewoon woord.',
    repeat: 'Deze wachtzin is te makkelijk te raden: hij herhaalt steeds dezelfde tekens.',
    keyboard: 'Deze wachtzin is te makkelijk te raden: het is een rij toetsen van het toetsenbord.',
    date: 'Deze wachtzin is te makkelijk te raden: er zit vooral een datum in.',
    sequence: 'Deze wachtzin is te makkelijk te raden: het is een reeks zoals 1234 of abcd.',
    guessable: 'Deze wachtzin is te makkelijk te raden. Maak hem langer, bijvoorbeeld met een paar losse woorden.',
    suggestion: 'Een voorstel (schrijf het op een veilige plek op):',
    useSuggestion: 'Deze gebruiken',
    otherSuggestion: 'Ander voorstel',
    suggest: 'Stel een sterke wachtzin voor',
    checking: 'Wachtzin controleren…',
  },
  {
    tooShort: 'This passphrase is too short: use at least 8 characters, preferably a few words.',
    blank: 'This passphrase is only spaces.',
    common: 'This passphrase is too easy to guess: it is a common password or word.',
    repeat: 'This passphrase is too easy to guess: it repeats the same characters.',
    keyboard: 'This passphrase is too easy to guess: it is a row of keys on the keyboard.',
    date: 'This passphrase is too easy to guess: it is mostly a date.',
    sequence: 'This passphrase is too easy to guess: it is a sequence such as 1234 or abcd.',
    guessable: 'This passphrase is too easy to guess. Make it longer, for example with a few unrelated words.',
    suggestion: 'A suggestion (write it down somewhere safe):',
    useSuggestion: 'Use this one',
    otherSuggestion: 'Another suggestion',
    suggest: 'Suggest a strong passphrase',
    checking: 'Checking passphrase…',
  },
);
