import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PhotoCapture } from '../../ui/photo-capture';
import { useReceiveSession } from './receive-session';

/**
 * Damaged units: the reason and at least one photo come first; then the next unit
 * scanned is recorded damaged with them (receiveScan refuses damage without either).
 */
export function DamagePanel() {
  const { t } = useTranslation();
  const id = useId();
  const { damage, set } = useReceiveSession();
  if (!damage) {
    return (
      <button type="button" className="btn btn-warn" onClick={() => set({ damage: { reason: '', photoIds: [], armed: false } })}>
        {t('receiving.mark-damaged')}
      </button>
    );
  }
  // Read at call time: a photo is stored asynchronously, after more typing may have happened.
  const update = (patch: (cur: { reason: string; photoIds: string[] }) => Partial<{ reason: string; photoIds: string[] }>) => {
    const cur = useReceiveSession.getState().damage;
    if (!cur) return;
    const next = { ...cur, ...patch(cur) };
    set({ damage: { ...next, armed: next.reason.trim() !== '' && next.photoIds.length > 0 } });
  };
  return (
    <section className="stack receive-panel" aria-labelledby={`${id}-title`} data-testid="damage-panel">
      <h3 id={`${id}-title`}>{t('receiving.damage-title')}</h3>
      <div className="field">
        <label htmlFor={id}>{t('receiving.damage-reason')}</label>
        <input id={id} type="text" autoComplete="off" maxLength={500} value={damage.reason} onChange={(e) => {
            const reason = e.target.value;
            update(() => ({ reason }));
          }} />
      </div>
      <PhotoCapture label={t('receiving.damage-photo')} onTaken={(photoId) => update((cur) => ({ photoIds: [...cur.photoIds, photoId] }))} />
      <p className="muted" data-testid="damage-photos">
        {t('receiving.damage-photos', { count: damage.photoIds.length })}
      </p>
      <p className={damage.armed ? 'message message-warn' : 'hint'} role="status">
        {damage.armed ? t('receiving.damage-armed') : t('receiving.damage-needs')}
      </p>
      <button type="button" className="btn" onClick={() => set({ damage: null })}>
        {t('receiving.cancel')}
      </button>
    </section>
  );
}
