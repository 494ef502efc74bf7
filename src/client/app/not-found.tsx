import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export default function NotFound() {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <h1>{t('notFound.title')}</h1>
      <Link className="btn" to="/">
        {t('notFound.home')}
      </Link>
    </div>
  );
}
