import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { forgetHandover, useWaveHandovers, type Handover } from '../../local/use-wave-handovers';

/** "W-0003's remaining lines were given to Bea", and where the picker's finished lines went. */
function HandoverText({ h }: { h: Handover }) {
  const { t } = useTranslation();
  return (
    <>
      <p>{t(`pickHandover.${h.scope}`, { code: h.code, name: h.to })}</p>
      {h.split && !h.split.droppedAt && <p>{t('pickHandover.split', { code: h.code, split: h.split.code })}</p>}
    </>
  );
}

/** On the pick screen of a wave someone else holds now: no more picking here. */
export function HandoverPanel({ h }: { h: Handover }) {
  const { t } = useTranslation();
  return (
    <div className="message message-warn stack" role="alert" data-testid="handover" data-scope={h.scope}>
      <HandoverText h={h} />
      <p>{t('pickHandover.counts')}</p>
      <div className="row">
        {h.split && !h.split.droppedAt && (
          <Link className="btn btn-primary" to={`/pick/${encodeURIComponent(h.split.id)}`}>
            {t('pickHandover.open-split', { split: h.split.code })}
          </Link>
        )}
        <Link className="btn" to="/pick">
          {t('pick.back-to-waves')}
        </Link>
      </div>
    </div>
  );
}

/** On the wave list: every wave taken from this picker, until they say they have read it. */
export function HandoverNotices({ userId }: { userId: string | undefined }) {
  const { t } = useTranslation();
  const handovers = useWaveHandovers(userId);
  if (!userId || !handovers?.length) return null;
  return (
    <ul className="stack" aria-label={t('pickHandover.title')} data-testid="handovers">
      {handovers.map((h) => (
        <li key={h.waveId} className="message message-warn stack" data-testid="handover" data-scope={h.scope}>
          <HandoverText h={h} />
          <button type="button" className="btn" onClick={() => void forgetHandover(userId, h.waveId)}>
            {t('pickHandover.ok', { code: h.code })}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** "Pat picked 1 line of W-0004 after it was given to you": the new holder's side of a stale pick. */
export function StalePicksNote({ code, picks }: { code: string; picks: { by: string; count: number }[] | undefined }) {
  const { t } = useTranslation();
  if (!picks?.length) return null;
  return (
    <>
      {picks.map((p) => (
        <span key={p.by} className="message message-warn" data-testid="stale-picks">
          {t('pickHandover.stale-by', { name: p.by, count: p.count, code })}
        </span>
      ))}
    </>
  );
}
