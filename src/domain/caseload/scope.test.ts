import { describe, expect, it } from 'vitest';
import { rowsInScope, todayInScope } from './view';

const row = (clientId: string, responsible: string | null) => ({ clientId, responsible });

describe('"mijn cliënten / team"', () => {
  const rows = [row('a', 'AB'), row('b', 'CD'), row('c', null)];

  it('"mine" keeps the clients this member is responsible for, and those without a known member', () => {
    expect(rowsInScope(rows, 'mine', 'AB').map((r) => r.clientId)).toEqual(['a', 'c']);
    expect(rowsInScope(rows, 'mine', 'CD').map((r) => r.clientId)).toEqual(['b', 'c']);
  });

  it('"team" keeps everyone, and so does "mine" while the initials are not known', () => {
    expect(rowsInScope(rows, 'team', 'AB')).toHaveLength(3);
    expect(rowsInScope(rows, 'mine', null)).toHaveLength(3);
  });

  it('filters each of Vandaag’s groups', () => {
    const full = { overdue: [row('a', 'AB')], today: [row('b', 'CD')], week: [row('c', 'AB')] };
    const mine = todayInScope(full, 'mine', 'AB');
    expect(mine.overdue).toHaveLength(1);
    expect(mine.today).toHaveLength(0);
    expect(mine.week).toHaveLength(1);
  });
});
