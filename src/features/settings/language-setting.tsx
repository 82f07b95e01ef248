import { useSession } from '../../app/session-store';
import { LANGUAGES, type Language } from '../../i18n/translate';
import { useT } from '../../i18n/use-t';

/** Dutch or English; remembered through the session store's persisted preference. */
export function LanguageSetting() {
  const t = useT();
  const language = useSession((s) => s.language);
  const setLanguage = useSession((s) => s.setLanguage);
  return (
    <fieldset className="field">
      <legend>{t('settings.language')}</legend>
      <p className="hint">{t('settings.languageHelp')}</p>
      <div className="choice-row">
        {LANGUAGES.map((code: Language) => (
          <label key={code} className="choice">
            <input
              type="radio"
              name="language"
              value={code}
              checked={language === code}
              onChange={() => setLanguage(code)}
            />
            <span lang={code}>{t(`language.${code}`)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
