/** Band lookup: bands are content (contiguous ranges checked by the pack integrity check). */
import type { BandResult } from './result';
import type { Band } from './types';

export function findBand(bands: readonly Band[], score: number): BandResult | null {
  for (const band of bands) {
    if (score >= band.min && score <= band.max) return { id: band.id, label: band.label };
  }
  return null;
}
