/**
 * Team audit (issue 19): other devices' audit days and the merged log, as an entry of its own. Only the
 * team's code (the sync engine, a lazy chunk), the log page and the client page's team log import it,
 * so the db chunk the lock screen loads does not carry it (the first screen does not grow).
 */
export { clientRecordIds, type LogEntry, readLogEntries } from './audit/log-entries';
export * from './repositories/team-audit.repository';
