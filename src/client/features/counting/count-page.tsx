import { useTranslation } from 'react-i18next';

export default function CountPage() {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <h1>{t('home.flow.count')}</h1>
    </div>
  );
}
