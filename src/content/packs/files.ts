/** The content files bundled with the app; expected-digests.ts has one digest per name. */
export const BUNDLED_FILES = ['postpartum', 'relapse-prevention', 'caregivers', 'roles'] as const;
export type BundledFile = (typeof BUNDLED_FILES)[number];
