// "Hulp nu" (issue 18, WHO mhGAP: emergencies before any assessment): one button in the shell header,
// on every screen — the lock screen and the screening runner included, hidden only in hand-to-client
// mode — that opens the urgent panel without a screening. Everything in it is bundled content or a
// local setting, so it works offline; the regional numbers are sealed, so while locked it says where
// they are instead of claiming they are not set. The panel is loaded when the button is first pressed
// (precached, so offline too): the first screen carries only the button.
import { useLayoutEffect, useRef } from 'react';
import { type ContentPack, helpNowAdvice } from '../../domain';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { useActivePacks } from '../../runtime/content/use-content';
import { useSession } from '../../runtime/session-store';
import { useRolePathways } from '../home/use-role-pathways';
import { helpNowMessages } from './help-now.messages';
import { HELP_NOW_PANEL_ID } from './help-now-button';
import { UrgentPanel } from './urgent-panel';

/** The panel under the header; focus moves to it on open, Escape or "Sluiten" closes it. */
export function HelpNowPanel(props: { onClose: () => void }) {
  const t = useMessages(helpNowMessages);
  const unlocked = useSession((s) => s.vaultStatus === 'unlocked');
  const ref = useRef<HTMLElement>(null);
  // A layout effect: focus lands in the same commit as the panel, never a moment later.
  useLayoutEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <section
      id={HELP_NOW_PANEL_ID}
      ref={ref}
      className="help-now"
      aria-labelledby="help-now-heading"
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onClose();
      }}
    >
      <div className="help-now-bar">
        <h2 id="help-now-heading">{t('heading')}</h2>
        <button type="button" className="button secondary" onClick={props.onClose}>
          {t('close')}
        </button>
      </div>
      <p>{t('intro')}</p>
      {/* The profile is sealed: its roles choose the packs only once unlocked; before that, every pack. */}
      {unlocked ? <RolePanels /> : <AllPanels />}
    </section>
  );
}

function RolePanels() {
  const packs = useRolePathways();
  const all = useActivePacks();
  return <Panels packs={packs === undefined ? undefined : packs.length > 0 ? packs : all} />;
}

function AllPanels() {
  return <Panels packs={useActivePacks()} />;
}

function Panels({ packs }: { packs: readonly ContentPack[] | undefined }) {
  const t = useMessages(helpNowMessages);
  const language = useLanguage();
  if (packs === undefined) return <p role="status">{t('loading')}</p>;
  return packs.map((pack) => (
    <UrgentPanel
      key={pack.id}
      pack={pack}
      advice={helpNowAdvice(pack)}
      id={`help-now-${pack.id}`}
      heading={pack.title[language]}
    />
  ));
}
