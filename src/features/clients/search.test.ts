import { describe, expect, it } from 'vitest';
import { filterIndexed, foldForSearch, indexClients, matchesClient } from './search';

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

describe('indexed search over the caseload', () => {
  const records = [
    { id: '1', data: { alias: 'Zoë', code: 'A-12' } },
    { id: '2', data: { alias: 'anna' } },
    { id: '3', data: { alias: 'Émile', code: 'b-7' } },
  ];

  it('sorts by alias the Dutch way (case and accents ignored) and filters on alias or code', () => {
    const index = indexClients(records);
    expect(filterIndexed(index, '').map((r) => r.id)).toEqual(['2', '3', '1']);
    expect(filterIndexed(index, 'ZOE').map((r) => r.id)).toEqual(['1']);
    expect(filterIndexed(index, 'emi').map((r) => r.id)).toEqual(['3']);
    expect(filterIndexed(index, 'B-7').map((r) => r.id)).toEqual(['3']);
    expect(filterIndexed(index, 'xyz')).toEqual([]);
  });

  it('filters 2,000 clients without sorting again', () => {
    const many = Array.from({ length: 2000 }, (_, i) => ({ id: String(i), data: { alias: `Cliënt ${i}` } }));
    const index = indexClients(many);
    expect(filterIndexed(index, 'client 1999').map((r) => r.id)).toEqual(['1999']);
  });
});
