import { useTranslation } from 'react-i18next';

export default function ReceivePage() {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <h1>{t('home.flow.receive')}</h1>
    </div>
  );
}
