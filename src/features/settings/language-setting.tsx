import { setLanguage, useLanguage } from '../../i18n/language';
import { LANGUAGES, type Language } from '../../i18n/translate';
import { useT } from '../../i18n/use-t';

/** Dutch or English; remembered between visits (src/runtime/language-persistence.ts). */
export function LanguageSetting() {
  const t = useT();
  const language = useLanguage();
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
