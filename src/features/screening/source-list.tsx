import type { ContentPack } from '../../domain';
import { useMessages } from '../../i18n/define-messages';
import { screeningMessages } from './messages';

/** Source ids resolved to their titles from the pack (the advice names where it comes from). */
export function SourceList({ pack, ids }: { pack: ContentPack; ids: readonly string[] }) {
  const t = useMessages(screeningMessages);
  if (ids.length === 0) return null;
  const titles = ids.map((id) => pack.sources.find((s) => s.id === id)?.title ?? id);
  return (
    <p className="sources">
      {t('sources')}: {titles.join('; ')}
    </p>
  );
}
