/** The content files bundled with the app; expected-digests.ts has one digest per name. */
import { PATHWAY_IDS } from '../../domain/types';

export const BUNDLED_FILES = [...PATHWAY_IDS, 'roles'] as const;
export type BundledFile = (typeof BUNDLED_FILES)[number];
