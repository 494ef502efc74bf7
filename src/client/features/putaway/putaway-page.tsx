import { useTranslation } from 'react-i18next';

export default function PutawayPage() {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <h1>{t('home.flow.putaway')}</h1>
    </div>
  );
}
