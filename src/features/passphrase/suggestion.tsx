import { useState } from 'react';
import { useMessages } from '../../i18n/define-messages';
import { passphraseMessages } from './messages';
import { generatePassphrase } from './strength';

/**
 * The generated passphrase on offer (R39): shown in clear so it can be written down; "use" fills the
 * passphrase fields with it.
 */
export function PassphraseSuggestion({ onUse }: { onUse: (phrase: string) => void }) {
  const t = useMessages(passphraseMessages);
  const [phrase, setPhrase] = useState<string | null>(null);

  async function draw() {
    setPhrase(await generatePassphrase());
  }

  if (phrase === null) {
    return (
      <button type="button" className="button secondary" onClick={() => void draw()}>
        {t('suggest')}
      </button>
    );
  }
  return (
    <div className="passphrase-suggestion">
      <p>
        {t('suggestion')} <strong data-testid="suggested-passphrase">{phrase}</strong>
      </p>
      <div className="button-row">
        <button type="button" className="button secondary" onClick={() => onUse(phrase)}>
          {t('useSuggestion')}
        </button>
        <button type="button" className="button secondary" onClick={() => void draw()}>
          {t('otherSuggestion')}
        </button>
      </div>
    </div>
  );
}
