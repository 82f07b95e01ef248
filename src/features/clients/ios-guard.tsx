// R11: Safari outside a home-screen app may evict site data after 7 days without use, so client
// records are not created there; the professional is shown how to install the app instead.
import { isIosOutsideStandalone } from '../../db';
import { useMessages } from '../../i18n/define-messages';
import { messages } from './messages';

/** True when this browser must not hold client records (iOS Safari outside standalone). */
export function useIosRecordBlock(): boolean {
  const matchMedia = typeof window.matchMedia === 'function' ? (query: string) => window.matchMedia(query) : null;
  return isIosOutsideStandalone(navigator, matchMedia);
}

export function IosInstallInstructions() {
  const t = useMessages(messages);
  return (
    <section className="warning-box" aria-labelledby="ios-install-title">
      <h2 id="ios-install-title">{t('iosTitle')}</h2>
      <p>{t('iosBody')}</p>
      <ol>
        <li>{t('iosStep1')}</li>
        <li>{t('iosStep2')}</li>
        <li>{t('iosStep3')}</li>
      </ol>
    </section>
  );
}
