import type { Indicators, PathwayId } from '../../domain';

/** The professional's own pathways first (in the order of their roles), then any other on the device. */
export function ownPathwaysFirst(indicators: Indicators, own: readonly PathwayId[] | undefined): Indicators {
  const rank = (id: PathwayId) => {
    const i = (own ?? []).indexOf(id);
    return i === -1 ? Number.MAX_SAFE_INTEGER : i;
  };
  return { ...indicators, pathways: [...indicators.pathways].sort((a, b) => rank(a.pathwayId) - rank(b.pathwayId)) };
}
