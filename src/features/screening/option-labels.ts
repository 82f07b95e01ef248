import type { Instrument, Item, Text } from '../../domain';

/** How many printed options an item has (its own labels, the instrument's, or the scoring key's). */
export function optionCount(instrument: Instrument, item: Item): number {
  return item.optionLabels?.length ?? instrument.optionLabels?.length ?? instrument.scoring.optionScores.length;
}

/** The item's option labels, when the content has them (score-entry EPDS has none: positions only). */
export function optionLabels(instrument: Instrument, item: Item): readonly Text[] | undefined {
  return item.optionLabels ?? instrument.optionLabels;
}

/** The printed option positions of an item, 0-based. */
export function positionsOf(instrument: Instrument, item: Item): number[] {
  return Array.from({ length: optionCount(instrument, item) }, (_, p) => p);
}
