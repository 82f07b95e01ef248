/** The sealed caseload index (issue 17): read by the lists and the indicators, kept current by every save. */
export { CASELOAD_INDEX_FORMAT, CHUNK_SIZE, chunkOf, HEAD_ID } from './index-rows';
export type { CaseloadSnapshot, ReadCaseloadOptions } from './read';
export { caseloadChecked, caseloadSignature, peekCaseload, readCaseload } from './read';
export type { CaseloadProgress } from './rebuild';
export { rebuildCaseloadIndex } from './rebuild';
