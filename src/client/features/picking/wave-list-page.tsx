import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../local/use-session';
import { useMyWaves } from '../../local/use-waves';

export default function WaveListPage() {
  const { t } = useTranslation();
  const session = useSession();
  const waves = useMyWaves(session?.user.id);
  return (
    <div className="stack">
      <h1>{t('pick.waves')}</h1>
      {waves === undefined ? (
        <p className="muted">{t('common.loading')}</p>
      ) : waves.length === 0 ? (
        <p className="muted">{t('pick.no-waves')}</p>
      ) : (
        <ul className="cards">
          {waves.map(({ wave, total, closed }) => (
            <li key={wave.id}>
              <Link className="card" to={`/pick/${encodeURIComponent(wave.id)}`}>
                <span className="card-title">{t('pick.wave', { code: wave.code })}</span>
                <span>{t('pick.wave-progress', { closed, total })}</span>
                <span className="muted">{t(`pick.wave-status.${wave.status}`)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
