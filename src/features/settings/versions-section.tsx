import { useLiveQuery } from 'dexie-react-hooks';
import { version as appVersion } from '../../../package.json';
import { getActivePack, type PackRow, type StapwijzerDb } from '../../db';
import { PATHWAY_IDS } from '../../domain';
import { formatDate } from '../../i18n/dates';
import { useMessages } from '../../i18n/define-messages';
import { useVault } from '../../runtime/vault/runtime-context';
import { settingsMessages } from './messages';

async function activeRows(db: StapwijzerDb): Promise<PackRow[]> {
  const rows = await Promise.all(PATHWAY_IDS.map((id) => getActivePack(db, id)));
  return rows.filter((r): r is PackRow => r !== undefined);
}

/**
 * App version (from package.json, inlined at build time) and each active content pack's version.
 * The packs carry no changelog field yet, so this shows version and import date and says so.
 */
export function VersionsSection({ language }: { language: 'nl' | 'en' }) {
  const t = useMessages(settingsMessages);
  const vault = useVault();
  const rows = useLiveQuery(() => activeRows(vault.db), []);
  const date = (ms: number) => formatDate(ms, language);
  return (
    <section className="settings-section" aria-labelledby="settings-versions">
      <h2 id="settings-versions">{t('versions')}</h2>
      <dl className="settings-facts">
        <dt>{t('appVersion')}</dt>
        <dd>{appVersion}</dd>
      </dl>
      <ul className="plain-list">
        {(rows ?? []).map((row) => {
          const licensed = row.pack.instruments.find((i) => i.licence.licensedBy !== undefined);
          return (
            <li key={row.key}>
              {t('contentVersion', { pack: row.pack.title[language], version: row.contentVersion })},{' '}
              {t('importedAt', { date: date(row.importedAt) })}
              {licensed && `, ${t('licensed', { holder: licensed.licence.licensedBy ?? '' })}`}
            </li>
          );
        })}
      </ul>
      <p className="hint">{t('noChangelog')}</p>
    </section>
  );
}
