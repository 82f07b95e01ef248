import { describe, expect, it } from 'vitest';
import { canonicalBase, canonicalUrl, DEFAULT_CANONICAL_BASE } from './canonical';

describe('the canonical base set at build time', () => {
  it('defaults to the URN when none is set, never to a web domain', () => {
    expect(canonicalBase(undefined)).toBe('urn:stapwijzer');
    expect(canonicalBase('  ')).toBe(DEFAULT_CANONICAL_BASE);
    expect(canonicalUrl(DEFAULT_CANONICAL_BASE, 'Questionnaire', 'epds')).toBe('urn:stapwijzer:Questionnaire:epds');
  });

  it('takes a deployer’s https base or URN and joins it the way each scheme does', () => {
    expect(canonicalUrl(canonicalBase('https://fhir.praktijk.nl/stapwijzer'), 'CodeSystem', 'postpartum')).toBe(
      'https://fhir.praktijk.nl/stapwijzer/CodeSystem/postpartum',
    );
    expect(canonicalUrl(canonicalBase('urn:praktijk:stapwijzer'), 'CodeSystem', 'postpartum')).toBe(
      'urn:praktijk:stapwijzer:CodeSystem:postpartum',
    );
  });

  it('refuses plain http, a trailing slash and anything else', () => {
    for (const bad of ['http://fhir.praktijk.nl', 'https://fhir.praktijk.nl/', 'fhir.praktijk.nl', 'urn:']) {
      expect(() => canonicalBase(bad)).toThrow(/canonical base/);
    }
  });
});
