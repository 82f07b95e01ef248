// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { checkPassphrase, generatePassphrase, loadEstimator } from './strength';

describe('passphrase strength (R39)', () => {
  it.each([
    ['wachtwoord', 'common'],
    ['12345678', 'common'],
    ['password', 'common'],
    ['welkom123', 'common'],
    ['        ', 'blank'],
    ['kort', 'tooShort'],
    ['aaaaaaaaaaaa', 'repeat'],
    ['13-05-1987', 'date'],
  ])('refuses %j with reason %s', async (passphrase, reason) => {
    expect(await checkPassphrase(passphrase)).toEqual({ ok: false, reason });
  });

  it('accepts a few unrelated words', async () => {
    expect(await checkPassphrase('stapwijzer test wachtzin')).toEqual({ ok: true });
    expect(await checkPassphrase('fiets lamp tuin boek')).toEqual({ ok: true });
  });

  it('generates four distinct-looking Dutch words that pass the same rule', async () => {
    const { DUTCH_WORDS } = await loadEstimator();
    expect(DUTCH_WORDS.length).toBeGreaterThan(2_000);
    const a = await generatePassphrase();
    const b = await generatePassphrase();
    expect(a.split(' ')).toHaveLength(4);
    expect(a).not.toBe(b);
    expect(await checkPassphrase(a)).toEqual({ ok: true });
  });
});
