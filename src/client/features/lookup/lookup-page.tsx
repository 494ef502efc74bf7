import { useTranslation } from 'react-i18next';

export default function LookupPage() {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <h1>{t('home.flow.lookup')}</h1>
    </div>
  );
}
