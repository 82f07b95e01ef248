/** Practice indicators (issue 22): pure counts over plain records, and the export's suppression. */
export * from './compute';
export { periodOf, periodsEnding } from './periods';
export * from './suppress';
export type * from './types';
