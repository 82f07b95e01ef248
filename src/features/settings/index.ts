/** What other features may use from settings. */
export { DEFAULT_AUTO_LOCK_MINUTES, useAutoLockMinutes } from './auto-lock-setting';
export { type EpdsKeyConfirmation, useConfirmedKeys, useEpdsKeyConfirmed } from './epds-key';
