import { describe, expect, it } from 'vitest';
import { foldForSearch, matchesClient } from './search';

describe('client search', () => {
  it('ignores case and diacritics', () => {
    expect(foldForSearch('Ëlla Çoşkun')).toBe('ella coskun');
    expect(matchesClient({ alias: 'Zoë' }, 'ZOE')).toBe(true);
    expect(matchesClient({ alias: 'zoe' }, 'Zoë')).toBe(true);
  });
  it('matches on the code as well as the alias', () => {
    expect(matchesClient({ alias: 'Moeder A', code: 'JGZ-0412' }, 'jgz-04')).toBe(true);
    expect(matchesClient({ alias: 'Moeder A' }, 'jgz')).toBe(false);
  });
  it('an empty query matches everyone', () => {
    expect(matchesClient({ alias: 'x' }, '  ')).toBe(true);
  });
});
