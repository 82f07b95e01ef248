import { describe, expect, it } from 'vitest';
import { bundledPack } from '../content/testing';
import { helpNowAdvice } from './safety-advice';

describe('"Hulp nu" without a screening', () => {
  it('offers the postpartum emergency card and the POP-poli route with the urgent routes, no signal and no action', () => {
    const advice = helpNowAdvice(bundledPack('postpartum'));
    expect(advice.signals).toEqual([]);
    expect(advice.actions).toEqual([]);
    expect(advice.cardIds).toEqual(expect.arrayContaining(['pp-safety-self-harm', 'pp-emergency-psychosis']));
    expect(advice.helpRoutes).toEqual(['huisarts', 'huisartsenpost', '113', '113-professionals', '112', 'pop-poli']);
  });

  it('lists every route of the caregivers pack once', () => {
    const advice = helpNowAdvice(bundledPack('caregivers'));
    expect(new Set(advice.helpRoutes).size).toBe(advice.helpRoutes.length);
    expect(advice.helpRoutes).toContain('113');
  });
});
