export { ClientLog } from './client-log';
export { ConflictChooser } from './conflict-chooser';
export { SyncIndicator } from './sync-indicator';
export { TeamSyncSection } from './team-sync-section';
