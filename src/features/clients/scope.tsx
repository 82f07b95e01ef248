// "Mijn cliënten / team" (issue 20): in a team, Vandaag and the client list show the clients this
// member is responsible for (the member who created them), or the whole team's. Shown only once a team
// exists on this device; the choice holds for both screens until the app is closed.
import { useLiveQuery } from 'dexie-react-hooks';
import { useId } from 'react';
import { create } from 'zustand';
import type { CaseloadScope } from '../../domain';
import { useMessages } from '../../i18n/define-messages';
import { readProfile } from '../../runtime/profile/profile';
import { useSync } from '../../runtime/sync/sync-store';
import { useVault } from '../../runtime/vault/runtime-context';
import { scopeMessages } from './scope-messages';

// The whole team by default: a member who joins sees the shared caseload first, and narrows it herself.
const useScopeStore = create<{ scope: CaseloadScope; set: (scope: CaseloadScope) => void }>()((set) => ({
  scope: 'team',
  set: (scope) => set({ scope }),
}));

export interface ScopeState {
  /** False without a team: every list shows everything and no filter is shown. */
  team: boolean;
  scope: CaseloadScope;
  /** This vault's initials (what `createdBy` holds); null while loading or without a profile. */
  initials: string | null;
  setScope: (scope: CaseloadScope) => void;
}

export function useCaseloadScope(): ScopeState {
  const vault = useVault();
  const team = useSync((s) => s.phase !== 'off');
  const { scope, set } = useScopeStore();
  const profile = useLiveQuery(() => readProfile(vault.session()), [vault]);
  return { team, scope: team ? scope : 'team', initials: profile?.initials.trim() ?? null, setScope: set };
}

export function ScopeFilter({ state }: { state: ScopeState }) {
  const t = useMessages(scopeMessages);
  const id = useId();
  if (!state.team) return null;
  return (
    <fieldset className="field scope-filter">
      <legend>{t('legend')}</legend>
      <div className="choice-row">
        {(['mine', 'team'] as const).map((s) => (
          <label key={s} className="choice">
            <input type="radio" name={`${id}-scope`} checked={state.scope === s} onChange={() => state.setScope(s)} />
            {s === 'mine' ? t('mine', { initials: state.initials ?? '' }) : t('team')}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
