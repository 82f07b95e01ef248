/**
 * Licence packs add licensed item text to a score-entry instrument (e.g. EPDS with RCPsych
 * permission), which then allows self-completion. They may add text only; a change to
 * anything else is refused, so a licence pack can never change a scoring key, band, cut-off or routing rule.
 */
import type { ContentPack, Instrument, Item, PathwayId, Text } from './types';

export interface LicenceItemPatch {
  readonly itemId: string;
  readonly text: Text;
  readonly optionLabels?: readonly Text[];
  /** Present only so that attempts to change more than text can be named and refused. */
  readonly [other: string]: unknown;
}

export interface LicenceInstrumentPatch {
  readonly instrumentId: string;
  readonly instrumentVersion: string;
  readonly licenceNote: Text;
  readonly instructions?: Text;
  readonly optionLabels?: readonly Text[];
  readonly items: readonly LicenceItemPatch[];
  readonly [other: string]: unknown;
}

export interface LicencePack {
  readonly kind: 'licence';
  readonly schemaVersion: 1;
  readonly id: string;
  readonly contentVersion: string;
  readonly packId: PathwayId;
  readonly holder: string;
  readonly instruments: readonly LicenceInstrumentPatch[];
}

export type LicenceError =
  | { readonly code: 'wrong-pack'; readonly message: string }
  | { readonly code: 'unknown-instrument'; readonly message: string; readonly instrumentId: string }
  | { readonly code: 'version-mismatch'; readonly message: string; readonly instrumentId: string }
  | { readonly code: 'unknown-item'; readonly message: string; readonly instrumentId: string; readonly itemId: string }
  | {
      readonly code: 'changes-more-than-text';
      readonly message: string;
      readonly instrumentId: string;
      readonly field: string;
    }
  | {
      readonly code: 'option-count-mismatch';
      readonly message: string;
      readonly instrumentId: string;
      readonly field: string;
    }
  | {
      readonly code: 'incomplete-text';
      readonly message: string;
      readonly instrumentId: string;
      readonly field: string;
    };

const PATCH_KEYS = new Set([
  'instrumentId',
  'instrumentVersion',
  'licenceNote',
  'instructions',
  'optionLabels',
  'items',
]);
const ITEM_KEYS = new Set(['itemId', 'text', 'optionLabels']);

function patchInstrument(
  instrument: Instrument,
  patch: LicenceInstrumentPatch,
  licenceId: string,
): { ok: true; instrument: Instrument } | { ok: false; error: LicenceError } {
  const instrumentId = instrument.id;
  const refuse = (field: string): { ok: false; error: LicenceError } => ({
    ok: false,
    error: {
      code: 'changes-more-than-text',
      instrumentId,
      field,
      message: `licence pack may only add text; "${field}" of ${instrumentId} cannot be changed`,
    },
  });
  for (const key of Object.keys(patch)) if (!PATCH_KEYS.has(key)) return refuse(key);
  const optionCount = instrument.scoring.optionScores.length;
  if (patch.optionLabels !== undefined && patch.optionLabels.length !== optionCount) {
    return {
      ok: false,
      error: {
        code: 'option-count-mismatch',
        instrumentId,
        field: 'optionLabels',
        message: `${instrumentId} has ${optionCount} options, licence pack gives ${patch.optionLabels.length} labels`,
      },
    };
  }
  const byId = new Map<string, LicenceItemPatch>();
  for (const [index, itemPatch] of patch.items.entries()) {
    for (const key of Object.keys(itemPatch)) if (!ITEM_KEYS.has(key)) return refuse(`items[${index}].${key}`);
    if (!instrument.items.some((i) => i.id === itemPatch.itemId)) {
      return {
        ok: false,
        error: {
          code: 'unknown-item',
          instrumentId,
          itemId: itemPatch.itemId,
          message: `${instrumentId} has no item "${itemPatch.itemId}"`,
        },
      };
    }
    byId.set(itemPatch.itemId, itemPatch);
  }
  const items: Item[] = [];
  for (const item of instrument.items) {
    const p = byId.get(item.id);
    const text = p?.text ?? item.text;
    if (text === undefined) {
      return {
        ok: false,
        error: {
          code: 'incomplete-text',
          instrumentId,
          field: `items.${item.id}.text`,
          message: `${instrumentId} item ${item.number} gets no text; self-completion needs every item`,
        },
      };
    }
    const own = p?.optionLabels ?? item.optionLabels;
    const count = item.optionLabels?.length ?? optionCount;
    if (own !== undefined && own.length !== count) {
      return {
        ok: false,
        error: {
          code: 'option-count-mismatch',
          instrumentId,
          field: `items.${item.id}.optionLabels`,
          message: `${instrumentId} item ${item.number} has ${count} options`,
        },
      };
    }
    if (own === undefined && patch.optionLabels === undefined && instrument.optionLabels === undefined) {
      return {
        ok: false,
        error: {
          code: 'incomplete-text',
          instrumentId,
          field: `items.${item.id}.optionLabels`,
          message: `${instrumentId} item ${item.number} has no option labels`,
        },
      };
    }
    items.push(own === undefined ? { ...item, text } : { ...item, text, optionLabels: own });
  }
  const patched: Instrument = {
    ...instrument,
    presentation: 'full-text',
    items,
    licence: { ...instrument.licence, note: patch.licenceNote, licensedBy: licenceId },
    ...(patch.instructions === undefined ? {} : { instructions: patch.instructions }),
    ...(patch.optionLabels === undefined ? {} : { optionLabels: patch.optionLabels }),
  };
  return { ok: true, instrument: patched };
}

/** Returns the pack with licensed text added, or a typed error on any attempt to change more than text. */
export function applyLicencePack(
  pack: ContentPack,
  licence: LicencePack,
): { ok: true; pack: ContentPack } | { ok: false; error: LicenceError } {
  if (licence.packId !== pack.id) {
    return {
      ok: false,
      error: {
        code: 'wrong-pack',
        message: `licence pack ${licence.id} is for pack ${licence.packId}, not ${pack.id}`,
      },
    };
  }
  let instruments = pack.instruments;
  for (const patch of licence.instruments) {
    const instrument = instruments.find((i) => i.id === patch.instrumentId);
    if (instrument === undefined) {
      return {
        ok: false,
        error: {
          code: 'unknown-instrument',
          instrumentId: patch.instrumentId,
          message: `pack ${pack.id} has no instrument "${patch.instrumentId}"`,
        },
      };
    }
    if (instrument.version !== patch.instrumentVersion) {
      return {
        ok: false,
        error: {
          code: 'version-mismatch',
          instrumentId: instrument.id,
          message: `licence pack is for ${instrument.id} ${patch.instrumentVersion}, pack has ${instrument.version}`,
        },
      };
    }
    const result = patchInstrument(instrument, patch, licence.id);
    if (!result.ok) return result;
    instruments = instruments.map((i) => (i.id === instrument.id ? result.instrument : i));
  }
  return { ok: true, pack: { ...pack, instruments } };
}
