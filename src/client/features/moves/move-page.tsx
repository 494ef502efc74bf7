import { useTranslation } from 'react-i18next';

export default function MovePage() {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <h1>{t('home.flow.move')}</h1>
    </div>
  );
}
