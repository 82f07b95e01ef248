/** The caseload index's pure half (issue 17): projecting a client's records, and what the lists show. */
export { ANONYMOUS_KEY, groupCaseloadRecords, projectCaseloadEntry } from './project';
export type * from './types';
export type { CaseloadRow, CaseloadScope, DueWhen, TodayCaseload } from './view';
export {
  caseloadRow,
  dueWhen,
  indicatorRecordsOf,
  listedClients,
  rowsInScope,
  todayCaseload,
  todayInScope,
  WEEK_DAYS,
} from './view';
