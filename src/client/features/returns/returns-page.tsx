import { useTranslation } from 'react-i18next';

export default function ReturnsPage() {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <h1>{t('home.flow.returns')}</h1>
    </div>
  );
}
