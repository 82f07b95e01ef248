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
});
