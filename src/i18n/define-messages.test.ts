import { describe, expect, it } from 'vitest';
import { defineMessages, translateIn } from './define-messages';
import { en } from './en';
import { nl } from './nl';
import { translate } from './translate';

describe('message catalogues', () => {
  it('the shell catalogue has the same keys in Dutch and English, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
    for (const text of [...Object.values(nl), ...Object.values(en)]) expect(text.trim()).not.toBe('');
  });

  it('fills placeholders and leaves a missing one visible rather than printing "undefined"', () => {
    const m = defineMessages({ due: '{count} vervolgcontacten op {day}' }, { due: '{count} follow-ups on {day}' });
    expect(translateIn(m, 'nl', 'due', { count: 3, day: 'maandag' })).toBe('3 vervolgcontacten op maandag');
    expect(translateIn(m, 'en', 'due', { count: 3 })).toBe('3 follow-ups on {day}');
  });

  it('translate() reads the shell catalogue in the chosen language', () => {
    expect(translate('nl', 'nav.home')).toBe('Vandaag');
    expect(translate('en', 'nav.home')).toBe('Today');
  });

  it('picks the plural form by the language: one answer, 0 and 2 answers, one second', () => {
    const m = defineMessages(
      { n: '{count|# antwoord|# antwoorden}', wait: 'over {s|# seconde|# seconden}' },
      { n: '{count|# answer|# answers}', wait: 'in {s|# second|# seconds}' },
    );
    expect(translateIn(m, 'nl', 'n', { count: 1 })).toBe('1 antwoord');
    expect(translateIn(m, 'nl', 'n', { count: 0 })).toBe('0 antwoorden');
    expect(translateIn(m, 'nl', 'n', { count: 2 })).toBe('2 antwoorden');
    expect(translateIn(m, 'en', 'n', { count: 1 })).toBe('1 answer');
    expect(translateIn(m, 'nl', 'wait', { s: 1 })).toBe('over 1 seconde');
    expect(translateIn(m, 'en', 'wait', {})).toBe('in {s|# second|# seconds}');
  });
});
