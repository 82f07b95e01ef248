import { ClearedNotice } from './cleared-notice';
import { PersistBanner } from './persist-banner';
import { StaleModal } from './stale-modal';
import './storage-health.css';

/** Storage warnings that belong to the whole app, mounted once in the layout. */
export function StorageHealth() {
  return (
    <>
      <ClearedNotice />
      <PersistBanner />
      <StaleModal />
    </>
  );
}
