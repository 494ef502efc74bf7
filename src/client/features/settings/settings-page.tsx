import { useTranslation } from 'react-i18next';
import { chooseLanguage, LANGUAGES, type Language } from '../../i18n';
import { setUserLanguage } from '../../local/session';
import { ScannerSettingsSection } from './scanner-settings-section';
import './scanner.css';

export default function SettingsPage() {
  const { t, i18n } = useTranslation();
  const change = (lng: Language) => {
    chooseLanguage(lng);
    void setUserLanguage(lng);
  };
  return (
    <div className="stack">
      <h1>{t('settings.title')}</h1>
      <fieldset className="stack">
        <legend>{t('settings.language')}</legend>
        {LANGUAGES.map((lng) => (
          <label key={lng} className="choice" lang={lng}>
            <input type="radio" name="language" value={lng} checked={i18n.language === lng} onChange={() => change(lng)} />
            {t(`settings.lang.${lng}`)}
          </label>
        ))}
      </fieldset>
      <ScannerSettingsSection />
    </div>
  );
}
