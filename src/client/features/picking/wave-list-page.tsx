import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useSession } from '../../local/use-session';
import { useRememberMyWaves, useStalePicksByOthers } from '../../local/use-wave-handovers';
import { useMyWaves } from '../../local/use-waves';
import { HandoverNotices, StalePicksNote } from './handover-notice';

export default function WaveListPage() {
  const { t } = useTranslation();
  const session = useSession();
  const all = useMyWaves(session?.user.id);
  // A wave whose totes are at a pack bench is the packers' now.
  const waves = all?.filter((w) => !w.wave.droppedAt);
  // Remembered so that a wave a lead gives to someone else is told, not silently dropped.
  useRememberMyWaves(session?.user.id, waves?.map((w) => w.wave));
  const stale = useStalePicksByOthers(session?.user.id);
  // Set by the pick screen after a drop-off ("Totes at PACK-01 awaiting packing").
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  return (
    <div className="stack">
      <h1>{t('pick.waves')}</h1>
      {notice && (
        <p className="message message-success" role="status" data-testid="notice">
          {notice}
        </p>
      )}
      <HandoverNotices userId={session?.user.id} />
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
                <StalePicksNote code={wave.code} picks={stale?.[wave.id]} />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
